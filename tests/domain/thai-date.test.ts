import { describe, it, expect } from 'vitest';
import {
  addDays,
  ageOn,
  daysBetween,
  localIsoDate,
  localParts,
  daysInMonth,
  formatThaiDate,
  isIsoDate,
  isLeapYear,
  isoDateSchema,
  parseThaiDate,
  toBuddhistYear,
  toGregorianYear,
} from '../../src/domain/thai-date';

describe('Buddhist Era', () => {
  it('adds and removes 543', () => {
    expect(toBuddhistYear(2026)).toBe(2569);
    expect(toGregorianYear(2555)).toBe(2012);
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only, leap years included', () => {
    expect(isIsoDate('2026-06-10')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-6-10')).toBe(false);
    expect(isIsoDate('2026-06-10T00:00')).toBe(false);
  });
  it('backs a zod schema', () => {
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2023-02-29').success).toBe(false);
  });
  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2024, 2026].map(isLeapYear)).toEqual([false, true, true, false]);
    expect([1, 2, 4, 12].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 30, 31]);
  });
});

describe('formatThaiDate', () => {
  it('writes Thai dates in the Buddhist Era and English ones in CE', () => {
    expect(formatThaiDate('2026-06-10')).toBe('10 มิ.ย. 2569');
    expect(formatThaiDate('2026-06-10', 'th', 'long')).toBe('10 มิถุนายน 2569');
    expect(formatThaiDate('2026-06-10', 'en')).toBe('10 Jun 2026');
    expect(formatThaiDate('2026-06-10', 'en', 'long')).toBe('10 June 2026');
  });
  it('drops the leading zero of the day and covers every month', () => {
    expect(formatThaiDate('2012-03-05')).toBe('5 มี.ค. 2555');
    expect(formatThaiDate('2025-12-31', 'th', 'long')).toBe('31 ธันวาคม 2568');
    expect(formatThaiDate('2025-01-01')).toBe('1 ม.ค. 2568');
  });
  it('refuses a date that does not exist', () => {
    expect(() => formatThaiDate('2023-02-29')).toThrow(RangeError);
  });
});

describe('parseThaiDate', () => {
  it('reads DMC day/month/BE-year dates', () => {
    expect(parseThaiDate('20/03/2555')).toBe('2012-03-20');
    expect(parseThaiDate('5/3/2555')).toBe('2012-03-05');
    expect(parseThaiDate('20-03-2555')).toBe('2012-03-20');
    expect(parseThaiDate('20.03.2555')).toBe('2012-03-20');
    expect(parseThaiDate(' 20 / 03 / 2555 ')).toBe('2012-03-20');
  });
  it('reads two-digit years as BE 25xx', () => {
    expect(parseThaiDate('20/03/55')).toBe('2012-03-20');
    expect(parseThaiDate('01/01/69')).toBe('2026-01-01');
  });
  it('reads a four-digit year below 2400 as CE', () => {
    expect(parseThaiDate('20/03/2012')).toBe('2012-03-20');
    expect(parseThaiDate('2012-03-20')).toBe('2012-03-20');
  });
  it('reads ISO-like dates with a BE year', () => {
    expect(parseThaiDate('2555-03-20')).toBe('2012-03-20');
    expect(parseThaiDate('2555/3/20')).toBe('2012-03-20');
  });
  it('reads Thai month names, short or long, with optional dots, spaces and พ.ศ.', () => {
    expect(parseThaiDate('10 มิ.ย. 2569')).toBe('2026-06-10');
    expect(parseThaiDate('10 มิถุนายน 2569')).toBe('2026-06-10');
    expect(parseThaiDate('10 มิย 2569')).toBe('2026-06-10');
    expect(parseThaiDate('10มิ.ย.2569')).toBe('2026-06-10');
    expect(parseThaiDate('10 มิ. ย. 2569')).toBe('2026-06-10');
    expect(parseThaiDate('10 มิถุนายน พ.ศ. 2569')).toBe('2026-06-10');
    expect(parseThaiDate('10 มิถุนายน พ.ศ.2569')).toBe('2026-06-10');
    expect(parseThaiDate('1 ก.พ. 69')).toBe('2026-02-01');
    expect(parseThaiDate('๑๐ มิ.ย. ๒๕๖๙')).toBe('2026-06-10');
  });
  it('tells apart months that share letters', () => {
    expect(parseThaiDate('1 มี.ค. 2569')).toBe('2026-03-01');
    expect(parseThaiDate('1 ม.ค. 2569')).toBe('2026-01-01');
    expect(parseThaiDate('1 พ.ค. 2569')).toBe('2026-05-01');
    expect(parseThaiDate('1 พ.ย. 2569')).toBe('2026-11-01');
    expect(parseThaiDate('1 ก.ค. 2569')).toBe('2026-07-01');
    expect(parseThaiDate('1 ก.ย. 2569')).toBe('2026-09-01');
  });
  it('reads back its own English output', () => {
    expect(parseThaiDate('10 Jun 2026')).toBe('2026-06-10');
    expect(parseThaiDate('10 June 2026')).toBe('2026-06-10');
  });
  it('returns null for dates that do not exist or text it cannot read', () => {
    expect(parseThaiDate('31/02/2555')).toBeNull();
    expect(parseThaiDate('29/02/2566')).toBeNull(); // 2023, not a leap year
    expect(parseThaiDate('29/02/2567')).toBe('2024-02-29');
    expect(parseThaiDate('10 มิถุน 2569')).toBeNull();
    expect(parseThaiDate('13/13/2555')).toBeNull();
    expect(parseThaiDate('20/03/255')).toBeNull();
    expect(parseThaiDate('-')).toBeNull();
    expect(parseThaiDate('')).toBeNull();
  });
});

