import { describe, it, expect } from 'vitest';
import { academicYearOf, roundIds, roundLabel, roundStatus, roundsOf } from '../../src/domain/calendar';

// Academic year 2568 began on 16 May 2025: term 1 closes 10 Jun 2025, term 2 on 10 Nov 2025, year-end on 30 Apr 2026.
const states = (today: string) => roundStatus(today).rounds.map((r) => [r.round, r.state, r.daysLeft]);

describe('academicYearOf', () => {
  it('starts the academic year on 16 May', () => {
    expect(academicYearOf('2025-05-15')).toBe(2567);
    expect(academicYearOf('2025-05-16')).toBe(2568);
    expect(academicYearOf('2025-12-31')).toBe(2568);
    expect(academicYearOf('2026-01-01')).toBe(2568);
    expect(academicYearOf('2024-02-29')).toBe(2566);
  });
  it('refuses a date that does not exist', () => {
    expect(() => academicYearOf('2025-02-29')).toThrow(RangeError);
  });
});

describe('roundsOf', () => {
  it('gives the default DMC windows', () => {
    expect(roundsOf(2569)).toEqual([
      { round: 'term1', academicYear: 2569, asOf: '2026-06-10', opens: '2026-05-16', deadline: '2026-06-10' },
      { round: 'term2', academicYear: 2569, asOf: '2026-11-10', opens: '2026-11-01', deadline: '2026-11-10' },
      { round: 'year-end', academicYear: 2569, asOf: '2027-03-31', opens: '2027-03-01', deadline: '2027-04-30' },
    ]);
  });
  it('lets the ministry move a window', () => {
    const [term1, term2] = roundsOf(2569, { term1: { deadline: '2026-06-20' }, term2: { opens: '2026-10-20' } });
    expect(term1).toEqual({
      round: 'term1',
      academicYear: 2569,
      asOf: '2026-06-10',
      opens: '2026-05-16',
      deadline: '2026-06-20',
    });
    expect(term2?.opens).toBe('2026-10-20');
    expect(term2?.deadline).toBe('2026-11-10');
  });
  it('refuses an override that is not a date', () => {
    expect(() => roundsOf(2569, { term1: { deadline: '2026-06-31' } })).toThrow(RangeError);
  });
});

describe('roundStatus', () => {
  it('keeps term 1 open on 10 June itself, with 0 days left', () => {
    const s = roundStatus('2025-06-10');
    expect(s.academicYear).toBe(2568);
    expect(states('2025-06-10')).toEqual([
      ['term1', 'open', 0],
      ['term2', 'upcoming', 153],
      ['year-end', 'upcoming', 324],
    ]);
    expect(s.current?.round).toBe('term1');
    expect(s.next.round).toBe('term1');
  });
  it('closes term 1 on 11 June and points at term 2', () => {
    const s = roundStatus('2025-06-11');
    expect(states('2025-06-11')).toEqual([
      ['term1', 'past', null],
      ['term2', 'upcoming', 152],
      ['year-end', 'upcoming', 323],
    ]);
    expect(s.current).toBeNull();
    expect(s.next).toMatchObject({ round: 'term2', academicYear: 2568, state: 'upcoming', daysLeft: 152 });
  });
  it('has no open round in the October break', () => {
    const s = roundStatus('2025-10-20');
    expect(s.current).toBeNull();
    expect(s.next).toMatchObject({ round: 'term2', daysLeft: 21 });
    expect(roundStatus('2025-11-01').current?.round).toBe('term2');
    expect(roundStatus('2025-10-31').current).toBeNull();
  });
  it('keeps the year-end round open through 31 March and 30 April', () => {
    expect(roundStatus('2026-03-31').current).toMatchObject({ round: 'year-end', asOf: '2026-03-31', daysLeft: 30 });
    expect(roundStatus('2026-04-30').current).toMatchObject({ round: 'year-end', daysLeft: 0 });
    expect(roundStatus('2026-02-28').current).toBeNull();
  });
  it('from 1 May points at next year’s term 1', () => {
    const s = roundStatus('2026-05-01');
    expect(s.academicYear).toBe(2568);
    expect(states('2026-05-01')).toEqual([
      ['term1', 'past', null],
      ['term2', 'past', null],
      ['year-end', 'past', null],
    ]);
    expect(s.current).toBeNull();
    expect(s.next).toMatchObject({
      round: 'term1',
      academicYear: 2569,
      opens: '2026-05-16',
      state: 'upcoming',
      daysLeft: 40,
    });
  });
  it('turns the year over between 15 and 16 May', () => {
    const before = roundStatus('2025-05-15');
    expect(before.academicYear).toBe(2567);
    expect(before.current).toBeNull();
    expect(before.next).toMatchObject({ round: 'term1', academicYear: 2568, daysLeft: 26 });
    const after = roundStatus('2025-05-16');
    expect(after.academicYear).toBe(2568);
    expect(after.current).toMatchObject({ round: 'term1', academicYear: 2568, daysLeft: 25 });
  });
  it('counts across a leap day', () => {
    const s = roundStatus('2024-02-29');
    expect(s.academicYear).toBe(2566);
    expect(s.next).toMatchObject({ round: 'year-end', state: 'upcoming', opens: '2024-03-01', daysLeft: 61 });
  });
  it('applies overrides to the current academic year', () => {
    const s = roundStatus('2025-06-12', { term1: { deadline: '2025-06-20' } });
    expect(s.current).toMatchObject({ round: 'term1', deadline: '2025-06-20', daysLeft: 8 });
    expect(s.next.round).toBe('term1');
  });
  it('picks the nearest deadline when overrides reorder the windows', () => {
    const s = roundStatus('2025-06-01', { term1: { deadline: '2025-12-01' } });
    expect(s.next).toMatchObject({ round: 'term2', deadline: '2025-11-10' });
  });
});

describe('roundLabel', () => {
  it('names rounds in Thai and English', () => {
    expect(roundIds.map((r) => roundLabel(r))).toEqual(['ภาคเรียนที่ 1', 'ภาคเรียนที่ 2', 'สิ้นปีการศึกษา']);
    expect(roundLabel('term1', 'en')).toBe('Term 1');
    expect(roundLabel('term2', 'en')).toBe('Term 2');
    expect(roundLabel('year-end', 'en')).toBe('End of year');
  });
});
