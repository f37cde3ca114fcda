// @vitest-environment node
// The nutrition part of the district summary: counted students only, in the period of the school's latest
// measurement, with the period before; and the district's sums over schools that measured in one period.
import { describe, expect, it } from 'vitest';
import { readIncoming, readSchoolGrowth } from '../../../src/domain/district/incoming';
import { nutritionSummary } from '../../../src/domain/district/nutrition';
import { districtNutrition } from '../../../src/domain/district/nutrition-report';
import { summarySchema } from '../../../src/domain/district/summary';
import { refs } from '../growth/who-tables';
import { bodyAt, generatedStudent, makeSchools, measureSchool, submissionOf, trustOf } from '../../factories/district';

const AS_OF = '2026-06-10';

describe('nutritionSummary', () => {
  it("counts each counted student's latest measurement in the period of the latest one, by grade and sex, with the period before", () => {
    const kids = Array.from({ length: 5 }, (_, i) => generatedStudent(i, { grade: '04' }));
    const [a, b, c, d, e] = kids as [
      (typeof kids)[0],
      (typeof kids)[0],
      (typeof kids)[0],
      (typeof kids)[0],
      (typeof kids)[0],
    ];
    const m = (s: typeof a, on: string, zb: number, zh: number) => ({
      studentId: s.id,
      measuredOn: on,
      ...bodyAt(s, on, zb, zh),
    });
    const measurements = [
      m(a, '2026-05-20', 0, 0),
      m(b, '2026-05-20', -2.6, 0),
      m(c, '2026-05-21', 2.6, -2.6),
      m(b, '2026-03-01', -1.7, 0), // the period before
      m(e, '2026-06-20', 3.5, 0), // after the as-of date: not counted
    ];
    const s = nutritionSummary([a, b, c, d], measurements, AS_OF, refs)!;
    expect(s.period).toBe('2569-1-1');
    expect(s.previous).toBe('2568-2-2');
    expect(s.school.current.students).toEqual({ M: 2, F: 2, total: 4 });
    expect(s.school.current.measured.total).toBe(3);
    expect(s.school.current.nutrition.thin).toEqual({ M: b.sex === 'M' ? 1 : 0, F: b.sex === 'F' ? 1 : 0, total: 1 });
    expect(s.school.current.nutrition.overweight.total).toBe(1);
    expect(s.school.previous!.nutrition['rather-thin'].total).toBe(1);
    expect(s.byGrade['04']!.current.measured.total).toBe(3);
    expect(s.followUp).toEqual({ children: 2, thin: 1, short: 1, obese: 1, check: 0 });
    // Counts only: no id, name or date of birth of any child.
    const text = JSON.stringify(s);
    for (const k of kids) expect(text).not.toContain(k.lastName);
    expect(summarySchema.shape.nutrition.parse(s)).toEqual(s);
    expect(nutritionSummary([a], [], AS_OF, refs)).toBeNull();
    expect(nutritionSummary([], measurements, AS_OF, refs)).toBeNull();
  });
});

describe('readIncoming and readSchoolGrowth', () => {
  it("put the nutrition summary in a submission's summary and list one school's children to follow up", async () => {
    const [school, bare] = await makeSchools(2, 10);
    measureSchool(school!, '2026-05-25', 5);
    const trust = trustOf([school!, bare!]);
    const made = await submissionOf(school!);
    const r = await readIncoming(made.bytes, { trust, decryptionKeys: [], kinds: ['submission'] });
    expect(r.valid).toBe(true);
    const n = r.summary!.nutrition!;
    // 10 students, every fifth unmeasured: 8 measured; patterns normal, thin, obese, short.
    expect(n.school.current.measured.total).toBe(8);
    expect(n.school.current.nutrition.thin.total).toBe(2);
    expect(n.followUp).toMatchObject({ thin: 2, obese: 2, short: 2, children: 6 });
    const g = (await readSchoolGrowth(made.bytes, { trust, decryptionKeys: [] }))!;
    expect(g.nutrition).toEqual(n);
    expect(g.followUp).toHaveLength(6);
    expect(g.followUp.every((f) => f.student.school === school!.code && !('idNo' in f.student))).toBe(true);
    const none = await readIncoming((await submissionOf(bare!)).bytes, {
      trust,
      decryptionKeys: [],
      kinds: ['submission'],
    });
    expect(none.summary!.nutrition).toBeNull();
  });
});

describe('districtNutrition', () => {
  it('sums the schools of the most common period and sets apart the others, those without data and those stored before', () => {
    const kids = Array.from({ length: 3 }, (_, i) => generatedStudent(i, { grade: '05' }));
    const one = (on: string, zb: number) =>
      nutritionSummary(
        kids,
        kids.map((k) => ({ studentId: k.id, measuredOn: on, ...bodyAt(k, on, zb, 0) })),
        AS_OF,
        refs,
      )!;
    const r = districtNutrition([
      { code: '3', name: 'C', nutrition: one('2026-05-20', -2.6) },
      { code: '1', name: 'A', nutrition: one('2026-05-20', 0) },
      { code: '2', name: 'B', nutrition: one('2026-03-01', 0) },
      { code: '4', name: 'D', nutrition: null },
      { code: '5', name: 'E', nutrition: undefined },
    ]);
    expect(r.period).toBe('2569-1-1');
    expect(r.schools.map((s) => s.code)).toEqual(['1', '3']);
    expect(r.total.school.current.measured.total).toBe(6);
    expect(r.total.school.current.nutrition.thin.total).toBe(3);
    expect(r.total.byGrade['05']!.current.students.total).toBe(6);
    expect(r.total.followUp.thin).toBe(3);
    expect(r.grades).toEqual(['05']);
    expect(r.otherPeriod.map((s) => s.code)).toEqual(['2']);
    expect(r.noData).toEqual([{ code: '4', name: 'D' }]);
    expect(r.notSummarised).toEqual([{ code: '5', name: 'E' }]);
    expect(districtNutrition([]).period).toBeNull();
  });
});
