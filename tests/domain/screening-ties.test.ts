// The screening's ties to the register, its progress states and the district's counts.
import { describe, expect, it } from 'vitest';
import { assessScreening } from '../../src/domain/screening/assess';
import { screeningFindings } from '../../src/domain/screening/checks';
import { screeningCounts, screeningCountsSchema } from '../../src/domain/screening/counts';
import { payloadFile } from '../../src/domain/bundle/payloads';
import { SCREENING_FORM } from '../../src/domain/screening/options';
import { progressOf, screeningState } from '../../src/domain/screening/progress';
import { applyProposal, POOR_DISADVANTAGE, proposeRegister } from '../../src/domain/screening/register';
import { screeningSchema, type ScreeningInput } from '../../src/domain/screening/schema';
import { aStudent } from '../factories/students';

const sig = { name: 'ครูสมใจ', how: 'drawn' as const, imageId: 'sig1', signedOn: '2026-06-12' };
const visit = (studentId: string, over: Partial<ScreeningInput> = {}) =>
  screeningSchema.parse({
    id: `2569/${studentId}`,
    studentId,
    academicYear: 2569,
    formVersion: SCREENING_FORM.version,
    ...over,
  });
/** Nothing missing: 2 members, 5,000 baht → 2,500 a person (under the line). */
const complete = (studentId: string, over: Partial<ScreeningInput> = {}) =>
  visit(studentId, {
    student: { familyStatus: '01', livesWith: '01' },
    members: [{ name: 'แม่', income: { wages: 5000 } }, { name: 'ลูก' }],
    household: { floor: ['earth'], toilet: false },
    photos: { outside: 'p1', inside: 'p2' },
    gps: { lat: 18.8, lon: 98.9, accuracyM: null, source: 'manual' },
    consent: { pdpa: true },
    signatures: { teacher: sig, guardian: sig, official: sig },
    ...over,
  });

describe('screening progress', () => {
  it('says done, partly, not visited or not needed', () => {
    expect(screeningState(complete('s1'))).toBe('done');
    expect(screeningState(visit('s1'))).toBe('partly');
    expect(screeningState(null)).toBe('not-visited');
    expect(screeningState(visit('s1', { notNeeded: true }))).toBe('not-needed');
    expect(progressOf(['done', 'partly', 'partly', 'not-visited'])).toEqual({
      done: 1,
      partly: 2,
      'not-visited': 1,
      'not-needed': 0,
      total: 4,
    });
  });
});

describe('register proposals', () => {
  it('proposes ยากจน and the four shortages for a household under the line, and applies what the officer accepts', () => {
    const student = aStudent('s1');
    const p = proposeRegister(student, assessScreening(complete('s1')));
    expect(POOR_DISADVANTAGE).toBe('09');
    expect(p).toEqual({
      studentId: 's1',
      disadvantage: { from: null, to: '09' },
      shortages: ['uniform', 'stationery', 'textbooks', 'lunch'],
    });
    const w = applyProposal(student.welfare, p!, { disadvantage: true, shortages: ['lunch'] });
    expect(w.disadvantage).toBe('09');
    expect(w.shortages).toEqual({ uniform: false, stationery: false, textbooks: false, lunch: true });
  });
  it('proposes nothing over the line, and keeps another disadvantage the register already has', () => {
    expect(
      proposeRegister(
        aStudent('s1'),
        assessScreening(complete('s1', { members: [{ name: 'แม่', income: { wages: 9000 } }] })),
      ),
    ).toBeNull();
    const orphan = aStudent('s2', { welfare: { disadvantage: '03' } } as never);
    expect(proposeRegister(orphan, assessScreening(complete('s2')))?.disadvantage).toBeNull();
  });
});

describe('screening checks against the register', () => {
  it('finds the poor without a screening, the screened not marked poor, missing evidence, and income over the line', () => {
    const students = [
      aStudent('a', { welfare: { disadvantage: '09' } } as never),
      aStudent('b'),
      aStudent('c', { welfare: { disadvantage: '09' } } as never),
      aStudent('d', { welfare: { disadvantage: '09' } } as never),
    ];
    const screenings = [
      complete('b'),
      complete('c', {
        members: [{ name: 'พ่อ', income: { wages: 20000 } }],
        signatures: { teacher: sig, guardian: null, official: sig },
      }),
      complete('d'),
    ];
    expect(screeningFindings(students, screenings)).toEqual([
      { studentId: 'a', check: 'poor.no_screening' },
      { studentId: 'b', check: 'screening.register_not_poor' },
      { studentId: 'c', check: 'poor.over_line' },
      { studentId: 'c', check: 'screening.evidence_missing' },
    ]);
  });
});

describe('what the district receives', () => {
  it('counts screened, under the line and each status item, and nothing about a person', () => {
    const counts = screeningCounts(2569, [
      complete('a'),
      complete('b', { members: [{ name: 'พ่อ', income: { wages: 9000 } }] }),
      visit('c'),
      visit('d', { notNeeded: true }),
    ]);
    expect(counts).toEqual({
      academicYear: 2569,
      formVersion: SCREENING_FORM.version,
      screened: 2,
      partly: 1,
      notNeeded: 1,
      underIncomeLine: 1,
      statusItems: { 'floor.earth': 2, 'toilet.none': 2 },
    });
    expect(JSON.stringify(counts)).not.toMatch(/แม่|พ่อ|9000|18\.8/);
  });
  it('travels as the submission payload screening-counts/1, which refuses anything personal', () => {
    const counts = screeningCounts(2569, [complete('a')]);
    const file = payloadFile('payload/screening-counts.json', 'screening-counts/1', [counts]);
    expect(JSON.parse(new TextDecoder().decode(file.bytes))).toEqual(counts);
    expect(() => screeningCountsSchema.parse({ ...counts, names: ['เด็กหญิงมาลี'] })).toThrow();
  });
});
