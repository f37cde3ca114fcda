// A hostile file leaves the database as it was: backup restore, sync import and the spreadsheet import
// (whose worker refuses the file before there is anything to commit). Bundle imports keep the refused
// file itself aside (docs/bundle-format.md §6), so for them only that one `bundles` row may be new.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../../src/db/database';
import { dumpDatabase } from '../../src/db/backup-repo';
import { fromBase64, toBase64, utf8 } from '../../src/domain/bundle/bytes';
import { MAX_BACKUP_ITERATIONS } from '../../src/domain/backup/backup-bundle';
import { ImportEngine } from '../../src/io/worker/engine';
import type { Reply } from '../../src/io/worker/protocol';
import { backUp, restoreBackup } from '../../src/ui/services/backup.service';
import { importSync } from '../../src/ui/services/sync.service';
import { th } from '../../src/ui/i18n/th';
import { editEntries, editStatementText } from '../domain/bundle/tamper-kit';
import { certifiedSchool } from '../ui/services/certified-school';
import { bombData, deepJson, noise, POLLUTING_JSON, polluted, rawEntry, timed, zipOf } from './hostile';

const PASS = 'ต้นมะม่วง หน้าโรงเรียน';
const everything = async () => (await dumpDatabase(appDb())).stores;
const file = (bytes: Uint8Array, name = 'x.tabian') => new File([bytes as Uint8Array<ArrayBuffer>], name);

let backup: Uint8Array;
// One backup (PBKDF2 at 600,000 rounds is slow) of the school every test then starts from afresh.
beforeAll(async () => {
  await certifiedSchool();
  const made = await backUp(PASS, new Date('2026-06-12T04:00:00Z'), { save: false });
  if (!made.ok) throw new Error(made.problem);
  backup = made.bytes;
}, 60_000);
beforeEach(async () => {
  await certifiedSchool();
}, 60_000);

const hostileFiles = (): [string, Uint8Array][] => [
  ['random bytes', noise(5000, 11)],
  ['a zip bomb', zipOf([rawEntry('statement.dsse.json', bombData(16), { size: 2000 })])],
  ['a ../ entry', editEntries(backup as never, (e) => e.set('../../x', utf8('x')))],
  [
    'a polluting statement',
    editStatementText(backup as never, (t) => t.replace(/^\{/, '{"__proto__":{"polluted":1},')),
  ],
  [
    'a deeply nested envelope',
    editEntries(backup as never, (e) => e.set('statement.dsse.json', utf8(deepJson(100_000)))),
  ],
  ['a polluting envelope', editEntries(backup as never, (e) => e.set('statement.dsse.json', utf8(POLLUTING_JSON)))],
];

describe('nothing is written', () => {
  it('backup restore: every hostile file is refused with a Thai message and every store is unchanged', async () => {
    const before = await everything();
    for (const [what, bytes] of hostileFiles()) {
      const r = await restoreBackup(new Blob([bytes as Uint8Array<ArrayBuffer>]), PASS);
      expect(r.ok, what).toBe(false);
      if (!r.ok) expect(th[`backup.problem.${r.problem}` as keyof typeof th], what).toMatch(/[\u0E00-\u0E7F]/);
    }
    expect(await everything()).toEqual(before);
    expect(polluted()).toBeUndefined();
  }, 60_000);

  it('backup restore: a file asking for billions of PBKDF2 rounds is refused at once, not after hours', async () => {
    const before = await everything();
    const hostile = editStatementText(backup as never, (t) => t.replace(/"iterations":\d+/, '"iterations":2000000000'));
    const { value: r, ms } = await timed(() => restoreBackup(new Blob([hostile]), PASS));
    expect(r).toMatchObject({ ok: false, problem: 'backup.file' });
    expect(ms).toBeLessThan(5_000);
    expect(MAX_BACKUP_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(await everything()).toEqual(before);
  }, 30_000);

  it('sync import: hostile files change no store but the refused-file record', async () => {
    const before = await everything();
    for (const [what, bytes] of hostileFiles()) {
      const r = await importSync(file(bytes), new Date('2026-06-12T05:00:00Z'));
      expect(r.outcome, what).not.toBe('accepted');
      expect(r.operations).toBe(0);
    }
    const after = await everything();
    for (const store of Object.keys(before))
      if (store !== 'bundles') expect(after[store], store).toEqual(before[store]);
    const rows = (after['bundles'] ?? []).slice((before['bundles'] ?? []).length) as { outcome?: string }[];
    expect(rows.every((row) => row.outcome !== 'accepted')).toBe(true);
    expect(polluted()).toBeUndefined();
  }, 60_000);

  it('spreadsheet import: the worker answers a hostile file with a problem, so nothing reaches commitImport', async () => {
    const before = await everything();
    const engine = new ImportEngine();
    const answers: Reply[] = [];
    const inputs = [...hostileFiles().map(([, b]) => b), fromBase64(toBase64(noise(100, 5)))!];
    for (const [i, bytes] of inputs.entries()) {
      await engine.handle(
        { id: i, type: 'open', bytes: bytes.slice().buffer, presets: [] },
        (r) => r.type !== 'progress' && answers.push(r),
      );
    }
    expect(answers.map((a) => a.type)).toEqual(inputs.map(() => 'problem'));
    // Headers named __proto__ open as a file without a usable student column: the screen stops there.
    const opened: Reply[] = [];
    await engine.handle(
      { id: 99, type: 'open', bytes: utf8('__proto__,constructor\n{"polluted":1},x\n').buffer, presets: [] },
      (r) => r.type !== 'progress' && opened.push(r),
    );
    expect(opened).toMatchObject([{ type: 'opened', result: { usable: false } }]);
    expect(await everything()).toEqual(before);
    expect(polluted()).toBeUndefined();
  }, 60_000);
});
