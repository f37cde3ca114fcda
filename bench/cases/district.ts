/// <reference lib="dom" />
// A district's round: 200 schools' signed and encrypted bundles (100,000 students) imported through the
// UI, verified and merged in the district worker, then cross-checked; beside the platform's own cost for
// the same bundles (SHA-256, two ECDSA verifications and AES-GCM per file, JSON.parse of every record).
import type { BenchApi } from '../page/main';
import { benchPage, type BenchCase } from '../lib/context';
import { districtPage, districtSchools, importDistrict } from '../lib/district';
import { result } from '../lib/stats';

type WithBench = Window & { bench: BenchApi };

export const district: BenchCase = async (ctx) => {
  const [count, per] = ctx.quick ? [10, 100] : [200, 500];
  const schools = await districtSchools(count, per);
  const students = schools.reduce((n, s) => n + s.students.length, 0);
  const total: number[] = [];
  const imports: number[] = [];
  const checks: number[] = [];
  let last = { summary: '', duplicates: '', bundleBytes: 0 };
  for (let i = 0; i < ctx.runs(3); i++) {
    const page = await districtPage(ctx.browser, ctx.app);
    const run = await importDistrict(page, ctx.app, schools, i === 0 ? 'district' : undefined);
    await page.context().close();
    imports.push(run.importMs);
    checks.push(run.checkMs);
    total.push(run.importMs + run.checkMs);
    last = run;
    ctx.log(
      `district ${count} × ${per}: import + verify ${Math.round(run.importMs)} ms, cross-check ${Math.round(run.checkMs)} ms (bundles made in ${run.makeMs} ms); ${run.duplicates}`,
    );
  }
  const bench = await benchPage(ctx);
  const urls = schools.map((_, i) => `${ctx.bench}data/district/${i}.tabian`);
  const floor: number[] = [];
  for (let i = 0; i < ctx.runs(3); i++) {
    const reply = await bench.evaluate(
      (urls) => (window as unknown as WithBench).bench.inWorker({ type: 'district-floor', urls }),
      urls,
    );
    floor.push(reply.ms);
  }
  await bench.context().close();
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return [
    result({
      id: 'district-import',
      title: `district: ${count} bundles, ${students.toLocaleString('en-US')} students → verified, merged, cross-checked`,
      runs: total,
      floor: { what: 'SHA-256 + 2 ECDSA + AES-GCM + JSON.parse', runs: floor },
      target: ctx.quick ? null : { max: 10_000 },
      counters: {
        bundles: count,
        students,
        bundleBytes: last.bundleBytes,
        importMs: sorted(imports),
        crossCheckMs: sorted(checks),
        summary: last.summary,
        duplicates: last.duplicates,
      },
    }),
  ];
};
