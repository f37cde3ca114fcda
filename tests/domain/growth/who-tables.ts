// Reads WHO's own tables from ../shared/data (the source of src/domain/growth/data), for tests only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import who2006 from '../../../src/domain/growth/data/who2006.json';
import who2007 from '../../../src/domain/growth/data/who2007.json';
import type { GrowthReferences, ReferenceData, Who2006Data } from '../../../src/domain/growth/tables';

export const SHARED = join(process.cwd(), '../shared/data');

export type Row = Record<string, number | string>;

export function whoRows(path: string): Row[] {
  const [header, ...lines] = readFileSync(join(SHARED, path), 'utf8').trim().split(/\r?\n/);
  const names = header!.split('\t').map((h) => h.trim());
  return lines.map((line) =>
    Object.fromEntries(line.split('\t').map((v, i) => [names[i], /^[A-Z]$/.test(v.trim()) ? v.trim() : Number(v)])),
  );
}

export const refs: GrowthReferences = { who2006: who2006 as Who2006Data, who2007: who2007 as ReferenceData };
