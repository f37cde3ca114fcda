// Messages between the import screen and the import worker. Every request carries an id; the worker
// answers it once (opened, preview, problem or failed) after any number of progress messages.
import type { Student } from '../../domain/student/schema';
import type { ColumnMapping } from '../spreadsheet/layout';
import type { FileInfo, MappingProposal, Preview } from '../spreadsheet/pipeline';
import type { ImportPreset } from '../spreadsheet/presets';
import type { ProblemCode, ProblemParams } from '../spreadsheet/problems';

export interface OpenRequest {
  type: 'open';
  bytes: ArrayBuffer;
  presets: ImportPreset[];
  sheet?: number;
}
export interface PreviewRequest {
  type: 'preview';
  mapping: ColumnMapping;
  register: Student[];
  asOf: string;
  dismissed: string[];
}
/** Loads what the preview needs (the DOPA area list) while the user is still choosing a file. */
export interface WarmRequest {
  type: 'warm';
}
export type Request = (OpenRequest | PreviewRequest | WarmRequest) & { id: number };

export interface Opened {
  info: FileInfo;
  proposal: MappingProposal;
  /** Whether the proposed columns can make records (a name or an ID column). */
  usable: boolean;
}

export type Reply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'warmed' }
  | { id: number; type: 'opened'; result: Opened }
  | { id: number; type: 'preview'; result: Preview }
  | { id: number; type: 'problem'; code: ProblemCode; params: ProblemParams }
  | { id: number; type: 'failed'; message: string };
