// Every validation rule in one place: the code is stable (screens, reports and saved dismissals use it),
// the severity decides whether it blocks confirmation, and the message tells the user what to do.
import { AGE_TOLERANCE_YEARS as TOLERANCE } from './norms';

export type Severity = 'error' | 'warning';
export interface Message {
  th: string;
  en: string;
}
interface RuleSpec {
  severity: Severity;
  fields: readonly string[];
  message: Message;
}

const rule = (severity: Severity, fields: readonly string[], th: string, en: string): RuleSpec => ({
  severity,
  fields,
  message: { th, en },
});

export const RULES = {
  'record.unreadable': rule(
    'error',
    ['record'],
    'อ่านแถวนี้ไม่ได้ (ไม่ใช่ข้อมูลนักเรียน 1 คน): ตรวจแถวในไฟล์ต้นฉบับแล้วนำเข้าใหม่',
    'This row could not be read as one student record: check the row in the source file and import it again',
  ),
  'record.invalid_value': rule(
    'warning',
    ['*'],
    'ค่าในช่องนี้ไม่ตรงกับรายการหรือรูปแบบที่รู้จัก จึงยังว่างไว้ (ข้อความเดิมเก็บไว้ให้ดู): เลือกหรือกรอกใหม่',
    'The value in this field matches no known list entry or form, so the field is left blank (the original text is kept to look at): choose or enter it again',
  ),
  'id.missing': rule(
    'error',
    ['idNo'],
    'ไม่มีเลขประจำตัวประชาชน: กรอกเลข 13 หลัก หรือขอ G-Code ให้เด็กที่ไม่มีหลักฐานทางทะเบียนราษฎร',
    'No ID number: enter the 13-digit citizen ID, or request a G-code for a child without civil registration',
  ),
  'id.format': rule(
    'error',
    ['idNo'],
    'เลขประจำตัวประชาชนต้องเป็นตัวเลข 13 หลัก และไม่ขึ้นต้นด้วย 9: ตรวจกับบัตรหรือทะเบียนบ้าน',
    'A citizen ID is 13 digits and does not start with 9: check it against the ID card or house registration',
  ),
  'id.checksum': rule(
    'error',
    ['idNo'],
    'เลขประจำตัวประชาชนไม่ถูกต้อง (หลักสุดท้ายไม่ตรง) น่าจะพิมพ์ผิด: ตรวจกับบัตรหรือทะเบียนบ้าน',
    'The citizen ID fails its check digit, probably a typing error: check it against the ID card or house registration',
  ),
  'id.check_overridden': rule(
    'warning',
    ['idNo'],
    'เลขประจำตัวประชาชนนี้ไม่ผ่านการตรวจ แต่ผู้ใช้ยืนยันให้บันทึกพร้อมเหตุผล: ตรวจกับบัตรอีกครั้งเมื่อทำได้',
    'This citizen ID fails its check, but a user confirmed it with a reason: check it against the ID card again when possible',
  ),
  'gcode.format': rule(
    'error',
    ['idNo'],
    'G-Code ต้องเป็น G ตามด้วยตัวเลข 12 หลัก: ตรวจกับเอกสารที่ได้รับจากระบบ G-Code',
    'A G-code is G followed by 12 digits: check it against the G-code document',
  ),
  'id.duplicate': rule(
    'error',
    ['idNo'],
    'เลขประจำตัวนี้ซ้ำกับนักเรียนอีกคนที่กำลังเรียนอยู่: ถ้าคนใดพิมพ์เลขผิดให้แก้เลข ถ้าเป็นคนเดียวกันที่บันทึกซ้ำ กด “รวมเป็นระเบียนเดียว” ในหน้าตรวจความถูกต้อง',
    'Another current student has the same ID number: correct the one mistyped, or, if it is one child entered twice, tap “Merge into one record” on the check page',
  ),
  'person.possible_duplicate': rule(
    'warning',
    ['firstName', 'lastName', 'birthDate'],
    'อาจเป็นนักเรียนคนเดียวกันที่บันทึกซ้ำด้วยเลขประจำตัวต่างกัน: ถ้าเป็นคนเดียวกัน กด “รวมเป็นระเบียนเดียว” ถ้าระเบียนหนึ่งบันทึกผิด เปิดระเบียนนั้นแล้ว “ลบระเบียนนี้” ถ้าเป็นคนละคนจริง (เช่น ฝาแฝด) กด “ไม่ใช่คนเดียวกัน”',
    'Possibly the same student entered twice under different IDs: if it is one child, tap “Merge into one record”; if one record was entered by mistake, open it and remove it; only if they really are two children (twins, say), tap “Not the same person”',
  ),
  'name.missing': rule(
    'error',
    ['firstName', 'lastName'],
    'ไม่มีชื่อหรือนามสกุลภาษาไทย: กรอกตามทะเบียนบ้าน',
    'The Thai first name or last name is missing: enter it as in the house registration',
  ),
  'name.invalid_chars': rule(
    'error',
    ['firstName', 'lastName'],
    'ชื่อภาษาไทยมีตัวเลข อักษรอังกฤษ เครื่องหมาย หรือช่องว่างเกิน: พิมพ์เป็นอักษรไทยตามทะเบียนบ้าน ไม่ต้องใส่คำนำหน้า (ชื่ออังกฤษกรอกในช่องภาษาอังกฤษ)',
    'The Thai name has digits, Latin letters, symbols or extra spaces: type it in Thai as in the house registration, without the prefix (English spelling goes in the English fields)',
  ),
  'prefix.missing': rule(
    'error',
    ['prefix'],
    'ไม่มีคำนำหน้าชื่อ: เลือก เด็กชาย เด็กหญิง นาย หรือ นางสาว',
    'The prefix is missing: choose เด็กชาย, เด็กหญิง, นาย or นางสาว',
  ),
  'prefix.unknown': rule(
    'warning',
    ['prefix'],
    'คำนำหน้าชื่อนี้ไม่อยู่ในรายการของ DMC: ตรวจว่าสะกดถูกต้อง',
    'This prefix is not in the DMC list: check its spelling',
  ),
  'prefix.sex_mismatch': rule(
    'error',
    ['prefix'],
    'คำนำหน้าชื่อไม่ตรงกับเพศ: แก้คำนำหน้าหรือเพศให้ตรงกัน',
    'The prefix does not match the sex: correct the prefix or the sex',
  ),
  'prefix.age_mismatch': rule(
    'warning',
    ['prefix'],
    'คำนำหน้าชื่อไม่ตรงกับอายุ (อายุ 15 ปีขึ้นไปใช้ นาย/นางสาว ต่ำกว่า 15 ปีใช้ เด็กชาย/เด็กหญิง): แก้คำนำหน้า หรือตรวจวันเกิด',
    'The prefix does not fit the age (นาย/นางสาว from 15, เด็กชาย/เด็กหญิง below 15): correct the prefix or check the birth date',
  ),
  'sex.missing': rule(
    'error',
    ['sex'],
    'ไม่ได้ระบุเพศ หรือระบุไม่ถูกต้อง: เลือก ชาย หรือ หญิง',
    'The sex is missing or not recognised: choose male or female',
  ),
  'birthdate.missing': rule(
    'error',
    ['birthDate'],
    'ไม่มีวันเกิด: กรอกตามสูติบัตรหรือทะเบียนบ้าน',
    'The birth date is missing: enter it from the birth certificate or house registration',
  ),
  'birthdate.invalid': rule(
    'error',
    ['birthDate'],
    'วันเกิดไม่ใช่วันที่ที่มีอยู่จริง หรืออ่านไม่ได้: กรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 20/03/2555',
    'The birth date is not a real date or could not be read: enter it as day/month/Buddhist year, e.g. 20/03/2555',
  ),
  'birthdate.future': rule(
    'error',
    ['birthDate'],
    'วันเกิดอยู่หลังวันที่ของข้อมูล: ตรวจปี พ.ศ. ของวันเกิด',
    'The birth date is after the date of the data: check the year of birth',
  ),
  'age.grade_mismatch': rule(
    'warning',
    ['birthDate', 'grade'],
    `อายุห่างจากอายุปกติของชั้นนี้เกิน ${TOLERANCE} ปี: ตรวจวันเกิดและชั้นเรียน (ถ้าถูกต้องแล้วไม่ต้องแก้)`,
    `The age is more than ${TOLERANCE} years away from the usual age for this grade: check the birth date and grade (leave it if both are right)`,
  ),
  'grade.unknown': rule(
    'error',
    ['grade'],
    'ไม่ได้ระบุชั้นเรียน หรือไม่ใช่ชั้นที่ DMC รู้จัก (อ.1–ปวช.3): เลือกชั้นเรียน',
    'The grade is missing or not a DMC grade (อ.1 to ปวช.3): choose the grade',
  ),
  'room.missing': rule(
    'error',
    ['room'],
    'ไม่ได้ระบุห้องเรียน: กรอกเลขห้อง (ถ้ามีห้องเดียวให้กรอก 1)',
    'The room is missing: enter the room number (1 if the grade has one room)',
  ),
  'weight.implausible': rule(
    'warning',
    ['health.weightKg'],
    'น้ำหนักผิดปกติมากสำหรับอายุนี้ น่าจะพิมพ์ผิด: ตรวจหน่วย (กิโลกรัม) และชั่งใหม่ถ้าจำเป็น',
    'The weight is far outside what is possible at this age, probably a typing error: check the unit (kg) and weigh again if needed',
  ),
  'height.implausible': rule(
    'warning',
    ['health.heightCm'],
    'ส่วนสูงผิดปกติมากสำหรับอายุนี้ น่าจะพิมพ์ผิด: ตรวจหน่วย (เซนติเมตร) และวัดใหม่ถ้าจำเป็น',
    'The height is far outside what is possible at this age, probably a typing error: check the unit (cm) and measure again if needed',
  ),
  'address.unknown_area': rule(
    'warning',
    [
      'addresses.registered.subdistrictCode',
      'addresses.registered.districtCode',
      'addresses.registered.provinceCode',
      'addresses.current.subdistrictCode',
      'addresses.current.districtCode',
      'addresses.current.provinceCode',
    ],
    'ตำบล อำเภอ หรือจังหวัดไม่ตรงกับรายชื่อพื้นที่ของกรมการปกครอง: เลือกใหม่จากรายการ',
    'The subdistrict, district or province is not in the DOPA area list or they do not belong together: choose them again from the list',
  ),
} as const satisfies Record<string, RuleSpec>;

export type RuleCode = keyof typeof RULES;

export interface Finding {
  rule: RuleCode;
  severity: Severity;
  /** Path in the student record ("idNo", "health.weightKg"), or "record" for the whole row. */
  field: string;
  message: Message;
  studentId: string;
  /** The text a file wrote in this field, when it fitted no value and was kept rather than stored (student.unmatched). */
  value?: string;
}

export function finding(rule: RuleCode, studentId: string, field: string = RULES[rule].fields[0]!): Finding {
  const { severity, message } = RULES[rule];
  return { rule, severity, field, message, studentId };
}

/** Failing rules with how often each fails, in catalogue order (errors and warnings mixed). */
export function countByRule(findings: readonly Finding[]): { rule: RuleCode; severity: Severity; count: number }[] {
  const counts = new Map<RuleCode, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return (Object.keys(RULES) as RuleCode[])
    .filter((r) => counts.has(r))
    .map((r) => ({ rule: r, severity: RULES[r].severity, count: counts.get(r)! }));
}

export const blocksConfirmation = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === 'error');
