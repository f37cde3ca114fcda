import { describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { deleteImportPreset, listImportPresets, saveImportPreset } from '../../src/db/import-preset-repo';
import { presetFromRow } from '../../src/io/spreadsheet/presets';

const db = () => new TabianDb(`presets-${Math.random()}`);
const preset = (id: string, savedAt: string) => ({
  id,
  name: `รูปแบบ ${id}`,
  headers: ['เลขบัตร'],
  headerRow: 1,
  columns: { A: 'idNo' },
  savedAt,
});

describe('import presets', () => {
  it('stores, lists newest first and deletes', async () => {
    const d = db();
    await saveImportPreset(d, preset('a', '2026-06-01T00:00:00.000Z'));
    await saveImportPreset(d, preset('b', '2026-06-02T00:00:00.000Z'));
    expect((await listImportPresets(d)).map((p) => p.id)).toEqual(['b', 'a']);
    await deleteImportPreset(d, 'b');
    expect((await listImportPresets(d)).map((p) => p.id)).toEqual(['a']);
  });

  it('drops a stored column that names no known field when it is used', () => {
    expect(
      presetFromRow({ ...preset('a', '2026-06-01T00:00:00.000Z'), columns: { A: 'idNo', B: 'shoeSize' } }).columns,
    ).toEqual({ A: 'idNo' });
  });
});
