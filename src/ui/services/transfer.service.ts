// ส่งข้อมูลให้โรงเรียนปลายทาง / นำเข้าไฟล์ย้ายเข้า (decision 24): a transferred-out student as a signed
// `transfer` bundle, signed by this school's device key (as sync bundles are) and not encrypted (a school
// holds no other school's encryption key; the screen says so before making it). The receiving school
// verifies it, compares the sender's fingerprint when its key is not enrolled, and records a transfer-in
// with the record filled in, through recordMovement (one transaction, audited).
import { bundleHeader, schoolParties, schoolRecord } from '../../domain/bundle/header';
import { schoolChain } from '../../domain/bundle/chains';
import { appDb } from '../../db/database';
import { nextLink, recordOutgoing } from '../../db/bundle-repo';
import { signingKeyOf } from '../../db/key-repo';
import { measurementsOfStudents } from '../../db/measurement-repo';
import { movementsOf } from '../../db/movement-repo';
import { loadProfile } from '../../db/profile-repo';
import { getStudent } from '../../db/student-repo';
import { trustList } from '../../db/trust-repo';
import { asBytes, type Bytes } from '../../domain/bundle/bytes';
import { createBundle } from '../../domain/bundle/create';
import { sha256Hex } from '../../domain/bundle/hash';
import { fingerprintOf } from '../../domain/bundle/keys';
import { explain, type ReasonCode } from '../../domain/bundle/reasons';
import {
  namesThisSchool,
  readTransfer,
  transferContents,
  transferOut,
  type TransferRecord,
} from '../../domain/bundle/transfer';
import { verifyBundle } from '../../domain/bundle/verify';
import { academicYearOf } from '../../domain/calendar';
import type { Student } from '../../domain/student/schema';
import { todayIso } from './clock';
import { loadMovementData, recordMovement, type RecordOutcome } from './movements.service';
import { BUNDLE_TYPE } from './submission.service';
import { deviceKeyRow } from './sync.service';
import { fileBytes } from './import.service';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export type TransferMakeProblem = 'transfer.no_profile' | 'transfer.not_out';
export interface MadeTransfer {
  ok: true;
  bytes: Bytes;
  fileName: string;
  type: string;
}

/** The signed transfer bundle of one transferred-out student, recorded as made (chain per school). */
export async function makeTransfer(
  studentId: string,
  now: Date = new Date(),
): Promise<MadeTransfer | { ok: false; problem: TransferMakeProblem }> {
  const db = appDb();
  const [profile, student, movements, measurements] = await Promise.all([
    loadProfile(db),
    getStudent(db, studentId),
    movementsOf(db, studentId),
    measurementsOfStudents(db, [studentId]),
  ]);
  if (profile?.kind !== 'school') return { ok: false, problem: 'transfer.no_profile' };
  if (!student || student.status !== 'transferred-out') return { ok: false, problem: 'transfer.not_out' };
  const row = await deviceKeyRow(now);
  const key = await signingKeyOf(row);
  if (!key) throw new Error('the device key cannot sign');
  const school = schoolRecord(profile);
  const link = await nextLink(db, schoolChain(profile.moeCode, 'transfer'));
  const at = now.toISOString();
  const today = todayIso(now);
  const created = await createBundle(
    {
      ...bundleHeader('transfer', schoolParties(profile), {
        bundleId: crypto.randomUUID(),
        createdAt: at,
        appVersion: __APP_VERSION__,
      }),
      academicYear: academicYearOf(today),
      round: null,
      asOf: today,
      ...link,
      ...transferContents({ student, movements, measurements, school }),
      signers: [{ key, role: 'device', name: row.name, act: 'export', at }],
      encryptTo: null,
    },
    random,
  );
  // No name or ID in the file name: it travels through chat apps.
  const fileName = `${profile.moeCode}-transfer-${link.sequence}.tabian`;
  await recordOutgoing(db, created, {
    fileName,
    fileSha256: await sha256Hex(created.bytes),
    now,
    summary: { ...created.statement.counts, encrypted: false },
  });
  return { ok: true, bytes: created.bytes, fileName, type: BUNDLE_TYPE };
}

export type TransferReadProblem =
  | 'transfer.damaged'
  | 'transfer.wrong_kind'
  | 'transfer.own_school'
  | 'transfer.shape'
  | 'transfer.not_out'
  | 'transfer.no_profile';

