// `npm run bench [-- --quick] [--no-build] [--only a,b]`: builds the app and the bench page, serves both,
// runs each case in Debian's Chromium, prints a Markdown table and writes bench/results/latest.json
// (quick.json with --quick). See docs/performance.md for what each case measures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { launchBench } from './lib/browser';
import type { BenchCase, BenchContext } from './lib/context';
import { buildAll, ROOT, serveAll } from './lib/serve';
import { table, type CaseResult } from './lib/stats';
import { coldStart } from './cases/cold-start';
import { spreadsheet } from './cases/spreadsheet';
import { validation } from './cases/validation';
import { district } from './cases/district';
import { measurement } from './cases/measurement';
import { memory } from './cases/memory';
import { pin } from './cases/pin';
import { national } from './cases/national';
import { exchange } from './cases/exchange';
import { photos } from './cases/photos';

const CASES: Record<string, BenchCase> = {
  coldStart,
  spreadsheet,
  validation,
  district,
  measurement,
  memory,
  pin,
  national,
  exchange,
  photos,
};
/** Opt-in cases (decision 32): minutes to hours at full size; run with --national or --only. They run in Node, no browser. */
const OPT_IN = ['national', 'exchange'];

const HELP = `npm run bench -- [--quick] [--no-build] [--only ${Object.keys(CASES).join(',')}]
  --quick      small sizes, one or two runs (CI); writes bench/results/quick.json
  --no-build   use the existing dist/ and bench/dist/
  --only       run only these cases (comma-separated)
  --national   also run the opt-in national cases (national, exchange): 6.5 million students unless
  --national-size N  says how many (e.g. 200000)`;

const git = (cmd: string): string => {
  try {
    return execSync(`git ${cmd}`, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) return void console.log(HELP);
  const quick = args.includes('--quick');
  const optIn = args.includes('--national') ? [] : OPT_IN;
  const only = args.includes('--only')
    ? (args[args.indexOf('--only') + 1] ?? '').split(',')
    : Object.keys(CASES).filter((c) => !optIn.includes(c));
  const sizeArg = args.includes('--national-size') ? Number(args[args.indexOf('--national-size') + 1]) : undefined;
  if (sizeArg !== undefined && !(Number.isInteger(sizeArg) && sizeArg >= 1000))
    throw new Error(`--national-size wants a whole number ≥ 1000\n${HELP}`);
  const nodeOnly = only.every((c) => OPT_IN.includes(c));
  const unknown = only.filter((c) => !(c in CASES));
  if (unknown.length) throw new Error(`unknown case ${unknown.join(', ')}\n${HELP}`);
  const started = Date.now();
  const loadBefore = loadavg();
  if (!args.includes('--no-build') && !nodeOnly) {
    console.log('building the app and the bench page…');
    await buildAll();
  }
  // The national cases need neither the app nor a browser.
  const servers = nodeOnly ? null : await serveAll();
  const browser = nodeOnly ? null : await launchBench();
  const ctx: BenchContext = {
    browser: browser!,
    app: servers?.app ?? '',
    bench: servers?.bench ?? '',
    quick,
    nationalSize: sizeArg,
    runs: (full) => (quick ? Math.min(full, 2) : full),
    log: (m) => console.log(`  ${m}`),
  };
  const results: CaseResult[] = [];
  const failed: string[] = [];
  try {
    for (const name of only) {
      console.log(`${name}…`);
      try {
        results.push(...(await CASES[name]!(ctx)));
      } catch (e) {
        // One broken case must not lose the others' results; the run still fails at the end.
        console.error(e);
        failed.push(name);
      }
    }
  } finally {
    await browser?.close();
    await servers?.close();
  }
  const report = {
    format: 'tabian-bench/1',
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    commit: git('rev-parse --short HEAD'),
    dirty: git('status --porcelain') !== '',
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      chromium: browser?.version() ?? '',
      loadBefore: loadBefore.map((l) => Math.round(l * 100) / 100),
      loadAfter: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    seconds: Math.round((Date.now() - started) / 1000),
    failed,
    cases: results,
  };
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  // A national-only run does not replace the full run's results.
  const file = `bench/results/${quick ? 'quick' : nodeOnly ? 'national' : 'latest'}.json`;
  writeFileSync(`${ROOT}${file}`, JSON.stringify(report, null, 2) + '\n');
  console.log(
    `\n${table(results)}\n\nload average ${report.machine.loadBefore.join(' ')} → ${report.machine.loadAfter.join(' ')}; ${report.seconds} s; written to ${file}`,
  );
  const missed = results.filter((r) => r.pass === false).map((r) => r.id);
  if (missed.length)
    console.log(`targets missed: ${missed.join(', ')} (the full run is not a gate; see docs/performance.md)`);
  if (failed.length) throw new Error(`cases that could not run: ${failed.join(', ')}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
