import type { Browser } from 'playwright-core';
import type { CaseResult } from './stats';

/** What every case gets from the runner. */
export interface BenchContext {
  browser: Browser;
  /** Base URLs of the built app and of the bench page. */
  app: string;
  bench: string;
  /** Small sizes and one or two runs (CI). */
  quick: boolean;
  /** `--national-size N`: students in the opt-in national and exchange cases (default: full size). */
  nationalSize?: number;
  /** How many times to repeat a case that is repeated `full` times in a full run. */
  runs(full: number): number;
  log(message: string): void;
}

export type BenchCase = (ctx: BenchContext) => Promise<CaseResult[]>;

/** The bench page, ready to be called through window.bench. */
export async function benchPage(ctx: BenchContext) {
  const page = await (await ctx.browser.newContext()).newPage();
  await page.goto(ctx.bench);
  await page.waitForSelector('body[data-ready]');
  return page;
}
