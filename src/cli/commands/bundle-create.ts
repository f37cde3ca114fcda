import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import pkg from '../../../package.json' with { type: 'json' };
import { fromUtf8 } from '../../domain/bundle/bytes';
import { submissionContents } from '../../domain/bundle/contents';
import { createBundle } from '../../domain/bundle/create';
import { importPrivateJwk, privateJwkSchema } from '../../domain/bundle/keys';
import { ROUNDS } from '../../domain/bundle/statement';
import { inspectBundle } from '../../domain/bundle/verify';
import { readStudentRecord } from '../../domain/student/read';
import type { Student } from '../../domain/student/schema';
import { isIsoDate } from '../../domain/thai-date';
import { InputError, parseCommandArgs, UsageError, type OptionSpec } from '../args';
import type { Io } from '../command';
import { readBytes, readJsonFile } from './bundle-io';
import { readPublicKey } from './key-files';

export const createUsage = [
  'Usage: tabian bundle create --kind submission --students students.jsonl',
  '         --school-code C --school-smis S --school-name N [--district-code C] [--district-name N]',
  '         --year 2569 --round term1|term2|year-end --as-of YYYY-MM-DD',
  '         --staff staff.jwk --staff-name N --director director.jwk --director-name N',
  '         [--encrypt-to district-public-key] [--previous earlier.tabian] [--created-at RFC3339] [--bundle-id UUID]',
  '         --out file.tabian',
  'Makes a signed submission from student records (schema student/1, one JSON object a line, each with its id)',
  'and private keys given as JWK files. --previous chains it after an earlier bundle of the same school and kind.',
  "--encrypt-to: the district's public key file as the app exports it (tabian-public-key/1), or a JWK.",
  'Prints {"out","bundleId","sequence","statementSha256","students"}. Exit 0 when written, 2 for bad input.',
].join('\n');

const REQUIRED = [
  'kind',
  'students',
  'school-code',
  'school-smis',
  'school-name',
  'year',
  'round',
  'as-of',
  'staff',
  'staff-name',
  'director',
  'director-name',
  'out',
];
const OPTIONAL = ['district-code', 'district-name', 'encrypt-to', 'previous', 'created-at', 'bundle-id'];
const OPTIONS: Record<string, OptionSpec> = Object.fromEntries(
  [...REQUIRED, ...OPTIONAL].map((name) => [name, { type: 'string' }]),
);

type Flags = Readonly<Record<string, string | undefined>>;

async function readStudents(file: string): Promise<Student[]> {
  const text = fromUtf8(await readBytes(file));
  if (text === null) throw new InputError(`"${file}" is not UTF-8 text`);
  const students: Student[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new InputError(`${file} line ${i + 1}: not JSON`);
    }
    // A signed record needs its own stable id; one made up here would differ on every run.
    if (typeof (raw as { id?: unknown } | null)?.id !== 'string') throw new InputError(`${file} line ${i + 1}: no id`);
    const { student, problems } = readStudentRecord(raw, '');
    if (!student || problems.length > 0)
      throw new InputError(`${file} line ${i + 1}: ${problems.map((p) => `${p.rule} (${p.field})`).join(', ')}`);
    students.push(student);
  }
  return students;
}

function checkFields(f: Flags): void {
  const missing = REQUIRED.filter((name) => f[name] === undefined)
    .map((m) => `--${m}`)
    .join(', ');
  if (missing) throw new UsageError(`ขาด ${missing}`, `missing ${missing}`);
  if (f['kind'] !== 'submission')
    throw new InputError(`--kind: only "submission" can be made here, got "${f['kind']}"`);
  if (!/^\d{10}$/.test(f['school-code']!)) throw new InputError('--school-code wants the 10-digit MOE code');
  if (!/^\d{8}$/.test(f['school-smis']!)) throw new InputError('--school-smis wants the 8-digit SMIS code');
  if (!/^25\d\d$/.test(f['year']!)) throw new InputError('--year wants a Buddhist Era year such as 2569');
  if (!(ROUNDS as readonly string[]).includes(f['round']!))
    throw new InputError(`--round wants one of ${ROUNDS.join(', ')}`);
  if (!isIsoDate(f['as-of']!)) throw new InputError('--as-of wants a real date as YYYY-MM-DD');
}

async function chainAfter(
  file: string | undefined,
  schoolCode: string,
): Promise<{ sequence: number; previous: string | null }> {
  if (!file) return { sequence: 1, previous: null };
  const earlier = await inspectBundle(await readBytes(file));
  if (!earlier.statement) throw new InputError(`--previous "${file}" cannot be read: ${earlier.reason}`);
  if (earlier.statement.kind !== 'submission' || earlier.statement.school?.code !== schoolCode) {
    throw new InputError(`--previous "${file}" is not a submission of school ${schoolCode}`);
  }
  return { sequence: earlier.statement.sequence + 1, previous: earlier.statementSha256 };
}

async function signer(file: string) {
  const jwk = await readJsonFile(file, privateJwkSchema, 'a P-256 private key JWK');
  return importPrivateJwk(jwk, 'sign').catch(() => {
    throw new InputError(`"${file}" is not a usable P-256 private key`);
  });
}

export async function runCreate(args: string[], io: Io): Promise<number> {
  const f: Flags = parseCommandArgs(args, OPTIONS, false).values;
  checkFields(f);
  const createdAt = f['created-at'] ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const bundleId = f['bundle-id'] ?? crypto.randomUUID();
  if (!z.iso.datetime({ offset: true }).safeParse(createdAt).success)
    throw new InputError('--created-at wants an RFC 3339 time with offset');
  if (!z.uuid().safeParse(bundleId).success) throw new InputError('--bundle-id wants a UUID');
  const students = await readStudents(f['students']!);
  const [staff, director] = [await signer(f['staff']!), await signer(f['director']!)];
  const encryptFile = f['encrypt-to'];
  const encryptTo = encryptFile ? await readPublicKey(encryptFile) : null;
  const bundle = await createBundle(
    {
      kind: 'submission',
      bundleId,
      createdAt,
      app: { name: 'tabian', version: pkg.version },
      school: { code: f['school-code']!, smis: f['school-smis']!, name: f['school-name']! },
      district: { code: f['district-code'] ?? '', name: f['district-name'] ?? '' },
      academicYear: Number(f['year']),
      round: f['round'] as (typeof ROUNDS)[number],
      asOf: f['as-of']!,
      ...(await chainAfter(f['previous'], f['school-code']!)),
      ...submissionContents(students),
      signers: [
        { key: staff, role: 'staff', name: f['staff-name']!, act: 'confirm-existence', at: createdAt },
        { key: director, role: 'director', name: f['director-name']!, act: 'certify', at: createdAt },
      ],
      encryptTo,
    },
    (n) => crypto.getRandomValues(new Uint8Array(n)),
  );
  await writeFile(f['out']!, bundle.bytes).catch((e: unknown) => {
    throw new InputError(`cannot write "${f['out']}": ${(e as Error).message}`);
  });
  const { sequence } = bundle.statement;
  io.out(
    JSON.stringify({
      out: f['out'],
      bundleId,
      sequence,
      statementSha256: bundle.statementSha256,
      students: students.length,
    }),
  );
  return 0;
}
