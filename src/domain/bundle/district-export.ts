// A district export (decision 32): a district's accepted round forwarded above, signed with the district key.
// The schools' own submission bundles travel inside unchanged, so each school's signatures verify end to end;
// the district's acknowledgements and findings travel the same way. The district's enrolled school keys come
// along (signed by the district: per-district trust above it), and the content key of every encrypted
// submission is granted to the national office's key, so nobody else can read it and no byte of it changes.
import type { Bytes } from './bytes';
import type { Contents } from './contents';
import type { CreatedBundle } from './create';
import { createDistrictChainBundle, type DistrictChainMeta } from './district-chain';
import { regrantContentKey } from './encrypt';
import { importPublicKey } from './keys';
import { carriedBundle, payloadFile } from './payloads';
import { schoolOf, type Statement } from './statement';
import { TRUST_FORMAT, type TrustList, type TrustedKey } from './trust';
import { recordsOf, type ContentKeyGrant, type DecryptionKey, type VerifiedFile } from './verify-files';
import { fromBase64 } from './bytes';
import type { KeyGrant } from '../district/national-finding';

export interface CarriedBundle {
  bytes: Bytes;
  fileSha256: string;
  statement: Statement;
}

export interface DistrictExportInput {
  /** The accepted submissions of the round, each school's chain for it. */
  submissions: readonly CarriedBundle[];
  /** The findings bundles (acknowledgements, findings) the district made for those schools in the round. */
  findings: readonly CarriedBundle[];
  /** The district's enrolled keys; only the schools' keys of the schools carried go along. */
  trust: readonly TrustedKey[];
  grants: readonly KeyGrant[];
}

const submissionPath = (b: CarriedBundle) =>
  `payload/submissions/${schoolOf(b.statement).code}-${b.statement.sequence}-${b.fileSha256.slice(0, 16)}.tabian`;
const findingsPath = (b: CarriedBundle) =>
  `payload/findings/${schoolOf(b.statement).code}-${b.statement.sequence}-${b.fileSha256.slice(0, 16)}.tabian`;

/**
 * The content keys of the encrypted submissions, each granted to `recipient`, unwrapped with whichever of the
 * district's keys (a retired one included) each names; throws when none opens one.
 */
export async function grantContentKeys(
  submissions: readonly CarriedBundle[],
  districtKeys: readonly DecryptionKey[],
  recipient: { keyid: string; spki: string },
): Promise<KeyGrant[]> {
  const spki = fromBase64(recipient.spki);
  if (!spki) throw new Error('recipient key: not base64');
  await importPublicKey(spki, 'encrypt');
  const grants: KeyGrant[] = [];
  for (const b of submissions) {
    const enc = b.statement.encryption;
    if (!enc) continue;
    const districtKey = districtKeys.find((k) => k.keyid === enc.recipient);
    const grant = districtKey
      ? await regrantContentKey(enc, districtKey.privateKey, { keyid: recipient.keyid, spki })
      : null;
    if (!grant) throw new Error(`${submissionPath(b)}: the district key does not open it`);
    grants.push({ path: submissionPath(b), ...grant });
  }
  return grants;
}

export function districtExportContents(input: DistrictExportInput): Contents {
  const schools = new Set(input.submissions.map((b) => schoolOf(b.statement).code));
  const trust: TrustList = {
    format: TRUST_FORMAT,
    keys: input.trust.filter((k) => k.school !== null && schools.has(k.school)),
  };
  const files = [
    payloadFile('payload/trust.json', 'trust/1', [trust]),
    payloadFile('payload/key-grants.jsonl', 'key-grant/1', input.grants),
    ...input.submissions.map((b) => carriedBundle(submissionPath(b), b.bytes)),
    ...input.findings.map((b) => carriedBundle(findingsPath(b), b.bytes)),
  ];
  const students = input.submissions.reduce(
    (n, b) => n + (typeof b.statement.counts['students'] === 'number' ? b.statement.counts['students'] : 0),
    0,
  );
  return {
    files,
    counts: { schools: schools.size, submissions: input.submissions.length, findings: input.findings.length, students },
  };
}

export interface DistrictExportRead {
  trust: TrustList;
  submissions: { path: string; bytes: Bytes; grant: ContentKeyGrant | null }[];
  findings: { path: string; bytes: Bytes }[];
}

/** A verified district export's payload, split into what the receiver verifies next. */
export function readDistrictExport(payload: readonly VerifiedFile[]): DistrictExportRead {
  const trust: TrustList = { format: TRUST_FORMAT, keys: recordsOf(payload, 'trust/1').flatMap((t) => t.keys) };
  const grants = new Map(recordsOf(payload, 'key-grant/1').map((g) => [g.path, g]));
  const carried = payload.filter((f) => f.schema === 'bundle/1');
  return {
    trust,
    submissions: carried
      .filter((f) => f.path.startsWith('payload/submissions/'))
      .map((f) => {
        const g = grants.get(f.path);
        return {
          path: f.path,
          bytes: f.bytes,
          grant: g ? { recipient: g.recipient, epk: g.epk, wrappedKey: g.wrappedKey } : null,
        };
      }),
    findings: carried
      .filter((f) => f.path.startsWith('payload/findings/'))
      .map((f) => ({ path: f.path, bytes: f.bytes })),
  };
}

/** The district key signs, as the officer who forwards the round. */
export interface DistrictExportMeta extends DistrictChainMeta {
  officer: string;
}

export function createDistrictExport(
  meta: DistrictExportMeta,
  contents: Contents,
  random: (n: number) => Bytes,
): Promise<CreatedBundle> {
  return createDistrictChainBundle(
    'district-export',
    meta,
    contents,
    { role: 'district', name: meta.officer, act: 'forward' },
    random,
  );
}
