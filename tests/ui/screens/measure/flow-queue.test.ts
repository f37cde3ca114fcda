// The measurement flow's saves (issue 24): one starts the moment its value is accepted when nothing is
// waiting, before the screen moves on; otherwise it waits for the ones before it, so they stay in order.
import { describe, expect, it } from 'vitest';
import { loadGrowthReferences } from '../../../../src/domain/growth/load';
import type { MeasureSession } from '../../../../src/domain/measure/measurement';
import { MeasureFlow, type FlowPorts } from '../../../../src/ui/screens/measure/flow.svelte';
import { kid } from './factory';

const session: MeasureSession = {
  id: 's1',
  date: '2026-06-10',
  grade: '04',
  room: '1',
  userId: 'u1',
  userName: 'ครู',
  order: 'number',
  startedAt: '2026-06-10T02:00:00.000Z',
  absent: [],
};

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function flowWith(ports: FlowPorts): Promise<MeasureFlow> {
  const entries = [kid('1001', 'กมลา'), kid('1002', 'ขวัญใจ')].map((student) => ({
    student,
    previous: null,
    weightKg: null,
    heightCm: null,
  }));
  return new MeasureFlow(session, entries, await loadGrowthReferences(), ports);
}

const type = (flow: MeasureFlow, value: string) => {
  for (const k of value) flow.key(k as never);
};

describe('the measurement flow saves', () => {
  it('start at once when nothing waits: the save is called before the flow moves to the next field', async () => {
    const seen: string[] = [];
    const flow = await flowWith({ save: async () => void seen.push(flow.field), absent: async () => undefined });
    type(flow, '24.5');
    // Called synchronously, while the field is still the weight (a queued save would see "height").
    expect(seen).toEqual(['weight']);
    expect(flow.field).toBe('height');
    await flow.settled();
  });

  it('wait for the one before them, so they are stored in order, and report a failure', async () => {
    const first = deferred();
    const calls: [string, number | null, number | null][] = [];
    let fail = false;
    const flow = await flowWith({
      save: (_s, id, w, h) => {
        calls.push([id, w, h]);
        if (fail) return Promise.reject(new Error('disk full'));
        return calls.length === 1 ? first.promise : Promise.resolve();
      },
      absent: async () => undefined,
    });
    type(flow, '24.5');
    type(flow, '121.3');
    expect(calls).toEqual([['1001', 24.5, null]]);
    first.resolve();
    await flow.settled();
    expect(calls).toEqual([
      ['1001', 24.5, null],
      ['1001', 24.5, 121.3],
    ]);
    fail = true;
    type(flow, '30.1');
    await flow.settled();
    expect(flow.failure).toBeInstanceOf(Error);
    // A port that throws instead of rejecting fails the same way.
    const throwing = await flowWith({
      save: () => {
        throw new Error('closed');
      },
      absent: async () => undefined,
    });
    type(throwing, '24.5');
    await throwing.settled();
    expect(throwing.failure).toMatchObject({ message: 'closed' });
  });
});
