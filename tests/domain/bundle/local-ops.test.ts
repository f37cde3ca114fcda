import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/domain/access/audit';
import { auditOps, changedWinners, recordOps, withField } from '../../../src/domain/bundle/local-ops';

const hlc = (wall: number, device = 'aaaa') => ({ wall, counter: 0, device });
const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 'e1',
  at: '2026-06-12T03:00:00.000Z',
  userId: 'u1',
  userName: 'ครูเอ',
  recordType: 'student',
  recordId: 's1',
  action: 'update',
  changes: [
    { field: 'firstName', from: 'มาลี', to: 'มาลีวรรณ' },
    { field: 'health.weightKg', from: null, to: 20.5 },
  ],
  note: null,
  ...over,
});

describe('local operations', () => {
  it('reads an audit entry with a clock as one operation per changed field', () => {
    expect(auditOps(entry({ hlc: hlc(5) }))).toEqual([
      { store: 'students', recordId: 's1', field: 'firstName', value: 'มาลีวรรณ', hlc: hlc(5), by: 'ครูเอ' },
      { store: 'students', recordId: 's1', field: 'health.weightKg', value: 20.5, hlc: hlc(5), by: 'ครูเอ' },
    ]);
  });

  it('gives applied changes their own clocks, and entries without any clock no operations', () => {
    expect(auditOps(entry({}))).toEqual([]);
    const applied = entry({
      changes: [
        { field: 'room', from: '1', to: '2', hlc: hlc(9, 'bbbb') },
        { field: 'revisionNote', from: 1, to: 2 },
      ],
    });
    expect(auditOps(applied).map((o) => [o.field, o.hlc.device])).toEqual([['room', 'bbbb']]);
  });

  it('never syncs a field name that could reach a prototype', () => {
    const bad = entry({ hlc: hlc(1), changes: [{ field: '__proto__.polluted', from: null, to: 1 }] });
    expect(auditOps(bad)).toEqual([]);
  });

  it('splits a record into leaf fields with one clock', () => {
    const ops = recordOps('measurements', 'm1', { id: 'm1', weightKg: 20.5, tags: ['a'] }, hlc(3), 'ครูเอ');
    expect(ops.map((o) => [o.field, o.value])).toEqual([
      ['id', 'm1'],
      ['weightKg', 20.5],
      ['tags', ['a']],
    ]);
  });

  it('finds the winners that change a record and applies them without sharing objects', () => {
    const current = { id: 's1', room: '1', health: { weightKg: 20, heightCm: 110 } };
    const winners = recordOps('students', 's1', { room: '1', health: { weightKg: 21 } }, hlc(4), 'x');
    const changes = changedWinners(current, winners);
    expect(changes.map((c) => c.field)).toEqual(['health.weightKg']);
    const next = withField(current, 'health.weightKg', 21);
    expect(next).toEqual({ id: 's1', room: '1', health: { weightKg: 21, heightCm: 110 } });
    expect(current.health.weightKg).toBe(20);
  });
});
