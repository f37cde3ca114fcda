// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../src/domain/bundle/bytes';
import { sha256Hex } from '../../../src/domain/bundle/hash';
import { parsePayloadFile, payloadFile, type PayloadFile } from '../../../src/domain/bundle/payloads';
import type { FileEntry } from '../../../src/domain/bundle/statement';
import { aStudent } from '../../factories/students';

async function entryOf(f: PayloadFile): Promise<FileEntry> {
  return {
    path: f.path,
    sha256: await sha256Hex(f.bytes),
    bytes: f.bytes.length,
    records: f.records,
    schema: f.schema,
  };
}

const school = {
  code: '1010720001',
  smis: '10010001',
  name: 'โรงเรียนบ้านทดสอบ',
  district: { code: '1001', name: 'สพป.ทดสอบ เขต 1' },
  directorName: 'นายวิชัย ใจกล้า',
};
const movement = {
  id: 'm1',
  studentId: 's1',
  kind: 'transfer-out',
  effectiveOn: '2026-05-20',
  cause: 'transfer',
  school: 'โรงเรียนอื่น',
  reversedAt: null,
} as const;
const measurement = { id: 'w1', studentId: 's1', measuredOn: '2026-05-25', weightKg: 21.5, heightCm: 118 };
const operation = {
  store: 'students',
  recordId: 's1',
  field: 'room',
  value: '2',
  hlc: { wall: 1, counter: 0, device: 'tab-1' },
  by: 'u1',
};

describe('payload files', () => {
  it.each([
    ['payload/students.jsonl', 'student/1', [aStudent('s1'), aStudent('s2')]],
    ['payload/school.json', 'school/1', [school]],
    ['payload/movements.jsonl', 'movement/1', [movement]],
    ['payload/measurements.jsonl', 'measurement/1', [measurement]],
    ['payload/operations.jsonl', 'operation/1', [operation]],
  ] as const)('writes %s (%s) so that readers parse it back', async (path, schema, records) => {
    const file = payloadFile(path, schema, records as never);
    const parsed = parsePayloadFile(await entryOf(file), file.bytes);
    expect(parsed).toEqual({ ok: true, records: expect.any(Array), schema });
    expect(parsed.ok && parsed.records).toHaveLength(records.length);
  });

  it('writes JSON Lines with every line ended by \\n, and one document for school.json', () => {
    const lines = new TextDecoder().decode(
      payloadFile('payload/measurements.jsonl', 'measurement/1', [measurement, measurement]).bytes,
    );
    expect(lines).toBe(`${JSON.stringify(measurement)}\n${JSON.stringify(measurement)}\n`);
    expect(new TextDecoder().decode(payloadFile('payload/school.json', 'school/1', [school]).bytes)).toBe(
      JSON.stringify({
        code: school.code,
        smis: school.smis,
        name: school.name,
        nameEn: '',
        district: school.district,
        directorName: school.directorName,
      }),
    );
  });

  it('refuses to write a record its schema refuses, or a file under the wrong extension', () => {
    expect(() =>
      payloadFile('payload/measurements.jsonl', 'measurement/1', [{ ...measurement, weightKg: -1 }]),
    ).toThrow();
    expect(() => payloadFile('payload/school.jsonl', 'school/1', [school])).toThrow();
  });

  it('keeps more fields than student/1 needs out of the way, and fills defaults', async () => {
    const file = {
      path: 'payload/students.jsonl',
      schema: 'student/1',
      bytes: utf8(JSON.stringify({ ...aStudent('s1'), extra: 1, studentNo: undefined }) + '\n'),
      records: 1,
    } as const;
    const parsed = parsePayloadFile(await entryOf(file), file.bytes);
    expect(parsed.ok && parsed.records[0]).toMatchObject({ id: 's1', studentNo: '' });
  });

  it.each([
    ['an unknown schema', { schema: 'attendance/1' }, '{}\n', 'file.schema'],
    ['a lines schema in a .json file', { path: 'payload/students.json' }, '{}', 'file.schema'],
    ['a blank line in the middle', { records: 2 }, '{"a":1}\n\n', 'record.schema'],
    ['a BOM', {}, '\ufeff{}\n', 'record.schema'],
    [
      'fewer records than stated',
      { records: 2, schema: 'operation/1', path: 'payload/operations.jsonl' },
      `${JSON.stringify(operation)}\n`,
      'record.count',
    ],
  ])('refuses %s', async (_what, fields, text, reason) => {
    const entry = { path: 'payload/students.jsonl', sha256: '', bytes: 0, records: 1, schema: 'student/1', ...fields };
    const parsed = parsePayloadFile(entry, utf8(text));
    expect(parsed.ok ? 'ok' : parsed.reason).toBe(reason);
  });
});
