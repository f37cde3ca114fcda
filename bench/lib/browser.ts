import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../tests/e2e/browser';

// The end-to-end flags (tests/e2e/browser.ts), plus gc() in pages and workers, so each timed step can start
// from a collected heap instead of paying for the garbage of the step before.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
  '--js-flags=--expose-gc',
];

export function launchBench(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: FLAGS });
}
