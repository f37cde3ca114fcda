import { describe, expect, it } from 'vitest';
import { assessScreening, incomeOf } from '../../src/domain/screening/assess';
import {
  INCOME_LINE_PER_PERSON,
  screeningLabel,
  screeningOptions,
  SCREENING_FORM,
} from '../../src/domain/screening/options';
import { screeningSchema, type ScreeningInput } from '../../src/domain/screening/schema';

const member = (income: Record<string, number>, over: Record<string, unknown> = {}) => ({
  name: 'สมาชิก',
  income,
  ...over,
});
const visit = (over: Partial<ScreeningInput> = {}) =>
  screeningSchema.parse({
    id: 'sc1',
    studentId: 's1',
    academicYear: 2569,
    formVersion: SCREENING_FORM.version,
    ...over,
  });

describe('the screening form data', () => {
  it('has the form version, its source and the 3,000-baht line', () => {
    expect(SCREENING_FORM.version).toBe('ฉบับปรับปรุง 6 มีนาคม 2569');
    expect(SCREENING_FORM.source).toMatch(/EEF operations manual/);
    expect(INCOME_LINE_PER_PERSON).toBe(3000);
  });
  it("has the form's option counts: 7 family statuses, 5 lives-with, 8 floors, 8 walls, 6 roofs", () => {
    expect(
      [
        screeningOptions('familyStatus'),
        screeningOptions('livesWith'),
        screeningOptions('floor'),
        screeningOptions('walls'),
        screeningOptions('roof'),
      ].map((l) => l.length),
    ).toEqual([7, 5, 8, 8, 6]);
    expect(screeningLabel('housing', 'rent')).toBe('อยู่บ้านเช่า');
  });
  it('refuses a code the form does not have', () => {
    expect(() => visit({ household: { floor: ['marble'] } } as unknown as ScreeningInput)).toThrow();
  });
});

describe('assessing a household', () => {
  // Hand-computed: 5 members, 4,500 + 2,000 + 1,200 (farming net) + 800 (welfare) + 0 = 8,500 → 1,700 a person.
  const five = [
    member({ wages: 4500 }),
    member({ wages: 2000 }),
    member({ farming: 1200 }),
    member({ welfare: 800 }),
    member({}),
  ];
  it('computes per-person income and compares it with the line', () => {
    const a = assessScreening(visit({ members: five }));
    expect(a).toMatchObject({ members: 5, incomeTotal: 8500, incomePerPerson: 1700, underIncomeLine: true });
  });
  it('counts exactly 3,000 a person as under the line, and 3,000.01 as over', () => {
    expect(assessScreening(visit({ members: [member({ wages: 6000 }), member({})] })).underIncomeLine).toBe(true);
    expect(
      incomeOf(
        screeningSchema.parse({
          id: 'x',
          studentId: 'y',
          academicYear: 2569,
          formVersion: 'v',
          members: [member({ wages: 3000, other: 0.01 })],
        }).members,
      ).perPerson,
    ).toBe(3000.01);
  });
  it('lists the ticked status items as facts', () => {
    const a = assessScreening(
      visit({
        members: five,
        household: {
          dependants: ['elderly'],
          housing: 'rent',
          rentPerMonth: 1500,
          floor: ['earth'],
          toilet: false,
          farmland: 'under-1',
          electricity: ['tapped'],
          vehicles: ['motorcycle'],
        },
      }),
    );
    expect(a.statusItems).toEqual([
      'dependants.elderly',
      'housing.rent',
      'floor.earth',
      'toilet.none',
      'farmland.under-1',
      'electricity.tapped',
      'vehicles.motorcycle',
    ]);
  });
  it('says what is missing: photos, GPS, consent, signatures, the rent', () => {
    const a = assessScreening(visit({ members: five, household: { housing: 'rent' }, photos: { schoolSign: 'p1' } }));
    expect(a.problems).toEqual([
      'student.family_status',
      'student.lives_with',
      'housing.rent',
      'photos.reason',
      'gps.missing',
      'consent.missing',
      'signature.teacher',
      'signature.guardian',
      'signature.official',
    ]);
    expect(assessScreening(visit()).problems).toContain('members.none');
    expect(assessScreening(visit()).incomePerPerson).toBeNull();
  });
  it('takes the school-sign photo with its reason instead of the home', () => {
    const a = assessScreening(visit({ photos: { schoolSign: 'p1', schoolSignReason: 'refused' } }));
    expect(a.problems).not.toContain('photos.missing');
    expect(a.problems).not.toContain('photos.reason');
  });
});
