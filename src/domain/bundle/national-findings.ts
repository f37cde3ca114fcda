// National findings (decision 32): the children of one district also counted in another district, signed by
// the province's or national office's key (role `national`) and imported by that district. One chain per
// district; each bundle carries the round's whole current list, like a district's findings to a school.
import type { Bytes } from './bytes';
import type { Contents } from './contents';
import type { CreatedBundle } from './create';
import { createDistrictChainBundle, type DistrictChainMeta } from './district-chain';
import { payloadFile } from './payloads';
import type { NationalFinding } from '../district/national-finding';

export function nationalFindingsContents(findings: readonly NationalFinding[]): Contents {
  return {
    files: [payloadFile('payload/national-findings.jsonl', 'national-finding/1', findings)],
    counts: { findings: findings.length },
  };
}

export interface NationalFindingsMeta extends DistrictChainMeta {
  /** The office that signs: "สพฐ." or a province's name. */
  office: string;
}

export function createNationalFindings(
  meta: NationalFindingsMeta,
  findings: readonly NationalFinding[],
  random: (n: number) => Bytes,
): Promise<CreatedBundle> {
  return createDistrictChainBundle(
    'national-findings',
    meta,
    nationalFindingsContents(findings),
    { role: 'national', name: meta.office, act: 'findings' },
    random,
  );
}
