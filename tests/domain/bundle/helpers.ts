// Test-data factory for bundles: keys made once per file, a valid submission or sync bundle with any field replaced.
import type { Bytes } from '../../../src/domain/bundle/bytes';
import { submissionContents, syncContents } from '../../../src/domain/bundle/contents';
import { createBundle, type BundleInput, type BundleSigner } from '../../../src/domain/bundle/create';
import { generateSigningKey, type SigningKey } from '../../../src/domain/bundle/keys';
import type { Operation } from '../../../src/domain/bundle/operation';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import type { TrustList } from '../../../src/domain/bundle/trust';
import { aStudent } from '../../factories/students';

export const random = (n: number): Bytes => crypto.getRandomValues(new Uint8Array(n));

export interface TestKeys {
  staff: SigningKey;
  director: SigningKey;
  device: SigningKey;
  district: SigningKey;
}

export async function makeKeys(): Promise<TestKeys> {
  // Extractable so that tests may wrap them; the app keeps device keys non-extractable.
  const [staff, director, device, district] = await Promise.all([1, 2, 3, 4].map(() => generateSigningKey(true)));
  return { staff: staff!, director: director!, device: device!, district: district! };
}

export const SCHOOL = { code: '1010720001', smis: '10010001', name: 'โรงเรียนบ้านทดสอบ' };
export const AT = '2026-06-10T09:00:00+07:00';

export function students() {
  return [
    aStudent('8a0d5a4e-0c8e-4b3a-9f64-3b8f0c2d1a01'),
    aStudent('8a0d5a4e-0c8e-4b3a-9f64-3b8f0c2d1a02', { firstName: 'สมชาย', prefix: 'เด็กชาย', sex: 'M' }),
    aStudent('8a0d5a4e-0c8e-4b3a-9f64-3b8f0c2d1a03', { grade: '05', room: '2' }),
  ];
}

export function submissionInput(keys: TestKeys, fields: Partial<BundleInput> = {}): BundleInput {
  const signers: BundleSigner[] = [
    { key: keys.staff, role: 'staff', name: 'ครูสมศรี มีสุข', act: 'confirm-existence', at: AT },
    { key: keys.director, role: 'director', name: 'นายวิชัย ใจกล้า', act: 'certify', at: AT },
  ];
  return {
    kind: 'submission',
    bundleId: '3b241101-e2bb-4255-8caf-4136c566a962',
    createdAt: AT,
    app: { name: 'tabian', version: '0.1.0' },
    school: SCHOOL,
    district: { code: '1001', name: 'สพป.ทดสอบ เขต 1' },
    academicYear: 2569,
    round: 'term1',
    asOf: '2026-06-10',
    sequence: 1,
    previous: null,
    ...submissionContents(students()),
    signers,
    encryptTo: null,
    ...fields,
  };
}

export function syncInput(device: SigningKey, operations: Operation[], fields: Partial<BundleInput> = {}): BundleInput {
  return submissionInput(
    { staff: device, director: device, device, district: device },
    {
      kind: 'sync',
      round: null,
      ...syncContents(operations),
      signers: [{ key: device, role: 'device', name: 'แท็บเล็ต 1', act: 'export', at: AT }],
      ...fields,
    },
  );
}

export async function aSubmission(keys: TestKeys, fields: Partial<BundleInput> = {}) {
  return createBundle(submissionInput(keys, fields), random);
}

/** A trust list enrolling the given keys for the test school (district keys for no school). */
export function trustListOf(
  keys: TestKeys,
  roles: (keyof TestKeys)[] = ['staff', 'director', 'device', 'district'],
): TrustList {
  return {
    format: 'tabian-trust/1',
    keys: roles.map((role) => ({
      keyid: keys[role].keyid,
      alg: 'ES256',
      spki: toBase64(keys[role].spki),
      role,
      name: role,
      school: role === 'district' ? null : SCHOOL.code,
    })),
  };
}
