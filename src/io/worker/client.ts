// The page's side of the import worker (the request/reply plumbing is WorkerChannel's).
import type { Student } from '../../domain/student/schema';
import type { ColumnMapping } from '../spreadsheet/layout';
import type { Preview } from '../spreadsheet/pipeline';
import type { ImportPreset } from '../spreadsheet/presets';
import { SpreadsheetProblem } from '../spreadsheet/problems';
import { WorkerChannel } from './channel';
import type { OpenRequest, Opened, PreviewRequest, Reply, Request, WarmRequest } from './protocol';

export class Importer {
  private readonly channel: WorkerChannel<OpenRequest | PreviewRequest | WarmRequest, Reply>;
  private engine: Promise<import('./engine').ImportEngine> | null = null;

  constructor(useWorker = typeof Worker !== 'undefined') {
    this.channel = new WorkerChannel(
      useWorker ? () => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }) : null,
      async (req, reply) => {
        this.engine ??= import('./engine').then((m) => new m.ImportEngine());
        await (await this.engine).handle(req as Request, reply);
      },
      'import',
    );
  }

  /** Starts the worker's slow first steps early; harmless to call more than once. */
  async warm(): Promise<void> {
    await this.channel.send({ type: 'warm' });
  }

  async open(
    bytes: ArrayBuffer,
    presets: ImportPreset[],
    onProgress: (f: number) => void,
    sheet?: number,
  ): Promise<Opened> {
    const reply = await this.channel.send(
      { type: 'open', bytes, presets, ...(sheet === undefined ? {} : { sheet }) },
      onProgress,
      [bytes],
    );
    if (reply.type !== 'opened') throw unexpected(reply);
    return reply.result;
  }

  async preview(
    mapping: ColumnMapping,
    register: Student[],
    asOf: string,
    dismissed: string[],
    onProgress: (f: number) => void,
  ): Promise<Preview> {
    const reply = await this.channel.send({ type: 'preview', mapping, register, asOf, dismissed }, onProgress);
    if (reply.type !== 'preview') throw unexpected(reply);
    return reply.result;
  }

  dispose(): void {
    this.channel.dispose();
  }
}

function unexpected(reply: Reply): Error {
  if (reply.type === 'problem') return new SpreadsheetProblem(reply.code, reply.params);
  return new Error(reply.type === 'failed' ? reply.message : `unexpected reply ${reply.type}`);
}
