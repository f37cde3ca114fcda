// One received file, verified as bundle-v1 says (steps 1–6; the chain is the receiver's to check against
// what it stored) and, for a submission, projected into the district's summary and roster. Shared by
// the app's import worker and `tabian district merge`, so both reach the same verdict.
import type { Bytes } from '../bundle/bytes';
import { sha256Hex } from '../bundle/hash';
import { explain, REASONS, type ReasonCode } from '../bundle/reasons';
import { schoolOf, type KeyEntry, type Kind, type Statement } from '../bundle/statement';
import type { TrustList } from '../bundle/trust';
import { verifyBundle, type SignerReport } from '../bundle/verify';
import { recordsOf, type ContentKeyGrant, type DecryptionKey } from '../bundle/verify-files';
import { loadGrowthReferences } from '../growth/load';
import type { FollowUp, ReportStudent } from '../measure/report';
import { nutritionSummary, schoolGrowth, summaryOfGrowth, type NutritionSummary } from './nutrition';
import { toRoster, type Roster } from './roster';
import { countedOn, summarise, type BundleSummary } from './summary';
import { assetsSummary, gradeNeeds } from '../assets/district';

/** Reasons of this receiver beyond the format's own: a well-made bundle of a kind it does not take. */
export const RECEIVER_REASONS = {
  'kind.unexpected': {
    th: 'ไฟล์นี้เป็นชุดข้อมูลประเภทอื่น ไม่ใช่ชุดข้อมูลที่โรงเรียนส่งเขต (submission) จึงไม่นำเข้าที่นี่',
    en: "This bundle is of another kind, not a school's submission to the district, so it is not imported here",
  },
} as const;
export type IncomingReason = ReasonCode | keyof typeof RECEIVER_REASONS;

export function explainIncoming(reason: IncomingReason, detail: string | null, lang: 'th' | 'en' = 'th'): string {
  if (Object.hasOwn(REASONS, reason)) return explain(reason as ReasonCode, detail, lang);
  const message = RECEIVER_REASONS[reason as keyof typeof RECEIVER_REASONS][lang];
  return detail ? `${message} (${detail})` : message;
}

export interface Incoming {
  fileSha256: string;
  size: number;
  valid: boolean;
  reason: IncomingReason | null;
  detail: string | null;
  statement: Statement | null;
  statementSha256: string | null;
  signers: SignerReport[];
  /** The statement's entries of the keys that signed, so trust can be checked again after enrolment. */
  keys: KeyEntry[];
  summary: BundleSummary | null;
  roster: Roster | null;
}

export interface IncomingOptions {
  trust: TrustList;
  /** Every private key the receiver can decrypt with (a retired district key may still be a recipient). */
  decryptionKeys: readonly DecryptionKey[];
  kinds: readonly Kind[];
  /** A bundle carried in a district export: its content key granted to one of `decryptionKeys` (decision 32). */
  grant?: ContentKeyGrant | null;
}

export async function verifyWithKeys(bytes: Bytes, opts: Omit<IncomingOptions, 'kinds'>) {
  const granted = opts.grant ? opts.decryptionKeys.find((k) => k.keyid === opts.grant!.recipient) : undefined;
  if (granted) return verifyBundle(bytes, { trust: opts.trust, decryptionKey: granted, grant: opts.grant });
  const [first] = opts.decryptionKeys;
  let r = await verifyBundle(bytes, { trust: opts.trust, decryptionKey: first ?? null });
  const recipient = r.reason === 'decrypt.recipient' ? r.statement?.encryption?.recipient : undefined;
  const other = recipient ? opts.decryptionKeys.find((k) => k.keyid === recipient) : undefined;
  if (other) r = await verifyBundle(bytes, { trust: opts.trust, decryptionKey: other });
  return r;
}

