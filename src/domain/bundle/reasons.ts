// Every reason a bundle is refused or held, with the verification step it belongs to. Codes are
// stable (the command line prints them; docs/bundle-format.md lists them); messages say what is wrong.
export interface ReasonSpec {
  step: 1 | 2 | 3 | 4 | 5 | 6 | 7;
  th: string;
  en: string;
}

const r = (step: ReasonSpec['step'], th: string, en: string): ReasonSpec => ({ step, th, en });

export const REASONS = {
  'zip.malformed': r(
    1,
    'ไฟล์นี้ไม่ใช่ชุดข้อมูล .tabian ที่สมบูรณ์ (ไฟล์ ZIP เสียหายหรือถูกตัดทอน): ขอไฟล์ใหม่จากผู้ส่ง',
    'The file is not a complete .tabian bundle (the ZIP archive is damaged or cut short): ask the sender for it again',
  ),
  'zip.limits': r(
    1,
    'ไฟล์นี้เกินขีดจำกัด (จำนวนไฟล์ ขนาดรวม หรืออัตราการบีบอัด) อาจเป็นไฟล์อันตราย จึงไม่ได้แตกไฟล์',
    'The archive goes beyond the limits (entries, total size or compression ratio) and may be a zip bomb: it was not unpacked',
  ),
  'zip.path': r(
    1,
    'มีชื่อไฟล์ในชุดข้อมูลที่ไม่ปลอดภัย (เช่น ../ เครื่องหมาย \\ หรือขึ้นต้นด้วย /) จึงไม่ได้แตกไฟล์',
    'An entry has an unsafe name (such as ../, a backslash or a leading /): the bundle was not unpacked',
  ),
  'zip.duplicate': r(
    1,
    'มีไฟล์ชื่อซ้ำกันในชุดข้อมูล จึงบอกไม่ได้ว่าไฟล์ใดเป็นของจริง',
    'Two entries have the same name, so there is no telling which one is real',
  ),
  'envelope.missing': r(
    2,
    'ไม่พบข้อความรับรองที่ลงนาม (statement.dsse.json) ในชุดข้อมูล',
    'The signed statement (statement.dsse.json) is missing',
  ),
  'envelope.malformed': r(
    2,
    'อ่านข้อความรับรองที่ลงนาม (statement.dsse.json) ไม่ได้ หรือไม่อยู่ในรูปแบบ DSSE',
    'The signed statement (statement.dsse.json) cannot be read as a DSSE envelope',
  ),
  'envelope.type': r(
    2,
    'ข้อความที่ลงนามไม่ใช่ข้อความรับรองของชุดข้อมูลทะเบียน (payloadType ไม่ถูกต้อง)',
    'The signed envelope does not hold a Tabian statement (wrong payloadType)',
  ),
  'statement.malformed': r(
    2,
    'ข้อความรับรองที่ลงนามไม่ใช่ JSON (UTF-8) ที่อ่านได้',
    'The signed statement is not readable UTF-8 JSON',
  ),
  'statement.format': r(
    2,
    'ชุดข้อมูลนี้ใช้รูปแบบอื่นหรือรุ่นใหม่กว่าที่โปรแกรมนี้รู้จัก: ปรับรุ่นโปรแกรมแล้วลองใหม่',
    'The bundle is in another or a newer format than this program knows: update the program and try again',
  ),
  'statement.schema': r(
    2,
    'ข้อความรับรองขาดข้อมูลหรือมีค่าที่รูปแบบ tabian-bundle/1 ไม่อนุญาต',
    'The statement lacks a field or has a value that tabian-bundle/1 does not allow',
  ),
  'key.invalid': r(
    3,
    'กุญแจสาธารณะของผู้ลงนามใช้ไม่ได้ หรือไม่ตรงกับรหัสกุญแจ (keyid) ที่ระบุ',
    "A signer's public key is unusable or does not match its keyid",
  ),
  'signature.invalid': r(
    3,
    'ลายมือชื่ออิเล็กทรอนิกส์ไม่ถูกต้อง: ข้อความถูกแก้ไขหลังลงนาม หรือลายมือชื่อไม่ได้มาจากกุญแจที่ระบุ',
    'A signature does not verify: the statement was changed after signing, or the signature is not from the key it names',
  ),
  'attestation.unsigned': r(
    3,
    'มีการรับรองที่ไม่มีลายมือชื่อจากกุญแจของผู้รับรองเอง',
    'An attestation is not signed by the key it names',
  ),
  'attestation.role': r(
    3,
    'การรับรองไม่ตรงกับบทบาทของผู้รับรอง (เช่น ครูรับรองแทนผู้อำนวยการ)',
    "An attestation does not fit its signer's role (for example a teacher certifying as director)",
  ),
  'attestation.missing': r(
    3,
    'ขาดการรับรองที่จำเป็น: ชุดข้อมูลส่งเขตต้องมีครูผู้ยืนยันตัวตนนักเรียนและผู้อำนวยการผู้รับรอง แต่ละคนใช้กุญแจของตนเอง',
    'A required attestation is missing: a submission needs the staff member who confirmed existence and the director who certified, each with their own key',
  ),
  'file.missing': r(4, 'ไฟล์ข้อมูลที่ระบุไว้ในข้อความรับรองหายไปจากชุดข้อมูล', 'A payload file named in the statement is missing'),
  'file.size': r(
    4,
    'ขนาดไฟล์ข้อมูลไม่ตรงกับที่ลงนามไว้: ไฟล์ถูกแก้ไขหรือเสียหาย',
    "A payload file's size differs from the signed statement: it was changed or damaged",
  ),
  'file.hash': r(
    4,
    'เนื้อหาไฟล์ข้อมูลไม่ตรงกับที่ลงนามไว้ (SHA-256 ต่างกัน): ไฟล์ถูกแก้ไขหลังลงนาม',
    "A payload file's content differs from the signed statement (SHA-256 mismatch): it was changed after signing",
  ),
  'file.extra': r(
    4,
    'มีไฟล์ที่ข้อความรับรองไม่ได้ระบุไว้ปนอยู่ในชุดข้อมูล',
    'The bundle holds an entry that the statement does not name',
  ),
  'decrypt.key-missing': r(
    5,
    'ชุดข้อมูลนี้เข้ารหัสไว้: ต้องใช้กุญแจส่วนตัวของเขตพื้นที่จึงจะเปิดอ่านได้',
    "The bundle is encrypted: the district's private key is needed to read it",
  ),
  'decrypt.recipient': r(
    5,
    'ชุดข้อมูลนี้เข้ารหัสถึงกุญแจอื่น ไม่ใช่กุญแจที่ใช้เปิดอยู่นี้',
    'The bundle is encrypted to another key than the one given',
  ),
  'decrypt.failed': r(
    5,
    'ถอดรหัสชุดข้อมูลไม่ได้: ข้อมูลที่เข้ารหัสเสียหายหรือถูกแก้ไข',
    'The payload could not be decrypted: the ciphertext or its key is damaged or was tampered with',
  ),
  'file.schema': r(
    5,
    'ไฟล์ข้อมูลระบุแบบข้อมูลที่โปรแกรมนี้ไม่รู้จัก หรือชื่อไฟล์ไม่ตรงกับแบบข้อมูล',
    'A payload file names a schema this program does not know, or its name does not fit the schema',
  ),
  'record.schema': r(5, 'มีระเบียนที่ไม่ตรงกับแบบข้อมูลของไฟล์', "A record does not match its file's schema"),
  'record.count': r(
    5,
    'จำนวนระเบียนในไฟล์ไม่ตรงกับที่ลงนามไว้',
    'A file holds a different number of records than the statement says',
  ),
  'key.untrusted': r(
    6,
    'ผู้ลงนามใช้กุญแจที่ยังไม่ได้ลงทะเบียนไว้ที่นี่: ตรวจลายนิ้วมือกุญแจกับผู้ส่งทางโทรศัพท์ก่อนลงทะเบียน ชุดข้อมูลถูกพักไว้ ยังไม่นำเข้า',
    "A signer's key is not enrolled here: check its fingerprint with the sender by phone before enrolling it; the bundle is held, not imported",
  ),
  'chain.gap': r(
    7,
    'ยังไม่ได้รับชุดข้อมูลลำดับก่อนหน้า: พักชุดข้อมูลนี้ไว้จนกว่าจะได้รับลำดับที่ขาด',
    'Earlier bundles are missing: this one is held until the missing sequence numbers arrive',
  ),
  'chain.fork': r(
    7,
    'มีชุดข้อมูลลำดับเดียวกันที่เนื้อหาต่างกันรับเข้าไว้แล้ว (ข้อมูลแยกสาย): ไม่รับเข้า ติดต่อผู้ส่งเพื่อตรวจสอบ',
    'A different bundle with the same sequence was already accepted (a fork): refused; contact the sender',
  ),
} as const satisfies Record<string, ReasonSpec>;

export type ReasonCode = keyof typeof REASONS;
export const REASON_CODES = Object.keys(REASONS) as ReasonCode[];

/** The message for a user, with what exactly is wrong (a file, a line, a fingerprint) after it. */
export function explain(reason: ReasonCode, detail: string | null, lang: 'th' | 'en' = 'th'): string {
  const message = REASONS[reason][lang];
  return detail ? `${message} (${detail})` : message;
}

/** Thrown inside verification; `verifyBundle` turns it into the result. */
export class Rejection extends Error {
  constructor(
    readonly reason: ReasonCode,
    readonly detail: string | null = null,
  ) {
    super(detail ?? reason);
  }
}
