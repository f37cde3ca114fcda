// The file a school sends the district for an ID correction: the form as .xlsx and each evidence file,
// in one .zip (fflate marks Thai names as UTF-8, so they open correctly on any office PC).
import { zipSync } from 'fflate';
import type { CorrectionRequest } from '../../domain/corrections/request';
import { xlsxBytes } from '../export/book';
import { correctionSheet, evidenceFileName } from '../export/correction-form';

export interface EvidenceFile {
  name: string;
  bytes: Uint8Array;
}

export function correctionZip(
  r: CorrectionRequest,
  files: readonly EvidenceFile[],
  schoolName: string,
  now: Date,
): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0 | 6; mtime: Date }]> = {
    'แบบแจ้งแก้ไขเลขประจำตัว.xlsx': [xlsxBytes([correctionSheet(r, schoolName, now)]), { level: 0, mtime: now }],
  };
  // Photos are compressed already: storing them is as small and much faster on a tablet.
  files.forEach((f, i) => {
    entries[evidenceFileName(i, f.name)] = [f.bytes, { level: 0, mtime: now }];
  });
  return zipSync(entries);
}
