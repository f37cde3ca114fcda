// National findings (decision 32): the children of one district also counted in another district, signed by
// the province's or national office's key (role `national`) and imported by that district. One chain per
// district; each bundle carries the round's whole current list, like a district's findings to a school.
import type { Bytes } from './bytes';
import type { Contents } from './contents';
import { createBundle, type CreatedBundle } from './create';
import type { SigningKey } from './keys';
import { payloadFile } from './payloads';
import type { Statement } from './statement';
import type { NationalFinding } from '../district/national-finding';

export function nationalFindingsContents(findings: readonly NationalFinding[]): Contents {
  return { files: [payloadFile('payload/national-findings.jsonl', 'national-finding/1', findings)], counts: { findings: findings.length } };
}

export interface NationalFindingsMeta {
  district: { code: string; name: string };
  academicYear: number;
  round: NonNullable<Statement['round']>;
  asOf: string;
  sequence: number;
  previous: string | null;
  key: SigningKey;
  /** The office that signs: "สพฐ." or a province's name. */
  office: string;
  createdAt: string;
  bundleId: string;
  app: Statement['app'];
}

export function createNationalFindings(meta: NationalFindingsMeta, findings: readonly NationalFinding[], random: (n: number) => Bytes): Promise<CreatedBundle> {
  return createBundle({
    kind: 'national-findings', bundleId: meta.bundleId, createdAt: meta.createdAt, app: meta.app, school: null, district: meta.district,
    academicYear: meta.academicYear, round: meta.round, asOf: meta.asOf, sequence: meta.sequence, previous: meta.previous,
    ...nationalFindingsContents(findings),
    signers: [{ key: meta.key, role: 'national', name: meta.office, act: 'findings', at: meta.createdAt }], encryptTo: null,
  }, random);
}
