import { describe, expect, it } from 'vitest';
import {
  measurementId,
  measurementSchema,
  measureSessionSchema,
  previousValues,
} from '../../../src/domain/measure/measurement';
import { orderRoster } from '../../../src/domain/measure/roster';
import { measurementPayloadSchema } from '../../../src/domain/bundle/payloads';

const m = (measuredOn: string, weightKg: number | null, heightCm: number | null) => ({
  measuredOn,
  weightKg,
  heightCm,
});

describe('measurement records', () => {
  it('are small records a sync bundle carries as they are', () => {
    const rec = measurementSchema.parse({
      id: measurementId('s1', 'st1'),
      studentId: 'st1',
      measuredOn: '2026-06-10',
      weightKg: 24.5,
      heightCm: 121.3,
      sessionId: 's1',
      by: 'u1',
      at: '2026-06-10T02:00:00.000Z',
    });
    expect(rec.id).toBe('s1/st1');
    expect(measurementPayloadSchema.parse(rec)).toEqual({
      id: 's1/st1',
      studentId: 'st1',
      measuredOn: '2026-06-10',
      weightKg: 24.5,
      heightCm: 121.3,
    });
    expect(() => measurementSchema.parse({ ...rec, weightKg: 0 })).toThrow();
    expect(
      measureSessionSchema.parse({
        id: 's1',
        date: '2026-06-10',
        grade: '04',
        room: '1',
        userId: 'u1',
        userName: 'ครู',
        startedAt: '2026-06-10T02:00:00.000Z',
      }),
    ).toMatchObject({ order: 'number', absent: [] });
  });

  it('take last time as the latest value of each field before the date', () => {
    const history = [m('2025-05-20', 20, 115), m('2025-11-20', 22, null), m('2026-06-10', 25, 122)];
    expect(previousValues(history, '2026-06-10')).toEqual({ weightKg: 22, heightCm: 115, measuredOn: '2025-11-20' });
    expect(previousValues(history, '2025-05-20')).toBeNull();
  });
});

describe('roster order', () => {
  const s = (id: string, studentNo: string, firstName: string) => ({ id, studentNo, firstName, lastName: 'ใจดี' });
  const list = [s('a', '1010', 'สมชาย'), s('b', '902', 'กมล'), s('c', '', 'ขวัญ'), s('d', '1001', 'อรุณ')];
  it('goes by student number (numerically, blanks last) or by Thai name', () => {
    expect(orderRoster(list, 'number').map((x) => x.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(orderRoster(list, 'name').map((x) => x.id)).toEqual(['b', 'c', 'a', 'd']);
  });
});
