// The page's side of the district worker: one request at a time, answered as a promise, progress by
// callback. Without Worker support (unit tests in jsdom) the same engine runs in the page.
import type { SchoolGrowth } from '../../domain/district/incoming';
import type { Checked, CrossCheckRequest, GrowthRequest, Reply, Request, Verified, VerifyRequest } from '../../io/district/protocol';

type Pending = { resolve: (r: Reply) => void; onProgress: (f: number) => void };

export class DistrictWorker {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, Pending>();

  constructor(useWorker = typeof Worker !== 'undefined') {
    if (!useWorker) return;
    this.worker = new Worker(new URL('../../io/district/district.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<Reply>) => this.receive(e.data);
    // A worker that fails to load or crashes must not leave the screen waiting for ever.
    this.worker.onerror = (e: ErrorEvent) => {
      for (const id of [...this.pending.keys()]) this.receive({ id, type: 'failed', message: e.message || 'the district worker stopped' });
    };
  }

  async verify(body: Omit<VerifyRequest, 'type'>): Promise<Verified> {
    const reply = await this.send({ type: 'verify', ...body }, () => {});
    if (reply.type !== 'verified') throw failure(reply);
    return reply.result;
  }

  async crossCheck(body: Omit<CrossCheckRequest, 'type'>, onProgress: (f: number) => void): Promise<Checked> {
    const reply = await this.send({ type: 'cross-check', ...body }, onProgress);
    if (reply.type !== 'checked') throw failure(reply);
    return reply.result;
  }

  async growth(body: Omit<GrowthRequest, 'type'>): Promise<SchoolGrowth | null> {
    const reply = await this.send({ type: 'growth', ...body }, () => {});
    if (reply.type !== 'growth') throw failure(reply);
    return reply.result;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private send(body: VerifyRequest | CrossCheckRequest | GrowthRequest, onProgress: (f: number) => void): Promise<Reply> {
    const id = this.next++;
    const req = { ...body, id } as Request;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, onProgress });
      if (this.worker) this.worker.postMessage(req);
      else void import('../../io/district/engine').then((m) => m.handle(req, (reply) => this.receive(reply)));
    });
  }

  private receive(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if (reply.type === 'progress') return waiting.onProgress(reply.fraction);
    this.pending.delete(reply.id);
    waiting.resolve(reply);
  }
}

function failure(reply: Reply): Error {
  return new Error(reply.type === 'failed' ? reply.message : `unexpected reply ${reply.type}`);
}

let shared: DistrictWorker | null = null;
/** One worker for the district screens, started on first use. */
export const districtWorker = (): DistrictWorker => (shared ??= new DistrictWorker());