describe('daysBetween', () => {
  it('counts whole days, b − a', () => {
    expect(daysBetween('2026-06-01', '2026-06-10')).toBe(9);
    expect(daysBetween('2026-06-10', '2026-06-01')).toBe(-9);
    expect(daysBetween('2026-06-10', '2026-06-10')).toBe(0);
  });
  it('crosses leap days and years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('1970-01-01', '2000-03-01')).toBe(11017);
  });
  it('refuses impossible dates', () => {
    expect(() => daysBetween('2023-02-29', '2023-03-01')).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts completed years and months', () => {
    expect(ageOn('2012-03-20', '2026-06-10')).toEqual({ years: 14, months: 2 });
    expect(ageOn('2012-03-20', '2026-03-20')).toEqual({ years: 14, months: 0 });
    expect(ageOn('2012-03-20', '2026-03-19')).toEqual({ years: 13, months: 11 });
    expect(ageOn('2012-03-20', '2012-03-20')).toEqual({ years: 0, months: 0 });
  });
  it('makes a 29 February child a year older on 1 March in common years', () => {
    expect(ageOn('2012-02-29', '2013-02-28')).toEqual({ years: 0, months: 11 });
    expect(ageOn('2012-02-29', '2013-03-01')).toEqual({ years: 1, months: 0 });
    expect(ageOn('2012-02-29', '2016-02-29')).toEqual({ years: 4, months: 0 });
  });
  it('treats a missing month-day as the next day', () => {
    expect(ageOn('2020-01-31', '2020-02-29')).toEqual({ years: 0, months: 0 });
    expect(ageOn('2020-01-31', '2020-03-01')).toEqual({ years: 0, months: 1 });
  });
  it('throws RangeError before birth or on bad dates', () => {
    expect(() => ageOn('2012-03-20', '2012-03-19')).toThrow(RangeError);
    expect(() => ageOn('2012-02-30', '2013-01-01')).toThrow(RangeError);
  });
});

describe('localIsoDate: the school day in Bangkok', () => {
  // 06:30 on 8 December in Bangkok is 23:30 on 7 December in UTC.
  const dawn = '2026-12-07T23:30:00.000Z';
  it('is already the new day at 06:30 Bangkok time, whatever the host time zone', () => {
    expect(localIsoDate(dawn)).toBe('2026-12-08');
    expect(localIsoDate(new Date(dawn))).toBe('2026-12-08');
  });
  it('reads offsets other than Z', () => {
    expect(localIsoDate('2026-12-08T06:30:00+07:00')).toBe('2026-12-08');
    expect(localIsoDate('2026-03-31T23:59:59+07:00')).toBe('2026-03-31');
  });
  it('turns at midnight Bangkok time, not at 07:00', () => {
    expect(localIsoDate('2026-12-07T16:59:59Z')).toBe('2026-12-07');
    expect(localIsoDate('2026-12-07T17:00:00Z')).toBe('2026-12-08');
  });
  it('gives the wall clock too', () => {
    expect(localParts(dawn)).toEqual({ date: '2026-12-08', hh: '06', mm: '30', ss: '00' });
  });
  it('refuses a string that is not a time', () => {
    expect(() => localIsoDate('yesterday')).toThrow(RangeError);
  });
});

describe('addDays: the one date arithmetic', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-06-10', 1)).toBe('2026-06-11');
    expect(addDays('2026-06-30', 1)).toBe('2026-07-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});
