import { describe, expect, it } from 'vitest';
import { bundleHeader, schoolParties, schoolRecord } from '../../../src/domain/bundle/header';
import {
  certifiedStudents,
  districtKeyToUse,
  submissionChain,
  submissionFileName,
  submissionFiles,
  submissionSigners,
} from '../../../src/domain/bundle/submission';
import type { SigningKey } from '../../../src/domain/bundle/keys';
import type { SchoolProfile } from '../../../src/domain/school';
import type { Attestation } from '../../../src/domain/year/round';
import type { FrozenRow } from '../../../src/domain/year/snapshot';
import { screeningCounts } from '../../../src/domain/screening/counts';
import { aStudent } from '../../fixtures/students';
import { aMovement } from '../year/factories';

const profile = {
  kind: 'school',
  moeCode: '1050130001',
  smisCode: '50130001',
  nameTh: 'โรงเรียนบ้านทดสอบ',
  nameEn: 'Ban Thodsop School',
  districtOffice: { code: '5001', name: 'สพป.ทดสอบ เขต 1' },
  directorName: 'นายวิชัย ใจกล้า',
} as SchoolProfile;
const frozen = (id: string, over: Partial<FrozenRow> = {}): FrozenRow => ({
  id,
  idNo: '1',
  prefix: 'เด็กหญิง',
  firstName: 'มาลี',
  lastName: 'ใจดี',
  sex: null,
  birthDate: null,
  grade: null,
  room: '1',
  ...over,
});

describe('a submission, as the domain defines it', () => {
  it('encrypts to the district key enrolled last, never a school key or a revoked one', () => {
    const keys = [
      { keyid: 'a', role: 'district', enrolledAt: '2026-05-01T00:00:00Z', revokedAt: null },
      { keyid: 'b', role: 'district', enrolledAt: '2026-06-01T00:00:00Z', revokedAt: null },
      { keyid: 'c', role: 'director', enrolledAt: '2026-07-01T00:00:00Z', revokedAt: null },
      { keyid: 'd', role: 'district', enrolledAt: '2026-08-01T00:00:00Z', revokedAt: '2026-08-02T00:00:00Z' },
    ];
    expect(districtKeyToUse(keys)?.keyid).toBe('b');
    expect(districtKeyToUse(keys.filter((k) => k.role !== 'district'))).toBeNull();
  });

  it('lays the certified fields over the current records and names students gone since', () => {
    const now = aStudent('s1', { firstName: 'มาลีใหม่', room: '2', grade: '05' });
    const { students, missing } = certifiedStudents([frozen('s1', { grade: '04' }), frozen('s9')], [now]);
    expect(students[0]).toMatchObject({ id: 's1', firstName: 'มาลี', room: '1', grade: '04', addresses: now.addresses });
    expect(missing).toEqual(['s9']);
    // A frozen field left empty keeps today's value.
    expect(certifiedStudents([frozen('s1')], [now]).students[0]!.grade).toBe('05');
  });

  it('carries the certified students, their history up to the as-of date and the school', () => {
    const s = aStudent('s1');
    const { files, counts } = submissionFiles({
      students: [s],
      profile,
      asOf: '2026-06-10',
      movements: [
        aMovement('s1', 'transfer-in', '2026-06-01'),
        aMovement('s1', 'transfer-out', '2026-06-11'),
        aMovement('s2', 'transfer-in', '2026-06-01'),
      ],
      measurements: [{ id: 'm1', studentId: 's1', measuredOn: '2026-06-10', weightKg: 20, heightCm: 110 } as never],
    });
    expect(files.map((f) => f.path)).toEqual([
      'payload/students.jsonl',
      'payload/movements.jsonl',
      'payload/measurements.jsonl',
      'payload/school.json',
    ]);
    expect(counts).toMatchObject({ students: 1, movements: 1, measurements: 1 });
    expect(counts).not.toHaveProperty('findingReplies');
  });

  it('adds the screening counts only when the school screened, the replies and EMIS files only when there are some', () => {
    const { files, counts } = submissionFiles({
      students: [],
      movements: [],
      measurements: [],
      profile,
      asOf: '2026-06-10',
      replies: [],
      screening: screeningCounts(2569, []),
      emis: { staff: [], technology: null },
    });
    expect(files.map((f) => f.path).slice(4)).toEqual(['payload/screening-counts.json']);
    expect(Object.keys(counts)).not.toContain('findingReplies');
    expect(Object.keys(counts)).not.toContain('staff');
  });

  it('is signed by the confirmer and the certifier with their own acts and times', () => {
    const att = (userName: string, at: string) => ({ userName, at }) as Attestation;
    const keys = { staff: { keyid: 'k1' } as SigningKey, director: { keyid: 'k2' } as SigningKey };
    expect(
      submissionSigners(att('ครูสมศรี', '2026-06-09T10:00:00+07:00'), att('ผอ.วิชัย', '2026-06-10T09:00:00+07:00'), keys),
    ).toEqual([
      { key: keys.staff, role: 'staff', name: 'ครูสมศรี', act: 'confirm-existence', at: '2026-06-09T10:00:00+07:00' },
      { key: keys.director, role: 'director', name: 'ผอ.วิชัย', act: 'certify', at: '2026-06-10T09:00:00+07:00' },
    ]);
  });

  it('is named and chained by school, year, round and sequence', () => {
    expect(submissionFileName('1050130001', 2569, 'term1', 3)).toBe('1050130001-2569-term1-3.tabian');
    expect(submissionChain('1050130001')).toBe('1050130001|submission');
  });
});

describe('the bundle header, built once', () => {
  it('names the school and its district office from the profile, and the app that made it', () => {
    expect(
      bundleHeader('sync', schoolParties(profile), {
        bundleId: 'b1',
        createdAt: '2026-06-10T09:00:00+07:00',
        appVersion: '1.2.3',
      }),
    ).toEqual({
      kind: 'sync',
      bundleId: 'b1',
      createdAt: '2026-06-10T09:00:00+07:00',
      app: { name: 'tabian', version: '1.2.3' },
      school: { code: '1050130001', smis: '50130001', name: 'โรงเรียนบ้านทดสอบ' },
      district: { code: '5001', name: 'สพป.ทดสอบ เขต 1' },
    });
  });

  it("writes the school's own record with both names and its director", () => {
    expect(schoolRecord(profile)).toEqual({
      code: '1050130001',
      smis: '50130001',
      name: 'โรงเรียนบ้านทดสอบ',
      nameEn: 'Ban Thodsop School',
      district: { code: '5001', name: 'สพป.ทดสอบ เขต 1' },
      directorName: 'นายวิชัย ใจกล้า',
    });
  });
});
