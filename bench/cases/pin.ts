/// <reference lib="dom" />
// The PIN derivation (decision 20): one Argon2id run at the release cost (PIN_KDF), the only slow step of a
// sign-in and the price of one offline guess against a copied database. Timed in Chromium on the bench page
// and, as a counter, in Node (the same hash-wasm build); beside it, PBKDF2-SHA-256 at 600,000 rounds, what
// the data key wrap cost before. Target: under 1 s here; a cheap tablet is 3–5× slower (docs/security.md).
import { derivePinKey, PIN_KDF } from '../../src/domain/access/pin-kdf';
import type { BenchApi } from '../page/main';
import { benchPage, type BenchCase } from '../lib/context';
import { median, result } from '../lib/stats';

type WithBench = Window & { bench: BenchApi };

export const pin: BenchCase = async (ctx) => {
  const runs = ctx.runs(5);
  const page = await benchPage(ctx);
  const browser: number[] = [];
  const floor: number[] = [];
  await page.evaluate(() => (window as unknown as WithBench).bench.pinDerivation()); // compiles the WebAssembly
  for (let i = 0; i < runs; i++) {
    browser.push(await page.evaluate(() => (window as unknown as WithBench).bench.pinDerivation()));
    floor.push(await page.evaluate(() => (window as unknown as WithBench).bench.pbkdf2Wrap()));
  }
  await page.context().close();
  const node: number[] = [];
  await derivePinKey('482913', new Uint8Array(16), PIN_KDF);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await derivePinKey('482913', crypto.getRandomValues(new Uint8Array(16)), PIN_KDF);
    node.push(performance.now() - t0);
  }
  ctx.log(
    `pin: Argon2id m=${PIN_KDF.m} KiB t=${PIN_KDF.t} p=${PIN_KDF.p}: Chromium ${browser.map((n) => n.toFixed(0)).join(', ')} ms; Node ${node.map((n) => n.toFixed(0)).join(', ')} ms`,
  );
  return [
    result({
      id: 'pin-derivation',
      title: 'PIN derivation (Argon2id, one sign-in or one guess)',
      runs: browser,
      floor: { what: 'PBKDF2-SHA-256 600,000 rounds', runs: floor },
      target: { max: 1000 },
      counters: { memoryKiB: PIN_KDF.m, passes: PIN_KDF.t, nodeMedianMs: median(node) },
    }),
  ];
};
