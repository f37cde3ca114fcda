/// <reference lib="dom" />
// Times measured inside the page, so the time Playwright takes to notice an element is left out.
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';

type Timed = Window & { __bench?: Promise<number> };

/** tsx keeps function names with a helper (__name) that a page does not have; functions sent there need it. */
export const NAME_SHIM = 'globalThis.__name ??= (f) => f';

/**
 * Arms a timer: it starts at the next `start` event (captured on document, e.g. the file input's change or a
 * button's click) and stops when `selector` is in the document and its text contains `text`. Call, act,
 * then `stop(page)`.
 */
export async function arm(page: Page, start: 'change' | 'click' | 'now', selector: string, text = ''): Promise<void> {
  await page.evaluate(NAME_SHIM);
  await page.evaluate(
    ({ start, selector, text }) => {
      const w = window as Timed;
      w.__bench = new Promise<number>((resolve) => {
        let t0 = -1;
        const done = () => {
          const el = document.querySelector(selector);
          if (t0 < 0 || !el || !(el.textContent ?? '').includes(text)) return false;
          observer.disconnect();
          resolve(performance.now() - t0);
          return true;
        };
        const observer = new MutationObserver(done);
        const begin = () => {
          t0 = performance.now();
          if (!done()) observer.observe(document, { subtree: true, childList: true, characterData: true });
        };
        if (start === 'now') begin();
        else document.addEventListener(start, begin, { capture: true, once: true });
      });
    },
    { start, selector, text },
  );
}

export async function stop(page: Page, timeoutMs = 600_000): Promise<number> {
  return page.evaluate(
    (timeout) =>
      Promise.race([
        (window as Timed).__bench!,
        new Promise<number>((_, reject) =>
          setTimeout(() => reject(new Error('timed out waiting in the page')), timeout),
        ),
      ]),
    timeoutMs,
  );
}

/** The renderer processes' resident memory in MB (the largest: one tab open), from /proc. */
export async function rendererRssMb(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  await cdp.detach();
  const sizes = processInfo
    .filter((p) => p.type === 'renderer')
    .map((p) => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : 0;
      } catch {
        return 0;
      }
    });
  return Math.max(0, ...sizes);
}

/** The page's JavaScript heap in MB (main thread), after a garbage collection. */
export async function jsHeapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
}
