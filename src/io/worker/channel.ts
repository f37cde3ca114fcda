// The page's side of a Web Worker: each request gets an id and is answered once, as a promise, after any
// number of progress messages. A worker that fails to load or crashes (out of memory on a hostile file)
// answers every waiting request with 'failed', so no screen waits for ever, and is started afresh for the
// next request, so the tab stays usable. Without Worker support (unit tests in jsdom) the same engine runs
// in the page, after a pause so the screen can show that work started.
export type ChannelReply = { id: number; type: string };
type Progress = { id: number; type: 'progress'; fraction: number };
type Failed = { id: number; type: 'failed'; message: string };
type Pending<R> = { resolve: (r: R) => void; onProgress: (f: number) => void };

export class WorkerChannel<Req extends { type: string }, Rep extends ChannelReply> {
  private worker: Worker | null = null;
  private next = 1;
  private pending = new Map<number, Pending<Rep>>();
  private disposed = false;

  /** `start` makes the worker (null: run `inPage` instead); `what` names it in a crash's message. */
  constructor(
    private readonly start: (() => Worker) | null,
    private readonly inPage: (req: Req & { id: number }, reply: (r: Rep) => void) => Promise<void>,
    private readonly what: string,
  ) {
    if (start) this.worker = this.spawn(start);
  }

  private spawn(start: () => Worker): Worker {
    const worker = start();
    worker.onmessage = (e: MessageEvent<Rep>) => this.receive(e.data);
    worker.onerror = (e: ErrorEvent) => {
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      const failed = (id: number): Failed => ({
        id,
        type: 'failed',
        message: e.message || `the ${this.what} worker stopped`,
      });
      for (const id of [...this.pending.keys()]) this.receive(failed(id) as unknown as Rep);
    };
    return worker;
  }

  send(body: Req, onProgress: (f: number) => void = () => {}, transfer: Transferable[] = []): Promise<Rep> {
    const req = { ...body, id: this.next++ };
    return new Promise((resolve) => {
      this.pending.set(req.id, { resolve, onProgress });
      if (this.start && !this.worker && !this.disposed) this.worker = this.spawn(this.start);
      if (this.worker) this.worker.postMessage(req, transfer);
      else void new Promise((r) => setTimeout(r, 0)).then(() => this.inPage(req, (reply) => this.receive(reply)));
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.disposed = true;
  }

  private receive(reply: Rep): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if (reply.type === 'progress') return waiting.onProgress((reply as unknown as Progress).fraction);
    this.pending.delete(reply.id);
    waiting.resolve(reply);
  }
}