export interface TransferPreview {
  ok: true;
  transfer: TransferRecord;
  /** The sending device key's fingerprint, to compare by phone when `trusted` is false. */
  fingerprint: string;
  trusted: boolean;
  /** Whether the destination written by the sender names this school. */
  forThisSchool: boolean;
}

export type TransferRead = TransferPreview | { ok: false; problem: TransferReadProblem; detail: string | null };

/** Verifies a picked file as a transfer bundle for this school; nothing is stored. */
export async function readTransferFile(file: File): Promise<TransferRead> {
  const db = appDb();
  const profile = await loadProfile(db);
  if (profile?.kind !== 'school') return { ok: false, problem: 'transfer.no_profile', detail: null };
  const bytes = asBytes(new Uint8Array(await fileBytes(file)));
  const r = await verifyBundle(bytes, { trust: await trustList(db) });
  // Only trust (step 6) may fail: every other failure means the file is damaged or was altered.
  if (!r.statement || !r.payload || (!r.valid && r.reason !== 'key.untrusted')) {
    return {
      ok: false,
      problem: 'transfer.damaged',
      detail: r.reason ? explain(r.reason as ReasonCode, r.detail) : null,
    };
  }
  if (r.statement.kind !== 'transfer') return { ok: false, problem: 'transfer.wrong_kind', detail: r.statement.kind };
  if (r.statement.school?.code === profile.moeCode) return { ok: false, problem: 'transfer.own_school', detail: null };
  const read = readTransfer(r.payload);
  if (!read.ok) return { ok: false, problem: read.problem, detail: null };
  const signer = r.signers[0]!;
  return {
    ok: true,
    transfer: read.transfer,
    fingerprint: fingerprintOf(signer.keyid),
    trusted: signer.trusted === true,
    forThisSchool: namesThisSchool(read.transfer.to, profile),
  };
}

export interface TransferInChoice {
  effectiveOn: string;
  grade: Student['grade'];
  room: string;
  reason: string;
}

/** The arrival a transfer file fills in: a new local record (no student number, the class to choose here) and the movement's note. */
export function arrivalFrom(t: TransferRecord, newId: string): { student: Student; school: string; note: string } {
  const student: Student = {
    ...t.student,
    id: newId,
    studentNo: '',
    room: '',
    status: 'transferred-out',
    enteredOn: null,
  };
  const history = t.movements
    .filter((m) => m.reversedAt === null)
    .map((m) => `${m.kind} ${m.effectiveOn}${m.school ? ` (${m.school})` : ''}`)
    .join(', ');
  const note = [`ไฟล์ย้ายเข้าจาก ${t.from.name} (${t.from.code})`, history && `ประวัติ: ${history}`]
    .filter(Boolean)
    .join(' · ');
  return { student, school: t.from.name, note };
}

/** Records the transfer-in through the ordinary movement path (one transaction, audited). */
export async function importTransfer(
  t: TransferRecord,
  choice: TransferInChoice,
  newId: string,
): Promise<RecordOutcome> {
  const data = await loadMovementData();
  const arrival = arrivalFrom(t, newId);
  const student = { ...arrival.student, grade: choice.grade, room: choice.room };
  const reason = [choice.reason.trim(), arrival.note].filter(Boolean).join(' · ');
  return recordMovement(
    {
      kind: 'transfer-in',
      effectiveOn: choice.effectiveOn,
      cause: null,
      reason,
      school: arrival.school,
      districtConsultedOn: null,
    },
    student,
    null,
    data,
  );
}

export interface TransferLetter {
  school: string;
  director: string;
  student: Student;
  leftOn: string;
  to: string;
  fingerprint: string;
}

/** What the printed transfer letter says: the same facts as the file, and the key that signs it. */
export async function transferLetter(studentId: string, now: Date = new Date()): Promise<TransferLetter | null> {
  const db = appDb();
  const [profile, student, movements, row] = await Promise.all([
    loadProfile(db),
    getStudent(db, studentId),
    movementsOf(db, studentId),
    deviceKeyRow(now),
  ]);
  if (profile?.kind !== 'school' || !student) return null;
  const out = transferOut(movements);
  if (out < 0) return null;
  return {
    school: profile.nameTh,
    director: profile.directorName,
    student,
    leftOn: movements[out]!.effectiveOn,
    to: movements[out]!.school,
    fingerprint: fingerprintOf(row.keyid),
  };
}
