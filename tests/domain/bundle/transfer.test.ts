import { describe, expect, it } from 'vitest';
import { parsePayloadFile, payloadFile } from '../../../src/domain/bundle/payloads';
import { namesThisSchool, readTransfer, transferContents, transferOut } from '../../../src/domain/bundle/transfer';
import type { VerifiedFile } from '../../../src/domain/bundle/verify-files';
import type { Movement } from '../../../src/domain/year/movement';
import { aStudent } from '../../factories/students';

const move = (id: string, kind: Movement['kind'], effectiveOn: string, over: Partial<Movement> = {}): Movement => ({
  id,
  studentId: 's1',
  kind,
  effectiveOn,
  cause: kind === 'transfer-out' ? 'transfer' : null,
  reason: '',
  school: 'โรงเรียนบ้านปลายทาง',
  districtConsultedOn: null,
  student: { prefix: 'เด็กหญิง', firstName: 'มาลี', lastName: 'ใจดี', sex: 'F', grade: '04', room: '1' },
  before: null,
  recordedAt: '2026-07-01T03:00:00.000Z',
  recordedBy: { userId: 'u1', userName: 'ครู' },
  reversedAt: null,
  reversedBy: null,
  reversalReason: null,
  ...over,
});
const school = {
  code: '1050130001',
  smis: '50130001',
  name: 'โรงเรียนบ้านทดสอบ',
  nameEn: '',
  district: { code: '5001', name: 'เขต 1' },
  directorName: 'ผอ.',
};
const student = aStudent('s1', { status: 'transferred-out' });
const other = { id: 'm9', studentId: 's2', measuredOn: '2026-06-01', weightKg: 20, heightCm: 110 };
const mine = { id: 'm1', studentId: 's1', measuredOn: '2026-06-01', weightKg: 21, heightCm: 111 };

const asPayload = (files: ReturnType<typeof transferContents>['files']): VerifiedFile[] =>
  files.map((f) => {
    const parsed = parsePayloadFile(
      { path: f.path, schema: f.schema, records: f.records, sha256: '0'.repeat(64), bytes: f.bytes.length },
      f.bytes,
    );
    if (!parsed.ok) throw new Error(parsed.detail);
    return { path: f.path, schema: f.schema, bytes: f.bytes, records: parsed.records };
  });

describe('transfer payload', () => {
  it('picks the latest unreversed transfer-out', () => {
    expect(
      transferOut([
        move('a', 'transfer-in', '2026-05-16'),
        move('b', 'transfer-out', '2026-06-01', { reversedAt: '2026-06-02T00:00:00.000Z' }),
      ]),
    ).toBe(-1);
    expect(
      transferOut([
        move('a', 'transfer-out', '2026-06-01'),
        move('b', 'transfer-in', '2026-06-10'),
        move('c', 'transfer-out', '2026-07-01'),
      ]),
    ).toBe(2);
  });

  it('carries only this student, and reads back the record, the history and the destination', () => {
    const c = transferContents({
      student,
      movements: [move('a', 'transfer-out', '2026-07-01'), { ...move('x', 'death', '2026-07-01'), studentId: 's2' }],
      measurements: [mine, other],
      school,
    });
    expect(c.counts).toEqual({ students: 1, movements: 1, measurements: 1 });
    const read = readTransfer(asPayload(c.files));
    expect(read).toMatchObject({
      ok: true,
      transfer: {
        student: { id: 's1' },
        leftOn: '2026-07-01',
        to: 'โรงเรียนบ้านปลายทาง',
        from: { code: '1050130001' },
        measurements: [mine],
      },
    });
  });

  it('refuses a student still on the register, and a payload without a transfer-out', () => {
    expect(() =>
      transferContents({
        student: aStudent('s1'),
        movements: [move('a', 'transfer-out', '2026-07-01')],
        measurements: [],
        school,
      }),
    ).toThrow();
    const files = [
      payloadFile('payload/students.jsonl', 'student/1', [student]),
      payloadFile('payload/school.json', 'school/1', [school]),
      payloadFile('payload/movements.jsonl', 'movement/1', []),
    ];
    expect(readTransfer(asPayload(files))).toEqual({ ok: false, problem: 'transfer.not_out' });
    expect(readTransfer(asPayload(files.slice(1)))).toEqual({ ok: false, problem: 'transfer.shape' });
  });

  it('recognises this school in the destination written by the sender', () => {
    const here = { nameTh: 'โรงเรียนบ้านปลายทาง', nameEn: 'Ban Plaithang School', moeCode: '1050130002' };
    expect(namesThisSchool('บ้านปลายทาง', here)).toBe(true);
    expect(namesThisSchool('โรงเรียน บ้านปลายทาง อ.เมือง', here)).toBe(true);
    expect(namesThisSchool('ban plaithang school', here)).toBe(true);
    expect(namesThisSchool('โรงเรียนบ้านอื่น', here)).toBe(false);
    expect(namesThisSchool('', here)).toBe(false);
  });
});
