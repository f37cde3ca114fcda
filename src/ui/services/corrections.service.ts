// ID-correction requests: drafts with their evidence kept on the device, the .zip for the district, and
// the step to "corrected", which also puts the correct ID into the register (with its audit entry).
import { fullName } from '../../domain/student/names';
import type { CorrectionRow } from '../../db/database';
import { appDb } from '../../db/database';
import { deleteCorrection, listCorrections, saveCorrection } from '../../db/correction-repo';
import { getStudent, saveStudent } from '../../db/student-repo';
import { withStatus, type CorrectionStatus } from '../../domain/corrections/request';
import { normaliseIdInput } from '../../domain/ids';
import type { Student } from '../../domain/student/schema';
import { session } from '../state/session.svelte';
import { download, schoolInfo } from './export.service';
import { fileBytes } from './import.service';

export type { CorrectionRow };

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export const loadCorrections = (): Promise<CorrectionRow[]> => listCorrections(appDb());

export async function newCorrection(student: Student, now = new Date()): Promise<CorrectionRow> {
  const at = now.toISOString();
  return {
    id: crypto.randomUUID(),
    studentId: student.id,
    schoolCode: (await schoolInfo()).code,
    studentName: fullName(student),
    wrongId: student.idNo,
    correctId: '',
    note: '',
    evidence: [],
    status: 'drafted',
    createdAt: at,
    updatedAt: at,
    sentAt: null,
    correctedAt: null,
  };
}

export async function storeCorrection(row: CorrectionRow, now = new Date()): Promise<CorrectionRow> {
  const next = {
    ...row,
    wrongId: normaliseIdInput(row.wrongId),
    correctId: normaliseIdInput(row.correctId),
    updatedAt: now.toISOString(),
  };
  await saveCorrection(appDb(), next);
  return next;
}

export const removeCorrection = (id: string): Promise<void> => deleteCorrection(appDb(), id);

/** Reads a picked or photographed file into an evidence item. */
export async function evidenceFrom(file: File): Promise<CorrectionRow['evidence'][number]> {
  return { id: crypto.randomUUID(), name: file.name, type: file.type, size: file.size, bytes: await fileBytes(file) };
}

export async function changeStatus(
  row: CorrectionRow,
  status: CorrectionStatus,
  now = new Date(),
): Promise<CorrectionRow> {
  const next = { ...withStatus({ ...row, evidence: [] }, status, now.toISOString()), evidence: row.evidence };
  if (status === 'corrected') {
    const student = await getStudent(appDb(), row.studentId);
    if (student && normaliseIdInput(student.idNo) !== row.correctId) {
      await saveStudent(
        appDb(),
        { ...student, idType: 'I', idNo: row.correctId },
        session.actor(),
        `แก้ไขเลขประจำตัวตามคำขอ ${row.wrongId} → ${row.correctId}`,
      );
    }
  }
  await saveCorrection(appDb(), next);
  return next;
}

export async function exportCorrection(row: CorrectionRow, fileStem: string, now = new Date()): Promise<string> {
  const { correctionZip } = await import('../../io/zip/correction-zip');
  const { evidence, ...rest } = row;
  const meta = { ...rest, evidence: evidence.map(({ bytes: _b, ...m }) => m) };
  const zip = correctionZip(
    meta,
    evidence.map((e) => ({ name: e.name, bytes: new Uint8Array(e.bytes) })),
    (await schoolInfo()).name,
    now,
  );
  const name = `${fileStem}-${row.studentName.replace(/\s+/g, '-')}.zip`;
  download(zip, name, 'application/zip');
  return name;
}
