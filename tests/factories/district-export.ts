// District exports for the national tests: a district key, its schools' submissions encrypted to it, and the
// export signed by it with the content keys granted to a national key, made with the app's own domain code.
import { toBase64, type Bytes } from '../../src/domain/bundle/bytes';
import type { CreatedBundle } from '../../src/domain/bundle/create';
import {
  createDistrictExport,
  districtExportContents,
  grantContentKeys,
  type CarriedBundle,
} from '../../src/domain/bundle/district-export';
import { sha256Hex } from '../../src/domain/bundle/hash';
import { exportPrivateJwk, generateSigningKey, importPrivateJwk, type SigningKey } from '../../src/domain/bundle/keys';
import { publicKeyFile } from '../../src/domain/bundle/trust';
import { AS_OF, random, trustOf, type TestSchool } from './district';

export interface TestDistrict {
  code: string;
  name: string;
  key: SigningKey;
  decrypt: SigningKey;
  schools: TestSchool[];
}

export async function makeDistrict(code: string, name: string, schools: TestSchool[]): Promise<TestDistrict> {
  const key = await generateSigningKey(true);
  return {
    code,
    name,
    key,
    decrypt: await importPrivateJwk(await exportPrivateJwk(key.privateKey), 'decrypt'),
    schools,
  };
}

export const districtPublicFile = (d: TestDistrict) =>
  publicKeyFile({
    keyid: d.key.keyid,
    alg: 'ES256',
    spki: toBase64(d.key.spki),
    role: 'district',
    name: d.name,
    school: null,
  });

export const carried = async (b: CreatedBundle): Promise<CarriedBundle> => ({
  bytes: b.bytes,
  statement: b.statement,
  fileSha256: await sha256Hex(b.bytes),
});

export async function exportOf(
  d: TestDistrict,
  submissions: readonly CreatedBundle[],
  national: { keyid: string; spki: Bytes },
  opts: { sequence?: number; previous?: string | null; findings?: readonly CreatedBundle[] } = {},
): Promise<CreatedBundle> {
  const subs = await Promise.all(submissions.map(carried));
  const grants = await grantContentKeys(subs, [{ keyid: d.key.keyid, privateKey: d.decrypt.privateKey }], {
    keyid: national.keyid,
    spki: toBase64(national.spki),
  });
  const contents = districtExportContents({
    submissions: subs,
    findings: await Promise.all((opts.findings ?? []).map(carried)),
    trust: trustOf(d.schools).keys,
    grants,
  });
  return createDistrictExport(
    {
      district: { code: d.code, name: d.name },
      academicYear: 2569,
      round: 'term1',
      asOf: AS_OF,
      sequence: opts.sequence ?? 1,
      previous: opts.previous ?? null,
      key: d.key,
      officer: `เจ้าหน้าที่ ${d.name}`,
      createdAt: '2026-06-20T10:00:00+07:00',
      bundleId: crypto.randomUUID(),
      app: { name: 'tabian', version: '0.1.0' },
    },
    contents,
    random,
  );
}
