/// <reference lib="dom" />
// The tab's memory in district mode after importing and cross-checking 1,000 schools (500,000 students)
// and opening the status board: the renderer's resident memory (workers included) and the page's JS heap,
// beside a blank page holding the same records parsed from JSON. Each in a browser of its own.
import { launchBench } from '../lib/browser';
import type { BenchApi } from '../page/main';
import { benchPage, type BenchCase } from '../lib/context';
import { districtPage, districtSchools, importDistrict } from '../lib/district';
import { jsHeapMb, rendererRssMb } from '../lib/page-timing';
import { result } from '../lib/stats';

type WithBench = Window & { bench: BenchApi };

export const memory: BenchCase = async (ctx) => {
  const [count, per] = ctx.quick ? [20, 100] : [1000, 500];
  const schools = await districtSchools(count, per);
  const students = schools.reduce((n, s) => n + s.students.length, 0);
  const browser = await launchBench();
  let app: { rss: number; heap: number; importMs: number; checkMs: number; boardMs: number };
  try {
    const page = await districtPage(browser, ctx.app);
    const run = await importDistrict(page, ctx.app, schools, 'memory');
    const t0 = Date.now();
    await page.goto(`${ctx.app}#/schools`);
    await page.getByTestId('board-summary').waitFor({ timeout: 300_000 });
    const boardMs = Date.now() - t0;
    app = {
      rss: await rendererRssMb(browser),
      heap: await jsHeapMb(page),
      importMs: run.importMs,
      checkMs: run.checkMs,
      boardMs,
    };
    ctx.log(
      `district ${count} × ${per}: import ${Math.round(run.importMs)} ms, cross-check ${Math.round(run.checkMs)} ms, board ${boardMs} ms; renderer ${Math.round(app.rss)} MB, JS heap ${Math.round(app.heap)} MB`,
    );
  } finally {
    await browser.close();
  }
  const floorBrowser = await launchBench();
  let floor: { rss: number; heap: number };
  try {
    const bench = await benchPage({ ...ctx, browser: floorBrowser });
    const urls = schools.map((_, i) => `${ctx.bench}data/memory/${i}.tabian`);
    const held = await bench.evaluate((urls) => (window as unknown as WithBench).bench.hold(urls), urls);
    floor = { rss: await rendererRssMb(floorBrowser), heap: await jsHeapMb(bench) };
    ctx.log(`floor: ${held} records held, renderer ${Math.round(floor.rss)} MB, JS heap ${Math.round(floor.heap)} MB`);
  } finally {
    await floorBrowser.close();
  }
  return [
    result({
      id: 'district-memory',
      title: `district tab memory, ${students.toLocaleString('en-US')} students`,
      unit: 'MB',
      runs: [app.rss],
      floor: { what: 'blank tab holding the parsed records', runs: [floor.rss] },
      target: ctx.quick ? null : { max: 1536 },
      counters: {
        schools: count,
        students,
        jsHeapMb: app.heap,
        floorJsHeapMb: floor.heap,
        importMs: app.importMs,
        crossCheckMs: app.checkMs,
        boardMs: app.boardMs,
      },
    }),
  ];
};
