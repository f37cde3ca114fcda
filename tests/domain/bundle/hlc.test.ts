// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareHlc, receiveHlc, tickHlc, type Hlc } from '../../../src/domain/bundle/hlc';

describe('hybrid logical clock', () => {
  it('orders by wall time, then counter, then device', () => {
    const clocks: Hlc[] = [
      { wall: 2, counter: 0, device: 'a' },
      { wall: 1, counter: 5, device: 'z' },
      { wall: 1, counter: 5, device: 'b' },
      { wall: 1, counter: 0, device: 'z' },
    ];
    expect([...clocks].sort(compareHlc).map((c) => `${c.wall}.${c.counter}.${c.device}`)).toEqual([
      '1.0.z',
      '1.5.b',
      '1.5.z',
      '2.0.a',
    ]);
    expect(compareHlc(clocks[0]!, { ...clocks[0]! })).toBe(0);
  });

  it('ticks forward even when the tablet’s clock goes back', () => {
    const first = tickHlc(null, 'tab', 1000);
    const second = tickHlc(first, 'tab', 900);
    const third = tickHlc(second, 'tab', 1000);
    expect([first, second, third]).toEqual([
      { wall: 1000, counter: 0, device: 'tab' },
      { wall: 1000, counter: 1, device: 'tab' },
      { wall: 1000, counter: 2, device: 'tab' },
    ]);
    expect(tickHlc(third, 'tab', 1001)).toEqual({ wall: 1001, counter: 0, device: 'tab' });
  });

  it('moves past a clock it receives, so later local edits win over what was seen', () => {
    const local = { wall: 1000, counter: 3, device: 'a' };
    const remote = { wall: 5000, counter: 7, device: 'b' };
    const after = receiveHlc(local, remote, 'a', 2000);
    expect(after).toEqual({ wall: 5000, counter: 8, device: 'a' });
    expect(compareHlc(after, remote)).toBeGreaterThan(0);
    expect(receiveHlc(local, { wall: 1000, counter: 9, device: 'b' }, 'a', 1000)).toEqual({
      wall: 1000,
      counter: 10,
      device: 'a',
    });
    expect(receiveHlc(null, remote, 'a', 9000)).toEqual({ wall: 9000, counter: 0, device: 'a' });
  });
});
