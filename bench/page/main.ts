/// <reference lib="dom" />
// The bench page: what bench/run.ts calls through page.evaluate (window.bench).
import { generateStudents } from '../../tests/fixtures/dmc-students';
import type { WorkerReply, WorkerRequest } from './protocol';
import { derivePinKey, PIN_KDF } from '../../src/domain/access/pin-kdf';

const now = () => performance.now();
// bench/lib/browser.ts starts Chromium with --expose-gc: each timed step starts from a collected heap.
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

type Answer = Exclude<WorkerReply, { type: 'failed' }>;

/** One fresh worker per request, so one case's garbage never slows the next; its start is not timed. */
function inWorker(req: WorkerRequest, transfer: Transferable[] = []): Promise<Answer> {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      worker.terminate();
      if (e.data.type === 'failed') reject(new Error(e.data.message));
      else resolve(e.data);
    };
    worker.onerror = (e) => reject(new Error(e.message || 'bench worker failed'));
    worker.postMessage(req, transfer);
  });
}

function openDb(name: string, stores: string[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const s of stores) req.result.createObjectStore(s, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function put(db: IDBDatabase, rows: Record<string, unknown[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(Object.keys(rows), 'readwrite', { durability: 'default' });
    for (const [store, list] of Object.entries(rows)) for (const r of list) tx.objectStore(store).put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function dropDb(db: IDBDatabase): Promise<void> {
  db.close();
  await new Promise((r) => {
    indexedDB.deleteDatabase(db.name).onsuccess = r;
  });
}

/** One raw transaction putting `count` students (the same generated rows as the spreadsheet case). */
async function idbStudents(count: number): Promise<number> {
  const rows = generateStudents(count).map((s) => ({ ...s, updatedAt: '2026-06-20T03:00:00.000Z', revision: 1 }));
  const db = await openDb(`floor-${Math.random()}`, ['students', 'audit']);
  gc();
  const t0 = now();
  await put(db, { students: rows, audit: rows.map((r) => ({ id: `a-${r.id}`, studentId: r.id, at: r.updatedAt })) });
  const ms = now() - t0;
  await dropDb(db);
  return ms;
}

/** Per tap: one raw transaction putting a measurement, the student and an audit row; the median of `count`. */
async function idbTaps(count: number): Promise<number> {
  const [student] = generateStudents(1);
  const db = await openDb(`floor-${Math.random()}`, ['measurements', 'students', 'audit']);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = now();
    await put(db, {
      measurements: [
        {
          id: `m-${i}`,
          studentId: student!.id,
          measuredOn: '2026-06-20',
          weightKg: 24.5,
          heightCm: 121.5,
          sessionId: 's',
          by: 'u',
          at: new Date().toISOString(),
        },
      ],
      students: [{ ...student, revision: i }],
      audit: [{ id: `a-${i}`, studentId: student!.id, at: new Date().toISOString() }],
    });
    times.push(now() - t0);
  }
  await dropDb(db);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const held: unknown[] = [];
/** Parses every payload line of the given bundles and keeps the records: the memory floor. */
async function hold(urls: string[]): Promise<number> {
  for (const u of urls) {
    const text = await (await fetch(u.replace(/\.tabian$/, '.jsonl'))).text();
    for (const line of text.split('\n')) if (line) held.push(JSON.parse(line));
  }
  return held.length;
}

async function sheet(url: string): Promise<Answer> {
  const bytes = await (await fetch(url)).arrayBuffer();
  return inWorker({ type: 'sheet', bytes }, [bytes]);
}

async function pipeline(url: string): Promise<Answer> {
  const bytes = await (await fetch(url)).arrayBuffer();
  return inWorker({ type: 'pipeline', bytes, asOf: '2026-06-20' }, [bytes]);
}

/** One PIN derivation as the app runs it at sign-in (Argon2id at the release cost, on the main thread), in ms. */
async function pinDerivation(): Promise<number> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const t0 = now();
  await derivePinKey('482913', salt, PIN_KDF);
  return now() - t0;
}

/** The yardstick: PBKDF2-SHA-256 at 600,000 rounds in WebCrypto, what wrapped the data key before decision 20. */
async function pbkdf2Wrap(): Promise<number> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode('482913'), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const t0 = now();
  await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations: 600_000 },
    base,
    256,
  );
  return now() - t0;
}

const api = { inWorker, sheet, pipeline, idbStudents, idbTaps, hold, pinDerivation, pbkdf2Wrap };
export type BenchApi = typeof api;
(window as unknown as { bench: BenchApi }).bench = api;
document.body.dataset.ready = 'true';
