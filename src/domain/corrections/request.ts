// A request to the district to correct a student's citizen ID in DMC (แบบแจ้งแก้ไขเลขประจำตัวประชาชน):
// what the form carries, its evidence (photos or scans, kept beside it in storage) and where it stands.
import { z } from 'zod';
import { checkId, normaliseIdInput } from '../ids';

export const CORRECTION_STATUSES = ['drafted', 'sent', 'corrected'] as const;
export const correctionStatusSchema = z.enum(CORRECTION_STATUSES);
export type CorrectionStatus = z.infer<typeof correctionStatusSchema>;

export const evidenceSchema = z.object({
  id: z.string().min(1),
  /** The file's own name, as picked or as the camera named it. */
  name: z.string(),
  type: z.string(),
  size: z.number().int().nonnegative(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const correctionSchema = z.object({
  id: z.string().min(1),
  studentId: z.string().min(1),
  schoolCode: z.string(),
  studentName: z.string(),
  wrongId: z.string(),
  correctId: z.string(),
  note: z.string().default(''),
  evidence: z.array(evidenceSchema).default([]),
  status: correctionStatusSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime({ offset: true }).nullable().default(null),
  correctedAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type CorrectionRequest = z.infer<typeof correctionSchema>;

export type CorrectionRule =
  | 'correction.wrong_missing'
  | 'correction.correct_format'
  | 'correction.correct_checksum'
  | 'correction.same'
  | 'correction.no_evidence';
export interface CorrectionProblem {
  field: 'wrongId' | 'correctId' | 'evidence';
  rule: CorrectionRule;
}

/** What keeps a request from being sent; the evidence is asked for last, once the numbers are right. */
export function correctionProblems(
  r: Pick<CorrectionRequest, 'wrongId' | 'correctId' | 'evidence'>,
): CorrectionProblem[] {
  const problems: CorrectionProblem[] = [];
  const wrong = normaliseIdInput(r.wrongId);
  const right = normaliseIdInput(r.correctId);
  if (wrong === '') problems.push({ field: 'wrongId', rule: 'correction.wrong_missing' });
  const check = checkId(right);
  if (!check.valid || check.idType !== 'I') {
    problems.push({
      field: 'correctId',
      rule: check.reason === 'checksum' ? 'correction.correct_checksum' : 'correction.correct_format',
    });
  } else if (right === wrong) problems.push({ field: 'correctId', rule: 'correction.same' });
  if (r.evidence.length === 0) problems.push({ field: 'evidence', rule: 'correction.no_evidence' });
  return problems;
}

/** Moves a request on; the time of each step is kept. */
export function withStatus(r: CorrectionRequest, status: CorrectionStatus, at: string): CorrectionRequest {
  return {
    ...r,
    status,
    updatedAt: at,
    sentAt: status === 'drafted' ? null : (r.sentAt ?? at),
    correctedAt: status === 'corrected' ? at : null,
  };
}
