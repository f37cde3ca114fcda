/// <reference lib="dom" />
// Validation and duplicate detection of a whole school or district, in a worker as the app runs it, beside
// JSON.parse of the same records.
import type { BenchApi } from '../page/main';
import { benchPage, type BenchCase } from '../lib/context';
import { result, type CaseResult } from '../lib/stats';

type WithBench = Window & { bench: BenchApi };

export const validation: BenchCase = async (ctx) => {
  const page = await benchPage(ctx);
  const sizes = ctx.quick ? [3_000, 20_000] : [3_000, 100_000, 500_000];
  const out: CaseResult[] = [];
  for (const count of sizes) {
    const runs: number[] = [];
    const floor: number[] = [];
    let counters: Record<string, number> = {};
    const n = count >= 500_000 ? ctx.runs(1) : ctx.runs(count >= 100_000 ? 3 : 5);
    for (let i = 0; i < n; i++) {
      const reply = await page.evaluate(
        (count) => (window as unknown as WithBench).bench.inWorker({ type: 'validate', count, asOf: '2026-06-10' }),
        count,
      );
      if (reply.type !== 'validated') throw new Error(`validate: ${reply.type}`);
      runs.push(reply.ms);
      floor.push(reply.floorMs);
      counters = reply.counters;
      ctx.log(
        `validation ${count}: ${Math.round(reply.ms)} ms (JSON.parse ${Math.round(reply.floorMs)} ms, rules ${Math.round(reply.counters.rulesMs!)} ms, duplicates ${Math.round(reply.counters.duplicatesMs!)} ms, zod ${Math.round(reply.counters.zodMs!)} ms)`,
      );
    }
    out.push(
      result({
        id: `validation-${count}`,
        title: `validate + de-duplicate ${count.toLocaleString('en-US')} (worker)`,
        runs,
        floor: { what: 'JSON.parse', runs: floor },
        counters,
        target: count === 100_000 ? { max: 1000 } : null,
      }),
    );
  }
  await page.context().close();
  return out;
};
