// Makes the committed test-vector bundles in tests/fixtures/bundles/ (run by hand, then commit the output):
//   npx tsx scripts/make-test-vectors.ts
// Keys are new on every run and signatures are randomised, so the files are the vectors: tests verify the
// committed bytes, never regenerate them. The private keys written here are TEST KEYS ONLY, published on purpose.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toBase64, type Bytes } from '../src/domain/bundle/bytes';
import { submissionContents, syncContents } from '../src/domain/bundle/contents';
import { createBundle, type BundleInput } from '../src/domain/bundle/create';
import {
  exportPrivateJwk,
  fingerprintOf,
  generateSigningKey,
  publicJwkOfSpki,
  type SigningKey,
} from '../src/domain/bundle/keys';
import type { Role } from '../src/domain/bundle/statement';
import { publicKeyFile, type TrustedKey } from '../src/domain/bundle/trust';
import { citizenIdCheckDigit } from '../src/domain/ids';
import { newStudent } from '../src/domain/student/schema';

const out = join(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/bundles');
const random = (n: number): Bytes => crypto.getRandomValues(new Uint8Array(n));
const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const write = (name: string, data: string | Uint8Array) => writeFileSync(join(out, name), data);

const SCHOOL = { code: '1034560001', smis: '34010001', name: 'โรงเรียนบ้านตัวอย่าง (ข้อมูลทดสอบ)' };
const DISTRICT = { code: '3401', name: 'สพป.ตัวอย่าง เขต 1 (ข้อมูลทดสอบ)' };
const AT = '2026-06-10T16:30:00+07:00';
const citizenId = (n: number) => `${110170099000 + n}${citizenIdCheckDigit(String(110170099000 + n))}`;

// Fictional children; every ID number is valid but taken from a test range.
const students = [
  newStudent('0f3c2a4e-6b1d-4c8e-9a57-1d2e3f4a5b01', {
    idType: 'I',
    idNo: citizenId(1),
    prefix: 'เด็กหญิง',
    firstName: 'มาลี',
    lastName: 'ทดสอบ',
    sex: 'F',
    birthDate: '2019-03-20',
    grade: '04',
    room: '1',
    status: 'active',
    enteredOn: '2025-05-16',
  }),
  newStudent('0f3c2a4e-6b1d-4c8e-9a57-1d2e3f4a5b02', {
    idType: 'I',
    idNo: citizenId(2),
    prefix: 'เด็กชาย',
    firstName: 'ปิติ',
    lastName: 'ทดสอบ',
    sex: 'M',
    birthDate: '2018-08-15',
    grade: '05',
    room: '1',
    status: 'active',
  }),
  newStudent('0f3c2a4e-6b1d-4c8e-9a57-1d2e3f4a5b03', {
    idType: 'G',
    idNo: 'G690340000001',
    prefix: 'เด็กหญิง',
    firstName: 'ชูใจ',
    lastName: 'ตัวอย่าง',
    sex: 'F',
    birthDate: '2017-11-02',
    grade: '06',
    room: '2',
    status: 'active',
    health: { weightKg: 24.5, heightCm: 126, measuredOn: '2026-05-25' },
  }),
];

async function main(): Promise<void> {
  mkdirSync(join(out, 'keys'), { recursive: true });
  const keys: Record<Role, SigningKey> = {
    staff: await generateSigningKey(true),
    director: await generateSigningKey(true),
    device: await generateSigningKey(true),
    district: await generateSigningKey(true),
  };
  const names: Record<Role, string> = {
    staff: 'ครูสมศรี ทดสอบ',
    director: 'นายวิชัย ทดสอบ',
    device: 'แท็บเล็ต 1',
    district: DISTRICT.name,
  };
  const enrolled: TrustedKey[] = [];
  for (const role of ['staff', 'director', 'device', 'district'] as const) {
    const k = keys[role];
    write(`keys/test-only-${role}.private.jwk`, json(await exportPrivateJwk(k.privateKey)));
    const entry: TrustedKey = {
      keyid: k.keyid,
      alg: 'ES256',
      spki: toBase64(k.spki),
      role,
      name: names[role],
      school: role === 'district' ? null : SCHOOL.code,
    };
    write(`keys/${role}.public.json`, json(publicKeyFile(entry)));
    enrolled.push(entry);
  }
  write('keys/district.public.jwk', json(await publicJwkOfSpki(keys.district.spki)));
  write('trust.json', json({ format: 'tabian-trust/1', keys: enrolled }));
  write('students.jsonl', students.map((s) => JSON.stringify(s) + '\n').join(''));

  const base: Omit<BundleInput, 'bundleId' | 'sequence' | 'previous' | 'encryptTo'> = {
    kind: 'submission',
    createdAt: AT,
    app: { name: 'tabian', version: '0.1.0' },
    school: SCHOOL,
    district: DISTRICT,
    academicYear: 2569,
    round: 'term1',
    asOf: '2026-06-10',
    ...submissionContents(students),
    signers: [
      { key: keys.staff, role: 'staff', name: names.staff, act: 'confirm-existence', at: '2026-06-10T15:05:00+07:00' },
      { key: keys.director, role: 'director', name: names.director, act: 'certify', at: AT },
    ],
  };
  const plain = await createBundle(
    { ...base, bundleId: '6f1d8a2b-3c4e-4f50-8a61-72b3c4d5e6f1', sequence: 1, previous: null, encryptTo: null },
    random,
  );
  const encrypted = await createBundle(
    {
      ...base,
      bundleId: '6f1d8a2b-3c4e-4f50-8a61-72b3c4d5e6f2',
      sequence: 2,
      previous: plain.statementSha256,
      encryptTo: keys.district,
    },
    random,
  );
  const operations = [
    {
      store: 'students',
      recordId: students[0]!.id,
      field: 'health.weightKg',
      value: 21.5,
      hlc: { wall: Date.parse('2026-05-25T02:10:00Z'), counter: 0, device: 'tablet-1' },
      by: 'user-somsri',
    },
    {
      store: 'students',
      recordId: students[0]!.id,
      field: 'health.heightCm',
      value: 117.2,
      hlc: { wall: Date.parse('2026-05-25T02:10:00Z'), counter: 1, device: 'tablet-1' },
      by: 'user-somsri',
    },
  ];
  const sync = await createBundle(
    {
      ...base,
      kind: 'sync',
      round: null,
      asOf: '2026-05-25',
      bundleId: '6f1d8a2b-3c4e-4f50-8a61-72b3c4d5e6f3',
      sequence: 1,
      previous: null,
      encryptTo: null,
      ...syncContents(operations),
      signers: [
        { key: keys.device, role: 'device', name: names.device, act: 'export', at: '2026-05-25T09:30:00+07:00' },
      ],
    },
    random,
  );

  const vectors = {
    'submission-1-plain.tabian': plain,
    'submission-2-encrypted.tabian': encrypted,
    'sync-tablet-1.tabian': sync,
  };
  for (const [name, b] of Object.entries(vectors)) write(name, b.bytes);
  write(
    'vectors.json',
    json(
      Object.fromEntries(
        Object.entries(vectors).map(([name, b]) => [
          name,
          {
            bundleId: b.statement.bundleId,
            kind: b.statement.kind,
            sequence: b.statement.sequence,
            statementSha256: b.statementSha256,
            signers: b.statement.keys.map((k) => ({
              role: k.role,
              keyid: k.keyid,
              fingerprint: fingerprintOf(k.keyid),
            })),
            files: b.statement.files,
            encryption: b.statement.encryption?.ciphertext ?? null,
          },
        ]),
      ),
    ),
  );
  console.log(`wrote ${Object.keys(vectors).join(', ')} and their keys to ${out}`);
}

await main();
