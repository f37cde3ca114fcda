// Why a file cannot be imported at all: a stable code, and a message in Thai and English that says
// what happened and what to do. Nothing is ever written when one of these is raised.

export const MAX_DATA_ROWS = 20_000;
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

const MESSAGES = {
  'file.empty': {
    th: 'ไฟล์นี้ว่างเปล่า (0 ไบต์): ดาวน์โหลดไฟล์จาก DMC ใหม่อีกครั้ง',
    en: 'This file is empty (0 bytes): download it from DMC again',
  },
  'file.too_large': {
    th: 'ไฟล์ใหญ่เกินไป ({size} MB, รับได้ไม่เกิน {max} MB): ตรวจว่าเลือกไฟล์ถูกต้อง',
    en: 'The file is too large ({size} MB, at most {max} MB): check that this is the right file',
  },
  'file.picture': {
    th: 'ไฟล์นี้เป็นรูปภาพหรือเอกสาร ({kind}) ที่ถูกตั้งชื่อเป็นไฟล์ตาราง ไม่ใช่ไฟล์ Excel หรือ CSV: เลือกไฟล์ที่ดาวน์โหลดจาก DMC',
    en: 'This file is a picture or document ({kind}) named like a spreadsheet, not an Excel or CSV file: choose the file downloaded from DMC',
  },
  'file.not_spreadsheet': {
    th: 'ไฟล์นี้ไม่ใช่ไฟล์ตาราง (.xlsx, .xls หรือ .csv) ที่อ่านได้: เปิดด้วย Excel แล้วบันทึกเป็น .xlsx ก่อนนำเข้า',
    en: 'This is not a spreadsheet that can be read (.xlsx, .xls or .csv): open it in Excel and save it as .xlsx first',
  },
  'file.damaged': {
    th: 'ไฟล์เสียหรือดาวน์โหลดมาไม่ครบ จึงเปิดไม่ได้: ดาวน์โหลดไฟล์ใหม่อีกครั้ง',
    en: 'The file is damaged or was not downloaded completely, so it cannot be opened: download it again',
  },
  'file.password': {
    th: 'ไฟล์นี้ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้: เปิดใน Excel แล้วเอารหัสผ่านออก (ไฟล์ > ข้อมูล > ป้องกันเวิร์กบุ๊ก) แล้วบันทึกใหม่',
    en: 'This file is password-protected, so it cannot be read: open it in Excel, remove the password and save it again',
  },
  'file.encoding': {
    th: 'อ่านตัวอักษรในไฟล์ CSV นี้ไม่ได้ (ไม่ใช่ UTF-8 หรือ TIS-620): บันทึกจาก Excel เป็น "CSV UTF-8" แล้วนำเข้าใหม่',
    en: 'The text of this CSV file cannot be read (neither UTF-8 nor TIS-620): save it from Excel as "CSV UTF-8" and import it again',
  },
  'file.too_many_rows': {
    th: 'ไฟล์มีข้อมูลมากกว่า {max} แถว ({rows} แถว) ซึ่งมากเกินกว่าโรงเรียนเดียว: ตรวจว่าเลือกไฟล์ถูกต้อง หรือแบ่งไฟล์ก่อนนำเข้า',
    en: 'The file has more than {max} rows ({rows}), more than one school has: check the file, or split it before importing',
  },
  'file.too_many_cells': {
    th: 'ไฟล์นี้มีช่องข้อมูลมากเกินไป ({cells} ช่อง รับได้ไม่เกิน {max} ช่อง) จึงไม่ได้เปิด เพื่อไม่ให้เครื่องค้าง: ตรวจว่าเลือกไฟล์ถูกต้อง หรือคัดลอกเฉพาะรายชื่อนักเรียนไปบันทึกเป็น .xlsx ใหม่',
    en: 'This file has too many cells ({cells}, at most {max}), so it was not opened, to keep the device responsive: check the file, or copy just the student list into a new .xlsx',
  },
  'file.no_data': {
    th: 'ไม่พบข้อมูลในไฟล์นี้ (ทุกแผ่นงานว่าง หรือมีแต่หัวตาราง): ตรวจว่าเลือกไฟล์ถูกต้อง',
    en: 'There is no data in this file (every sheet is empty or has only headers): check that this is the right file',
  },
  'file.no_students': {
    th: 'ไม่พบรายชื่อนักเรียนในไฟล์นี้ (แผ่นงาน: {sheets}) ไม่มีคอลัมน์ชื่อหรือเลขประจำตัว: เลือกไฟล์หรือแผ่นงานที่มีรายชื่อนักเรียน',
    en: 'No student list was found in this file (sheets: {sheets}); no name or ID column: choose the file or sheet with the student list',
  },
} as const;

export type ProblemCode = keyof typeof MESSAGES;
export type ProblemParams = Record<string, string | number>;

/** Raised by the spreadsheet reader; the code is stable, the params fill the message. */
export class SpreadsheetProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly params: ProblemParams = {},
  ) {
    super(code);
    this.name = 'SpreadsheetProblem';
  }
}

export function problemMessage(code: ProblemCode, params: ProblemParams, lang: 'th' | 'en'): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m));
}
