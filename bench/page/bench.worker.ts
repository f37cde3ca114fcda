/// <reference lib="webworker" />
// The bench page's worker: the validation case as the app runs it (validateSchool in a worker) and the
// floors that belong off the main thread (SheetJS's bare parse, hashing, signatures, JSON.parse).
import * as XLSX from '@e965/xlsx';
import { loadAreaIndex } from '../../src/domain/areas/load';
import { validateSchool } from '../../src/domain/validation/school';
import { validateStudent, areaExistsIn } from '../../src/domain/validation/student';
import { findDuplicates } from '../../src/domain/duplicates/find';
import { studentSchema } from '../../src/domain/student/schema';
import { benchStudents } from './students';
import { areaResolver } from '../../src/io/spreadsheet/areas';
import { buildPreview, detect, openFile, proposeMapping, readChecked } from '../../src/io/spreadsheet/pipeline';
import type { WorkerReply, WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const now = () => performance.now();
// bench/lib/browser.ts starts Chromium with --expose-gc: each timed step starts from a collected heap.
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

// The app's reading options (src/io/spreadsheet/workbook.ts), so the floor parses exactly as much.
const SHEET_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellStyles: false,
  sheetRows: 50_011,
  type: 'array',
};

async function validate(count: number, asOf: string): Promise<WorkerReply> {
  const t0 = now();
  const students = benchStudents(count);
  const areaExists = areaExistsIn(await loadAreaIndex());
  const generateMs = now() - t0;
  gc();
  const t1 = now();
  const { findings, duplicates } = validateSchool(students, { asOf, areaExists, dismissedPairs: new Set() });
  const ms = now() - t1;
  // The payload as it would arrive, one JSON line per student (a bundle's payload): the JSON.parse floor.
  // (500,000 records in one JSON text would pass V8's longest string.)
  const lines = students.map((s) => JSON.stringify(s));
  gc();
  const t2 = now();
  for (const line of lines) JSON.parse(line);
  const floorMs = now() - t2;
  // Where the time goes: the per-record rules and the duplicate search on their own.
  gc();
  const t3 = now();
  for (const s of students) validateStudent(s, { asOf, areaExists });
  const rulesMs = now() - t3;
  gc();
  const t4 = now();
  findDuplicates(students);
  const duplicatesMs = now() - t4;
  // What zod alone costs for the same records (the yardstick; the app does not re-parse here).
  gc();
  const t5 = now();
  for (const s of students) studentSchema.safeParse(s);
  const zodMs = now() - t5;
  return {
    type: 'validated',
    ms,
    floorMs,
    counters: {
      students: count,
      findings: findings.length,
      duplicates: duplicates.length,
      rulesMs,
      duplicatesMs,
      zodMs,
      generateMs,
      payloadBytes: lines.reduce((n, l) => n + l.length + 1, 0),
    },
  };
}

async function sheet(bytes: ArrayBuffer): Promise<WorkerReply> {
  gc();
  const t0 = now();
  const wb = XLSX.read(new Uint8Array(bytes), SHEET_OPTIONS);
  return { type: 'parsed', ms: now() - t0, counters: { sheets: wb.SheetNames.length } };
}

// The app's import pipeline step by step, in a worker as the app runs it: where the preview's time goes.
async function pipeline(bytes: ArrayBuffer, asOf: string): Promise<WorkerReply> {
  const index = await loadAreaIndex();
  const ctx = {
    register: [],
    asOf,
    dismissed: new Set<string>(),
    resolveArea: areaResolver(index),
    areaExists: areaExistsIn(index),
  };
  gc();
  const t0 = now();
  const { wb } = openFile(new Uint8Array(bytes));
  const t1 = now();
  const proposal = proposeMapping(wb, detect(wb), []);
  const t2 = now();
  readChecked(wb, proposal.detection.mapping, ctx);
  const t3 = now();
  const preview = buildPreview(wb, proposal.detection, ctx);
  const t4 = now();
  return {
    type: 'pipeline',
    ms: t4 - t0,
    counters: {
      openMs: t1 - t0,
      mappingMs: t2 - t1,
      rowsAndChecksMs: t3 - t2,
      buildPreviewMs: t4 - t3,
      rows: preview.plan.rows.length,
    },
  };
}

// The platform's cost for a district's bundles: SHA-256 of every file, two ECDSA P-256 verifications per
// bundle (staff and director) over statement-sized messages, AES-GCM decryption of the same bytes, and
// JSON.parse of every payload line.
async function districtFloor(urls: string[]): Promise<WorkerReply> {
  const files = await Promise.all(urls.map(async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer())));
  const payloads = await Promise.all(urls.map(async (u) => (await fetch(u.replace(/\.tabian$/, '.jsonl'))).text()));
  const ecdsa = { name: 'ECDSA', namedCurve: 'P-256' } as const;
  const keys = await crypto.subtle.generateKey(ecdsa, false, ['sign', 'verify']);
  const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const iv = new Uint8Array(12);
  const statement = new Uint8Array(1200).fill(42);
  const sign = { name: 'ECDSA', hash: 'SHA-256' } as const;
  const signature = await crypto.subtle.sign(sign, keys.privateKey, statement);
  const sealed = await Promise.all(files.map((f) => crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, f)));
  gc();
  const t0 = now();
  let lines = 0;
  for (const [i, f] of files.entries()) {
    await crypto.subtle.digest('SHA-256', f);
    await crypto.subtle.verify(sign, keys.publicKey, signature, statement);
    await crypto.subtle.verify(sign, keys.publicKey, signature, statement);
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, aes, sealed[i]!);
    for (const line of payloads[i]!.split('\n'))
      if (line) {
        JSON.parse(line);
        lines++;
      }
  }
  const ms = now() - t0;
  return {
    type: 'floor',
    ms,
    counters: { files: files.length, bytes: files.reduce((n, f) => n + f.length, 0), lines },
  };
}

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    if (req.type === 'validate') scope.postMessage(await validate(req.count, req.asOf));
    else if (req.type === 'sheet') scope.postMessage(await sheet(req.bytes));
    else if (req.type === 'pipeline') scope.postMessage(await pipeline(req.bytes, req.asOf));
    else scope.postMessage(await districtFloor(req.urls));
  } catch (err) {
    scope.postMessage({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
};
