/// <reference lib="dom" />
// DMC's download of a school through the import screen: file → validated preview, then preview → committed
// in IndexedDB, each on a fresh tablet with an empty register; beside SheetJS's bare parse of the same file
// (in a worker, as the app parses) and one raw IndexedDB transaction putting the same students.
import { mkdirSync, writeFileSync } from 'node:fs';
import { newTabletContext } from '../../tests/e2e/browser';
import { officer, setUpSchool } from '../../tests/e2e/pages';
import { dmc36Xlsx } from '../../tests/fixtures/dmc-files';
import { generateStudents } from '../../tests/fixtures/dmc-students';
import type { BenchApi } from '../page/main';
import { benchPage, type BenchCase } from '../lib/context';
import { arm, stop } from '../lib/page-timing';
import { BENCH_DIST } from '../lib/serve';
import { result } from '../lib/stats';

type WithBench = Window & { bench: BenchApi };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const spreadsheet: BenchCase = async (ctx) => {
  const count = ctx.quick ? 300 : 3000;
  const file = Buffer.from(dmc36Xlsx(generateStudents(count)));
  mkdirSync(`${BENCH_DIST}data`, { recursive: true });
  writeFileSync(`${BENCH_DIST}data/dmc-${count}.xlsx`, file);
  const preview: number[] = [];
  const commit: number[] = [];
  const clearCommit: number[] = [];
  // Encryption at rest is on for a new school; the last runs turn it off first, to measure what it costs.
  const sealedRuns = ctx.runs(5);
  for (let i = 0; i < sealedRuns + ctx.runs(3); i++) {
    const sealed = i < sealedRuns;
    const context = await newTabletContext(ctx.browser);
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date('2026-06-20T10:00:00+07:00'));
    await page.goto(ctx.app);
    await setUpSchool(page);
    if (!sealed) await vaultOff(page);
    await page.goto(`${ctx.app}#/exchange`);
    await page.getByTestId('import-panel').waitFor();
    await arm(page, 'change', '[data-testid="import-preview"]');
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: '2569-1-student.xlsx', mimeType: XLSX_TYPE, buffer: file });
    const previewMs = await stop(page, 60_000);
    if (sealed) preview.push(previewMs);
    const added = await page.getByTestId('count-new').textContent();
    if (added !== String(count)) throw new Error(`preview shows ${added} new students, expected ${count}`);
    await arm(page, 'click', '[data-testid="import-done"]', `เพิ่ม ${count} คน`);
    await page.getByTestId('import-commit').click();
    const commitMs = await stop(page, 60_000);
    (sealed ? commit : clearCommit).push(commitMs);
    ctx.log(
      `DMC ${count}${sealed ? '' : ' (vault off)'}: preview ${Math.round(previewMs)} ms, commit ${Math.round(commitMs)} ms`,
    );
    await context.close();
  }
  const bench = await benchPage(ctx);
  const parse: number[] = [];
  const idb: number[] = [];
  const url = `${ctx.bench}data/dmc-${count}.xlsx`;
  for (let i = 0; i < ctx.runs(5); i++) {
    const reply = await bench.evaluate((url) => (window as unknown as WithBench).bench.sheet(url), url);
    parse.push(reply.ms);
    idb.push(await bench.evaluate((n) => (window as unknown as WithBench).bench.idbStudents(n), count));
  }
  ctx.log(`floors: SheetJS ${parse.map(Math.round).join(', ')} ms; IndexedDB ${idb.map(Math.round).join(', ')} ms`);
  // The same pipeline without the UI, step by step (counters: where the preview's time goes).
  const steps = await bench.evaluate((url) => (window as unknown as WithBench).bench.pipeline(url), url);
  ctx.log(
    `pipeline: ${Object.entries(steps.counters)
      .map(([k, v]) => `${k} ${Math.round(v)}`)
      .join(', ')}`,
  );
  await bench.context().close();
  const rows = count.toLocaleString('en-US');
  return [
    result({
      id: 'dmc-preview',
      title: `DMC file of ${rows} → validated preview`,
      runs: preview,
      floor: { what: 'SheetJS read', runs: parse },
      target: ctx.quick ? null : { max: 1500, maxRatio: 1.5 },
      counters: { students: count, fileBytes: file.length, ...steps.counters },
    }),
    result({
      id: 'dmc-commit',
      title: `preview of ${rows} → committed (encrypted at rest)`,
      runs: commit,
      floor: { what: 'one raw IndexedDB transaction', runs: idb },
      target: ctx.quick ? null : { maxRatio: 1.5 },
      counters: { students: count },
    }),
    result({
      id: 'dmc-commit-clear',
      title: `preview of ${rows} → committed, encryption at rest off`,
      runs: clearCommit,
      floor: { what: 'one raw IndexedDB transaction', runs: idb },
      target: null,
      counters: { students: count },
    }),
  ];
};

/** Settings → encryption → off, confirmed with the officer's PIN. */
async function vaultOff(page: import('playwright-core').Page): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/settings`);
  await page.getByTestId('vault-off').click();
  // The app's own dialog asks first (no browser confirm()).
  await page.getByTestId('vault-off-yes').click();
  const card = page.getByTestId('vault-card');
  for (const d of officer.pin) await card.getByRole('button', { name: d, exact: true }).click();
  await card.getByTestId('pin-ok').click();
  await card.getByTestId('vault-on').waitFor({ timeout: 30_000 });
}
