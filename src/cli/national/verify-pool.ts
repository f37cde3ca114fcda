// Verifying school submissions off the main thread: the main thread keeps DuckDB (one connection, writes in
// order), a pool of worker_threads runs the app's own `readIncoming` (signatures, trust, decryption, zod over
// every record) and computes the rows to store. The verdicts are the same code's as in the app; only where
// it runs changes. `inProcess` runs the same function on the main thread (no worker), for small jobs.
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Bytes } from '../../domain/bundle/bytes';
import { readIncoming, type Incoming, type IncomingOptions } from '../../domain/district/incoming';
import { submissionRows, type SubmissionRows } from './store';

export interface Verified {
  incoming: Incoming;
  rows: SubmissionRows | null;
}
export interface Verifier {
  read(bytes: Bytes, opts: IncomingOptions): Promise<Verified>;
  close(): Promise<void>;
}

/** What both a worker and the main thread run for one bundle. */
export async function verifySubmission(bytes: Bytes, opts: IncomingOptions): Promise<Verified> {
  const incoming = await readIncoming(bytes, opts);
  const rows = incoming.valid && incoming.roster ? submissionRows(incoming) : null;
  // The roster is in the rows now: not sent back twice.
  return { incoming: { ...incoming, roster: null }, rows };
}

export const inProcess: Verifier = { read: verifySubmission, close: async () => {} };

/** Workers for a machine of this size: one a core (the main thread's DuckDB work waits on them mostly). */
export const defaultWorkers = (): number => Math.max(1, Math.min(8, availableParallelism()));

interface Job {
  id: number;
  bytes: Bytes;
  opts: IncomingOptions;
}
interface Reply {
  id: number;
  ok: boolean;
  value?: Verified;
  error?: string;
}

/**
 * The worker: from source (the CLI runs under tsx, tests under vitest) a worker thread does not inherit the
 * TypeScript loader, so it registers tsx's before importing the module; a compiled .js is started directly.
 */
function startWorker(): Worker {
  const url = new URL(`./verify-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  // tsx's ESM register (its CommonJS build resolves its hooks wrongly from a worker).
  const tsx = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  );
  const boot = `import { register } from ${JSON.stringify(tsx.href)}; register(); await import(${JSON.stringify(url.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

export function workerPool(size = defaultWorkers()): Verifier {
  const pending = new Map<number, { resolve: (v: Verified) => void; reject: (e: Error) => void }>();
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const workers: Worker[] = [];
  let next = 0;
  let failed: Error | null = null;

  const dispatch = () => {
    while (idle.length && queue.length) {
      const job = queue.shift()!;
      // A subarray of an export: only its own bytes go, moved rather than copied a second time.
      const own = job.bytes.slice();
      idle.pop()!.postMessage({ ...job, bytes: own }, [own.buffer]);
    }
  };
  for (let k = 0; k < size; k++) {
    const w = startWorker();
    w.on('message', (m: Reply) => {
      const p = pending.get(m.id)!;
      pending.delete(m.id);
      if (m.ok) p.resolve(m.value!);
      else p.reject(new Error(m.error));
      idle.push(w);
      dispatch();
    });
    w.on('error', (e) => {
      failed = e;
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
    workers.push(w);
    idle.push(w);
  }
  return {
    read(bytes, opts) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise<Verified>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        queue.push({ id, bytes, opts });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
