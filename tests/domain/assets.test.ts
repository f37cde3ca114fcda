import { describe, expect, it } from 'vitest';
import { buildingSchema, catalogue, equipmentSchema } from '../../src/domain/assets/schema';
import { buildingProblems, classroomSupply, equipmentChanges } from '../../src/domain/assets/survey';

const building = (over: Record<string, unknown> = {}) =>
  buildingSchema.parse({ id: 'b1', kind: 'b01', design: 'สปช. 101/26', roomsActual: 4, condition: 'good', ...over });

describe('the asset catalogue', () => {
  it('keeps its source and the classroom rule with its own', () => {
    expect(catalogue.source).toMatch(/OBEC-Asset/);
    expect(catalogue.classroomRule.source).toMatch(/Assumption/);
    expect(new Set(catalogue.equipment.map(([code]) => code)).size).toBe(catalogue.equipment.length);
  });
});

describe('the building survey as an update', () => {
  const today = '2026-10-20';
  it('wants a note when the condition changes, and new photos when the last are over a year old', () => {
    const before = building({ photos: { front: { id: 'p0', takenOn: '2025-09-01' } } });
    const now = building({ condition: 'poor', photos: { front: { id: 'p0', takenOn: '2025-09-01' } } });
    expect(buildingProblems(now, before, today)).toEqual(['condition.note', 'photos.old']);
    const fixed = building({
      condition: 'poor',
      note: 'หลังคารั่ว ผนังร้าว',
      photos: { front: { id: 'p1', takenOn: '2026-10-19' } },
    });
    expect(buildingProblems(fixed, before, today)).toEqual([]);
    expect(buildingProblems(building(), null, today)).toEqual(['photos.missing']);
  });
});

describe('classroom supply', () => {
  it('counts rooms needed per level by the stated rule against the classrooms of buildings in use', () => {
    const s = classroomSupply(
      [
        { grade: '04', students: 85, roomsOpen: 2 },
        { grade: '05', students: 30, roomsOpen: 1 },
        { grade: '01', students: 20, roomsOpen: 1 },
      ],
      [
        building({ roomsActual: 3 }),
        building({ id: 'b2', roomsActual: 2, inUse: false }),
        building({ id: 'b3', kind: 'b05', roomsActual: 6 }),
      ],
    );
    // ป.1: 85 at 40 a room needs 3 though 2 are open; ป.2 needs 1; อ.1 needs 1.
    expect(s.lines).toEqual([
      { level: 'primary', students: 115, roomsOpen: 3, roomsNeeded: 4 },
      { level: 'kindergarten', students: 20, roomsOpen: 1, roomsNeeded: 1 },
    ]);
    expect(s).toMatchObject({ needed: 5, available: 3, shortage: 2 });
  });
});

describe('equipment counts', () => {
  it('reports what changed since the last count, new items from zero', () => {
    const before = equipmentSchema.parse({
      countedOn: '2026-06-30',
      items: [{ code: '22001', name: 'โต๊ะเก้าอี้', usable: 120, awaitingRepair: 5, awaitingDisposal: 0 }],
    });
    const now = equipmentSchema.parse({
      countedOn: '2026-10-31',
      items: [
        { code: '22001', name: 'โต๊ะเก้าอี้', usable: 118, awaitingRepair: 5, awaitingDisposal: 2 },
        { code: 'x-1', name: 'เครื่องเล่นเกมการศึกษา', usable: 1, awaitingRepair: 0, awaitingDisposal: 0 },
      ],
    });
    expect(equipmentChanges(before, now)).toEqual([
      { code: '22001', name: 'โต๊ะเก้าอี้', field: 'usable', from: 120, to: 118 },
      { code: '22001', name: 'โต๊ะเก้าอี้', field: 'awaitingDisposal', from: 0, to: 2 },
      { code: 'x-1', name: 'เครื่องเล่นเกมการศึกษา', field: 'usable', from: 0, to: 1 },
    ]);
  });
});
