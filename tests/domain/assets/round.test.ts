import { describe, expect, it } from 'vitest';
import { buildingSchema, type Building } from '../../../src/domain/assets/schema';
import {
  blankSurvey,
  buildingChanges,
  buildingsAsOf,
  carryOver,
  certifySurveyBlockers,
  confirmSurveyBlockers,
  nextCount,
  surveyLines,
} from '../../../src/domain/assets/round';
import { assetsSummary, gradeNeeds } from '../../../src/domain/assets/district';
import { payloadFile } from '../../../src/domain/bundle/payloads';

const building = (over: Partial<Building> = {}): Building =>
  buildingSchema.parse({ id: 'b1', kind: 'b01', roomsActual: 3, condition: 'good', ...over });
const who = {
  userId: 'u1',
  userName: 'ครูสมใจ',
  role: 'officer' as const,
  at: '2026-10-30T03:00:00.000Z',
  asOf: '2026-10-30',
};

describe('the survey year', () => {
  it('takes buildings as of 30 October of the academic year', () => {
    expect(buildingsAsOf(2569)).toBe('2026-10-30');
    expect(blankSurvey('buildings', 2569, '2026-10-30').key).toBe('2569/buildings');
    expect(blankSurvey('equipment', 2569, '2026-10-01').key).toBe('equipment/2026-10-01');
  });

  it("carries last year's standing buildings over as copies", () => {
    const last = [building(), building({ id: 'b2', removedOn: '2026-01-10' })];
    const now = carryOver(last);
    expect(now.map((b) => b.id)).toEqual(['b1']);
    now[0]!.condition = 'poor';
    expect(last[0]!.condition).toBe('good');
  });
});

describe('what changed since last year', () => {
  it('names the changed fields, a new building as new', () => {
    expect(buildingChanges(building({ condition: 'poor', note: 'ผนังร้าว' }), building())).toEqual(['condition', 'note']);
    expect(buildingChanges(building(), building())).toEqual([]);
    expect(buildingChanges(building(), null)).toBe('new');
  });

  it('stops confirmation while a condition change has no note, and certification before confirmation', () => {
    const record = blankSurvey('buildings', 2569, '2026-10-30');
    const lines = surveyLines([building({ condition: 'poor' }), building({ id: 'b9' })], [building()], '2026-10-30');
    expect(lines.map((l) => l.changes)).toEqual([['condition'], 'new']);
    expect(confirmSurveyBlockers(record, lines)).toEqual(['survey.condition_note']);
    const noted = surveyLines([building({ condition: 'poor', note: 'ผนังร้าว' })], [building()], '2026-10-30');
    expect(confirmSurveyBlockers(record, noted)).toEqual([]);
    expect(confirmSurveyBlockers(record, [])).toEqual(['survey.empty']);
    expect(certifySurveyBlockers(record)).toEqual(['survey.not_confirmed']);
    expect(certifySurveyBlockers({ ...record, confirmation: who })).toEqual([]);
    expect(
      certifySurveyBlockers({ ...record, confirmation: who, certification: { ...who, role: 'director' } }),
    ).toEqual(['survey.certified']);
  });

  it('starts a new equipment count from the last one', () => {
    const last = {
      schemaVersion: 1 as const,
      countedOn: '2026-06-01',
      items: [{ code: '22001', name: '', usable: 5, awaitingRepair: 1, awaitingDisposal: 0 }],
    };
    const next = nextCount(last, '2026-10-01');
    expect(next).toEqual({ ...last, countedOn: '2026-10-01' });
    next.items[0]!.usable = 9;
    expect(last.items[0]!.usable).toBe(5);
    expect(nextCount(null, '2026-10-01').items).toEqual([]);
  });
});

describe("the district's view of a survey", () => {
  it('counts students and open rooms per grade from the register', () => {
    expect(
      gradeNeeds([
        { grade: '04', room: '1' },
        { grade: '04', room: '2' },
        { grade: '04', room: '1' },
        { grade: null, room: '' },
      ]),
    ).toEqual([{ grade: '04', students: 3, roomsOpen: 2 }]);
    expect(
      gradeNeeds([
        { grade: '05', room: '1', students: 41 },
        { grade: '05', room: '2', students: 0 },
      ]),
    ).toEqual([{ grade: '05', students: 41, roomsOpen: 1 }]);
  });

  it('sums buildings by condition, without recent photos, and the classroom shortage', () => {
    const s = assetsSummary({
      academicYear: 2569,
      asOf: '2026-10-30',
      certifiedAt: who.at,
      equipment: [{ countedOn: '2026-06-01' }, { countedOn: '2026-10-01' }],
      buildings: [
        building({ photos: { front: { id: 'p', takenOn: '2026-10-01' } } }),
        building({ id: 'b2', condition: 'poor', roomsActual: 1 }),
        building({ id: 'b3', removedOn: '2026-01-01' }),
      ],
      grades: [{ grade: '04', students: 170, roomsOpen: 4 }],
    });
    expect(s).toEqual({
      academicYear: 2569,
      asOf: '2026-10-30',
      certifiedAt: who.at,
      buildings: 2,
      byCondition: { good: 1, fair: 0, poor: 1, unknown: 0 },
      withoutRecentPhotos: 1,
      classrooms: { needed: 5, available: 4, shortage: 1 },
      equipmentCountedOn: '2026-10-01',
    });
  });

  it('travels as payload files that readers accept', () => {
    expect(payloadFile('payload/buildings.jsonl', 'building/1', [building()]).records).toBe(1);
    expect(() =>
      payloadFile('payload/asset-survey.json', 'asset-survey/1', [
        {
          academicYear: 2569,
          asOf: '2026-10-30',
          confirmation: who,
          certification: null as never,
          site: {},
          equipment: [],
        },
      ]),
    ).toThrow();
  });
});
