// A home's GPS against the school's position, and the screening season on the round calendar (decision 0039).
import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../src/domain/geo';
import { HOME_FAR_FROM_SCHOOL_KM, screeningFindings } from '../../src/domain/screening/checks';
import { SCREENING_FORM } from '../../src/domain/screening/options';
import { screeningSchema } from '../../src/domain/screening/schema';
import { screeningSeason } from '../../src/domain/screening/season';
import type { Gps } from '../../src/domain/school';
import { aStudent } from '../fixtures/students';

const at = (lat: number, lon: number): Gps => ({ lat, lon, accuracyM: null, source: 'manual' });
const screenedAt = (studentId: string, gps: Gps | null) =>
  screeningSchema.parse({
    id: `2569/${studentId}`,
    studentId,
    academicYear: 2569,
    formVersion: SCREENING_FORM.version,
    gps,
    members: [{ name: 'แม่', income: { wages: 20000 } }],
  });

describe('distance between two positions', () => {
  it('is the great-circle distance (hand-checked pairs)', () => {
    // One degree of latitude is 111.2 km on a sphere of 6,371 km (π·6371.0088/180).
    expect(distanceKm(at(18, 99), at(19, 99))).toBeCloseTo(111.195, 2);
    // Chiang Mai's old city to Bangkok's Democracy Monument: about 583 km in a straight line.
    expect(distanceKm(at(18.7883, 98.9853), at(13.7567, 100.5018))).toBeGreaterThan(575);
    expect(distanceKm(at(18.7883, 98.9853), at(13.7567, 100.5018))).toBeLessThan(590);
    expect(distanceKm(at(13.5, 100.5), at(13.5, 100.5))).toBe(0);
  });
});

describe('home far from the school', () => {
  const school = at(18.8, 98.95);
  const students = [aStudent('near'), aStudent('far'), aStudent('edge'), aStudent('nogps')];
  // 0.1° of latitude ≈ 11 km; 0.4° ≈ 44 km; the threshold in km as latitude degrees, less 100 m.
  const edge = school.lat + (HOME_FAR_FROM_SCHOOL_KM - 0.1) / 111.195;
  const screenings = [
    screenedAt('near', at(18.9, 98.95)),
    screenedAt('far', at(19.2, 98.95)),
    screenedAt('edge', at(edge, 98.95)),
    screenedAt('nogps', null),
  ];

  it('flags a home beyond the threshold, with its distance and the threshold', () => {
    expect(HOME_FAR_FROM_SCHOOL_KM).toBe(30);
    expect(screeningFindings(students, screenings, school).filter((f) => f.check === 'screening.home_far')).toEqual([
      { studentId: 'far', check: 'screening.home_far', km: 44, limitKm: 30 },
    ]);
  });
  it('checks nothing without the school position', () => {
    expect(screeningFindings(students, screenings, null).filter((f) => f.check === 'screening.home_far')).toEqual([]);
    expect(screeningFindings(students, screenings).filter((f) => f.check === 'screening.home_far')).toEqual([]);
  });
});

describe('the screening season', () => {
  it('runs from the start of the academic year to 31 July, days counted on the local date', () => {
    expect(screeningSeason(2569, '2026-05-15')).toMatchObject({
      state: 'upcoming',
      opens: '2026-05-16',
      deadline: '2026-07-31',
      daysLeft: 77,
    });
    expect(screeningSeason(2569, '2026-07-01')).toMatchObject({ state: 'open', daysLeft: 30 });
    expect(screeningSeason(2569, '2026-07-31')).toMatchObject({ state: 'open', daysLeft: 0 });
    expect(screeningSeason(2569, '2026-08-01')).toMatchObject({ state: 'past', daysLeft: null });
  });
});