export async function readIncoming(bytes: Bytes, opts: IncomingOptions): Promise<Incoming> {
  const r = await verifyWithKeys(bytes, opts);
  const signed = new Set(r.signers.filter((s) => s.signature === 'valid').map((s) => s.keyid));
  const out: Incoming = {
    fileSha256: await sha256Hex(bytes),
    size: bytes.length,
    valid: r.valid,
    reason: r.reason,
    detail: r.detail,
    statement: r.statement,
    statementSha256: r.statementSha256,
    signers: r.signers,
    keys: r.statement?.keys.filter((k) => signed.has(k.keyid)) ?? [],
    summary: null,
    roster: null,
  };
  if (r.statement && !opts.kinds.includes(r.statement.kind)) {
    return { ...out, valid: false, reason: 'kind.unexpected', detail: r.statement.kind };
  }
  // Steps 1–5 passed (also when held for trust): the payload is exactly what the school signed.
  if (r.payload && r.statement?.kind === 'submission') {
    const students = recordsOf(r.payload, 'student/1');
    const hasMovements = r.payload.some((f) => f.schema === 'movement/1');
    const movements = hasMovements ? recordsOf(r.payload, 'movement/1') : null;
    out.summary = summarise(students, movements, r.statement.academicYear, r.statement.asOf);
    const measurements = recordsOf(r.payload, 'measurement/1');
    // The WHO tables are loaded only for a bundle that carries measurements.
    out.summary.nutrition =
      measurements.length === 0
        ? null
        : nutritionSummary(
            countedOn(students, movements, r.statement.asOf),
            measurements,
            r.statement.asOf,
            await loadGrowthReferences(),
          );
    const replies = recordsOf(r.payload, 'finding-reply/1');
    if (replies.length) out.summary.replies = replies;
    const [survey] = recordsOf(r.payload, 'asset-survey/1');
    if (survey) {
      out.summary.assets = assetsSummary({
        academicYear: survey.academicYear,
        asOf: survey.asOf,
        certifiedAt: survey.certification.at,
        buildings: recordsOf(r.payload, 'building/1'),
        grades: gradeNeeds(countedOn(students, movements, r.statement.asOf)),
        equipment: recordsOf(r.payload, 'equipment/1'),
      });
    }
    const [screening] = recordsOf(r.payload, 'screening-counts/1');
    if (screening) out.summary.screening = screening;
    out.roster = toRoster(students, movements ?? []);
  }
  return out;
}

/** One school's stored submission read again for its growth: the summary's part and its children to follow up. */
export interface SchoolGrowth {
  nutrition: NutritionSummary | null;
  followUp: FollowUp[];
}

export async function readSchoolGrowth(
  bytes: Bytes,
  opts: Omit<IncomingOptions, 'kinds'>,
): Promise<SchoolGrowth | null> {
  const r = await verifyWithKeys(bytes, opts);
  if (!r.payload || r.statement?.kind !== 'submission') return null;
  const asOf = r.statement.asOf;
  const hasMovements = r.payload.some((f) => f.schema === 'movement/1');
  const counted = countedOn(
    recordsOf(r.payload, 'student/1'),
    hasMovements ? recordsOf(r.payload, 'movement/1') : null,
    asOf,
  );
  const measurements = recordsOf(r.payload, 'measurement/1');
  if (measurements.length === 0) return { nutrition: null, followUp: [] };
  // Only what the list shows travels to the page: not the whole record.
  const students = counted.map((s): ReportStudent => ({
    id: s.id,
    school: schoolOf(r.statement!).code,
    studentNo: s.studentNo,
    prefix: s.prefix,
    firstName: s.firstName,
    lastName: s.lastName,
    sex: s.sex,
    birthDate: s.birthDate,
    grade: s.grade,
    room: s.room,
  }));
  const grown = schoolGrowth(students, measurements, asOf, await loadGrowthReferences());
  return { nutrition: summaryOfGrowth(grown), followUp: grown?.report.followUp ?? [] };
}
