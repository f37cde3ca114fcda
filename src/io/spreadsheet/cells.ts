// One cell → the value the record wants, column kind by column kind, with DMC's habits: "-" is empty,
// dates are Buddhist Era text or Excel serials, IDs must keep every digit. What cannot be read honestly
// (an ID in exponent form) is reported, never guessed.
import { isValidCitizenId } from '../../domain/ids';
import type { Message } from '../../domain/validation/catalogue';
import { serialToIso } from './excel-date';
import type { Cell } from './workbook';

// Our own exports put an apostrophe before text that a spreadsheet could run as a formula (safe-cell.ts).
const GUARDED = /^'[=+\-@\t\r]/;

/** The cell as trimmed text: '' for empty cells and DMC's "-". */
export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null || cell.t === 'z' || cell.t === 'e') return '';
  let text: string;
  if (typeof cell.v === 'number') text = numberText(cell.v);
  else if (typeof cell.v === 'boolean') text = cell.v ? '1' : '0';
  else text = String(cell.v).trim();
  if (GUARDED.test(text)) text = text.slice(1);
  return text === '-' ? '' : text;
}

// Whole numbers print all their digits: String(1101700012344) never turns into exponent form below 1e21.
function numberText(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

export const isEmptyCell = (cell: Cell | undefined): boolean => cellText(cell) === '';

export interface IdRead {
  text: string;
  damage: Message | null;
}

const EXPONENT = /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i;

function damaged(shown: string): Message {
  return {
    th: `เลขประจำตัวในไฟล์ถูกโปรแกรมตารางคำนวณเปลี่ยนเป็นรูปเลขยกกำลัง "${shown}" ตัวเลขหลักท้าย ๆ หายไปแล้ว จึงไม่ได้นำเข้าเลขนี้: ดาวน์โหลดไฟล์จาก DMC ใหม่ หรือจัดรูปแบบคอลัมน์เป็น "ข้อความ" แล้วพิมพ์เลข 13 หลักจากบัตรอีกครั้ง`,
    en: `A spreadsheet program turned the ID in the file into exponent form "${shown}" and its last digits are lost, so it was not imported: download the file from DMC again, or format the column as Text and type the 13 digits from the ID card again`,
  };
}

/** An ID number: text as written; a number cell by its digits (a 13-digit number is intact). */
export function readId(cell: Cell | undefined): IdRead {
  const text = cellText(cell);
  if (EXPONENT.test(text)) return { text: '', damage: damaged(text) };
  if (cell?.t === 'n' && typeof cell.v === 'number') {
    if (!Number.isInteger(cell.v)) return { text: '', damage: damaged(String(cell.v)) };
    // A number cell drops a leading zero (IDs of people without Thai nationality start with 0).
    if (text.length === 12 && isValidCitizenId(`0${text}`)) return { text: `0${text}`, damage: null };
  }
  return { text, damage: null };
}

/** A date: ISO from a serial, else the text for the record reader (BE "20/03/2555", "10 มิ.ย. 2569"). */
export function readDate(cell: Cell | undefined, date1904: boolean): string {
  if (cell?.t === 'n' && typeof cell.v === 'number') return serialToIso(cell.v, date1904) ?? String(cell.v);
  return cellText(cell);
}

/** A phone number stored as a number lost its leading 0 (0812345678 → 812345678). */
export function readPhone(cell: Cell | undefined): string {
  const text = cellText(cell);
  return cell?.t === 'n' && /^[1-9]\d{7,8}$/.test(text) ? `0${text}` : text;
}

/** A number as the record reader wants it: numbers stay numbers, text ("1,200") is parsed there. */
export function readNumber(cell: Cell | undefined): number | string {
  return cell?.t === 'n' && typeof cell.v === 'number' ? cell.v : cellText(cell);
}

/** Whether a number cell carries a date format (for guessing columns of unknown files). */
export function hasDateFormat(cell: Cell | undefined): boolean {
  return cell?.t === 'n' && typeof cell.z === 'string' && /[dmy]/i.test(cell.z.replace(/\[[^\]]*\]|"[^"]*"/g, ''));
}
