// The page's side of the import worker: one request at a time, answered as a promise, progress by callback.
// Without Worker support (unit tests in jsdom) the same engine runs in the page.
import type { Student } from '../../domain/student/schema';
import type { ColumnMapping } from '../spreadsheet/layout';
import type { Preview } from '../spreadsheet/pipeline';
import type { ImportPreset } from '../spreadsheet/presets';
import { SpreadsheetProblem } from '../spreadsheet/problems';
import type { OpenRequest, Opened, PreviewRequest, Reply, Request, WarmRequest } from './protocol';

type Pending = { resolve: (r: Reply) => void; onProgress: (f: number) => void };

export class Importer {
  private worker: Worker | null = null;
  private engine: Promise<import('./engine').ImportEngine> | null = null;
  private next = 1;
  private pending = new Map<number, Pending>();

  constructor(useWorker = typeof Worker !== 'undefined') {
    if (!useWorker) return;
    this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<Reply>) => this.receive(e.data);
    // A worker that fails to load or crashes must not leave the screen waiting for ever.
    this.worker.onerror = (e: ErrorEvent) => {
      for (const id of [...this.pending.keys()]) this.receive({ id, type: 'failed', message: e.message || 'the import worker stopped' });
    };
  }

  /** Starts the worker's slow first steps early; harmless to call more than once. */
  async warm(): Promise<void> {
    await this.send({ type: 'warm' }, () => {});
  }

  async open(bytes: ArrayBuffer, presets: ImportPreset[], onProgress: (f: number) => void, sheet?: number): Promise<Opened> {
    const reply = await this.send({ type: 'open', bytes, presets, ...(sheet === undefined ? {} : { sheet }) }, onProgress, [bytes]);
    if (reply.type !== 'opened') throw unexpected(reply);
    return reply.result;
  }

  async preview(mapping: ColumnMapping, register: Student[], asOf: string, dismissed: string[], onProgress: (f: number) => void): Promise<Preview> {
    const reply = await this.send({ type: 'preview', mapping, register, asOf, dismissed }, onProgress);
    if (reply.type !== 'preview') throw unexpected(reply);
    return reply.result;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private send(body: OpenRequest | PreviewRequest | WarmRequest, onProgress: (f: number) => void, transfer: Transferable[] = []): Promise<Reply> {
    const id = this.next++;
    const req = { ...body, id } as Request;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, onProgress });
      if (this.worker) this.worker.postMessage(req, transfer);
      else void this.inline(req);
    });
  }

  private async inline(req: Request): Promise<void> {
    this.engine ??= import('./engine').then((m) => new m.ImportEngine());
    // A pause first, so the screen can show that work started, as it would with a worker.
    await new Promise((r) => setTimeout(r, 0));
    await (await this.engine).handle(req, (reply) => this.receive(reply));
  }

  private receive(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if (reply.type === 'progress') return waiting.onProgress(reply.fraction);
    this.pending.delete(reply.id);
    waiting.resolve(reply);
  }
}

function unexpected(reply: Reply): Error {
  if (reply.type === 'problem') return new SpreadsheetProblem(reply.code, reply.params);
  return new Error(reply.type === 'failed' ? reply.message : `unexpected reply ${reply.type}`);
}
