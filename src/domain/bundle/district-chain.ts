// The bundles of a district's own chains, signed by one key with no school in the statement: the district's
// export of a round (decision 32) and the national office's findings for that district. One owner of their
// statement header, so that the two kinds cannot drift apart.
import type { Bytes } from './bytes';
import type { Contents } from './contents';
import { createBundle, type BundleSigner, type CreatedBundle } from './create';
import type { SigningKey } from './keys';
import type { Statement } from './statement';

export interface DistrictChainMeta {
  district: { code: string; name: string };
  academicYear: number;
  round: NonNullable<Statement['round']>;
  asOf: string;
  /** The place in this kind's chain for the district (one chain per district and kind). */
  sequence: number;
  previous: string | null;
  /** The one key that signs: the district's, or the national office's. */
  key: SigningKey;
  createdAt: string;
  bundleId: string;
  app: Statement['app'];
}

export function createDistrictChainBundle(
  kind: 'district-export' | 'national-findings',
  meta: DistrictChainMeta,
  contents: Contents,
  signer: Pick<BundleSigner, 'role' | 'name' | 'act'>,
  random: (n: number) => Bytes,
): Promise<CreatedBundle> {
  return createBundle(
    {
      kind,
      bundleId: meta.bundleId,
      createdAt: meta.createdAt,
      app: meta.app,
      school: null,
      district: meta.district,
      academicYear: meta.academicYear,
      round: meta.round,
      asOf: meta.asOf,
      sequence: meta.sequence,
      previous: meta.previous,
      ...contents,
      signers: [{ key: meta.key, ...signer, at: meta.createdAt }],
      encryptTo: null,
    },
    random,
  );
}
