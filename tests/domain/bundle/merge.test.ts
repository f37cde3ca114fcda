// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Hlc } from '../../../src/domain/bundle/hlc';
import { materialize, mergeOperations } from '../../../src/domain/bundle/merge';
import { operationSchema, type Operation } from '../../../src/domain/bundle/operation';

const op = (
  device: string,
  wall: number,
  recordId: string,
  field: string,
  value: Operation['value'],
  counter = 0,
): Operation => ({ store: 'students', recordId, field, value, hlc: { wall, counter, device }, by: `user-${device}` });
const SYNCED: Hlc = { wall: 1000, counter: 0, device: 'main' };

// Measurement day: the main device's earlier state and three tablets that worked offline since the last sync.
const main = [op('main', 500, 'r1', 'firstName', 'มาลี'), op('main', 500, 'r1', 'health.weightKg', 19)];
const tabA = [
  op('A', 2000, 'r1', 'health.weightKg', 20.5),
  op('A', 2001, 'r1', 'health.heightCm', 115),
  op('A', 2002, 'r2', 'health.weightKg', 18),
];
const tabB = [
  op('B', 2500, 'r1', 'health.weightKg', 20.7),
  op('B', 2500, 'r3', 'firstName', 'สมชาย'),
  op('B', 2500, 'r3', 'health.weightKg', 25, 1),
];
const tabC = [
  op('C', 3000, 'r2', 'health.weightKg', 18),
  op('C', 1500, 'r1', 'health.heightCm', 116),
  op('C', 1500, 'r1', 'health.heightCm', 115.5, 1),
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

const database = (ops: Operation[]) =>
  JSON.stringify([...materialize(mergeOperations(ops, SYNCED).winners)].map(([s, r]) => [s, [...r]]));

describe('merging sync operations', () => {
  it('gives the same database and conflicts whatever order the tablets’ bundles arrive in', () => {
    const orders = permutations([main, tabA, tabB, tabC]);
    expect(orders).toHaveLength(24);
    const results = orders.map((order) => {
      const merged = mergeOperations(order.flat(), SYNCED);
      return JSON.stringify([database(order.flat()), merged.conflicts]);
    });
    expect(new Set(results).size).toBe(1);
  });

  it('gives the same database when bundles are merged one at a time, keeping only the winners', () => {
    const finals = permutations([tabA, tabB, tabC]).map((order) => {
      let winners = mergeOperations(main, SYNCED).winners;
      for (const bundle of order) winners = mergeOperations([...winners.values(), ...bundle], SYNCED).winners;
      return JSON.stringify([...winners.values()]);
    });
    expect(new Set(finals).size).toBe(1);
    expect(finals[0]).toBe(
      JSON.stringify([...mergeOperations([...main, ...tabA, ...tabB, ...tabC], SYNCED).winners.values()]),
    );
  });

  it('keeps the latest value of each field by clock', () => {
    const records = materialize(mergeOperations([...main, ...tabA, ...tabB, ...tabC], SYNCED).winners).get('students')!;
    expect(Object.fromEntries(records)).toEqual({
      r1: { firstName: 'มาลี', health: { weightKg: 20.7, heightCm: 115 } },
      r2: { health: { weightKg: 18 } },
      r3: { firstName: 'สมชาย', health: { weightKg: 25 } },
    });
  });

  it('shows two devices’ different edits of one field since the last sync as a conflict with both values', () => {
    const { conflicts } = mergeOperations([...main, ...tabA, ...tabB, ...tabC], SYNCED);
    expect(
      conflicts.map((c) => [c.recordId, c.field, c.winner.value, c.edits.map((e) => [e.hlc.device, e.value])]),
    ).toEqual([
      // C's own two edits count once, as its latest; the main device's 19 predates the sync.
      [
        'r1',
        'health.heightCm',
        115,
        [
          ['A', 115],
          ['C', 115.5],
        ],
      ],
      [
        'r1',
        'health.weightKg',
        20.7,
        [
          ['B', 20.7],
          ['A', 20.5],
        ],
      ],
    ]);
  });

  it('sees no conflict when two tablets typed the same value, or one tablet edited twice', () => {
    const { conflicts } = mergeOperations([...tabA, ...tabC], SYNCED);
    expect(conflicts.map((c) => c.field)).toEqual(['health.heightCm']);
    expect(mergeOperations([op('A', 2000, 'r', 'f', 1), op('A', 2001, 'r', 'f', 2)], SYNCED).conflicts).toEqual([]);
    expect(
      mergeOperations([op('A', 2000, 'r', 'f', { a: 1, b: 2 }), op('B', 2001, 'r', 'f', { b: 2, a: 1 })], SYNCED)
        .conflicts,
    ).toEqual([]);
  });

  it('stays order-independent on many random operations', () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const ops = Array.from({ length: 600 }, () =>
      op('ABC'[rand(3)]!, 1000 + rand(50), `r${rand(20)}`, ['a', 'b', 'c.d'][rand(3)]!, rand(4), rand(2)),
    );
    const reference = database(ops);
    for (let i = 0; i < 10; i++) {
      const shuffled = [...ops];
      for (let j = shuffled.length - 1; j > 0; j--) {
        const k = rand(j + 1);
        [shuffled[j], shuffled[k]] = [shuffled[k]!, shuffled[j]!];
      }
      expect(database(shuffled)).toBe(reference);
    }
  });

  it('refuses field paths that could reach a prototype', () => {
    expect(operationSchema.safeParse(op('A', 1, 'r', '__proto__.polluted', 1)).success).toBe(false);
    expect(operationSchema.safeParse(op('A', 1, 'r', 'a.constructor', 1)).success).toBe(false);
    expect(operationSchema.safeParse(op('A', 1, 'r', 'health.weightKg', 1)).success).toBe(true);
  });
});
