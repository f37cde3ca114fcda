/// <reference lib="dom" />
// `npx tsx bench/tools/profile-import.ts [commit|preview] [rows]`: where the DMC import's main-thread time goes.
// Samples the page with Chromium's profiler (CDP) during one step on the app last built by `npm run bench`,
// maps each sample back through the source maps and prints the functions with the most self time.
// (The preview's parsing runs in the import worker; the page's share is what this shows.)
import { readFileSync } from 'node:fs';
import { preview } from 'vite';
import { newTabletContext } from '../../tests/e2e/browser';
import { setUpSchool } from '../../tests/e2e/pages';
import { dmc36Xlsx } from '../../tests/fixtures/dmc-files';
import { generateStudents } from '../../tests/fixtures/dmc-students';
import { launchBench } from '../lib/browser';
import { arm, stop } from '../lib/page-timing';
import { APP_DIST, ROOT } from '../lib/serve';

const step = process.argv[2] === 'preview' ? 'preview' : 'commit';
const rows = Number(process.argv[3] ?? 3000);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
type Segment = [column: number, source: number, line: number];

/** A source map's mappings as segments per generated line. */
function decode(mappings: string): Segment[][] {
  let source = 0;
  let line = 0;
  return mappings.split(';').map((text) => {
    let column = 0;
    const out: Segment[] = [];
    for (const seg of text.split(',').filter(Boolean)) {
      const v: number[] = [];
      let x = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        x += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          v.push(x & 1 ? -(x >> 1) : x >> 1);
          x = 0;
          shift = 0;
        }
      }
      column += v[0]!;
      if (v.length > 1) {
        source += v[1]!;
        line += v[2]!;
      }
      out.push([column, source, line]);
    }
    return out;
  });
}

const maps = new Map<string, { sources: string[]; lines: Segment[][] } | null>();
function where(url: string, line: number, column: number): string {
  if (!maps.has(url)) {
    try {
      const m = JSON.parse(readFileSync(`${APP_DIST}${new URL(url).pathname.slice(1)}.map`, 'utf8')) as {
        sources: string[];
        mappings: string;
      };
      maps.set(url, { sources: m.sources, lines: decode(m.mappings) });
    } catch {
      maps.set(url, null);
    }
  }
  const m = maps.get(url);
  if (!m) return url.split('/').pop() ?? url;
  const best = (m.lines[line] ?? []).filter((s) => s[0] <= column).at(-1);
  return best
    ? `${m.sources[best[1]]!.replace(/.*node_modules\//, 'npm:').replace(/^(\.\.\/)+/, '')}:${best[2] + 1}`
    : '?';
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface Profile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples?: number[];
  timeDeltas?: number[];
}

function summary(profile: Profile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = f.url
      ? `${f.functionName || '(anonymous)'} ${where(f.url, f.lineNumber, f.columnNumber)}`
      : f.functionName;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, t]) => `${String(Math.round(t / 1000)).padStart(6)} ms  ${k}`)
    .join('\n');
}

const server = await preview({
  root: ROOT,
  build: { outDir: APP_DIST },
  preview: { host: '127.0.0.1', port: 0 },
  logLevel: 'warn',
});
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('preview server has no port');
const base = `http://127.0.0.1:${address.port}/`;
const browser = await launchBench();
try {
  const context = await newTabletContext(browser);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-06-20T10:00:00+07:00'));
  await page.goto(base);
  await setUpSchool(page);
  await page.goto(`${base}#/exchange`);
  await page.getByTestId('import-panel').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  if (step === 'preview') await cdp.send('Profiler.start');
  await arm(page, 'change', '[data-testid="import-preview"]');
  await page.getByTestId('import-file').setInputFiles({
    name: 'dmc.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(dmc36Xlsx(generateStudents(rows))),
  });
  console.log(`file → preview ${Math.round(await stop(page, 120_000))} ms`);
  if (step === 'commit') await cdp.send('Profiler.start');
  await arm(page, 'click', '[data-testid="import-done"]');
  await page.getByTestId('import-commit').click();
  console.log(`preview → committed ${Math.round(await stop(page, 120_000))} ms`);
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`\nself time during the ${step}, main thread:\n${summary(profile)}`);
} finally {
  await browser.close();
  await server.close();
}
