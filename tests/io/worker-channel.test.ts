// A worker that dies (out of memory on a hostile file) answers what was waiting with 'failed', and the
// next request gets a fresh worker: the tab stays usable.
import { describe, expect, it } from 'vitest';
import { WorkerChannel, type ChannelReply } from '../../src/io/worker/channel';

class FakeWorker {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly crash: boolean) {}
  postMessage(req: { id: number }): void {
    setTimeout(() => {
      if (this.crash) this.onerror?.({ message: 'Out of memory' } as ErrorEvent);
      else this.onmessage?.({ data: { id: req.id, type: 'done' } } as MessageEvent);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('WorkerChannel', () => {
  it('answers "failed" when the worker dies, then starts a new one for the next request', async () => {
    const made: FakeWorker[] = [];
    const start = () => {
      const w = new FakeWorker(made.length === 0);
      made.push(w);
      return w as unknown as Worker;
    };
    const channel = new WorkerChannel<{ type: string }, ChannelReply & { message?: string }>(
      start,
      async () => {},
      'import',
    );
    expect(await channel.send({ type: 'open' })).toMatchObject({ type: 'failed', message: 'Out of memory' });
    expect(made[0]!.terminated).toBe(true);
    expect(await channel.send({ type: 'open' })).toMatchObject({ type: 'done' });
    expect(made).toHaveLength(2);
  });
});
