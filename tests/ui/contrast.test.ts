import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Colour contrast read from the app's own CSS: the focus ring on every background the app paints, and the
// status banners' text on theirs (WCAG 2.1 relative luminance).

const root = join(import.meta.dirname, '../../src/ui');
const styles = readFileSync(join(root, 'styles.css'), 'utf8');
const shell = readFileSync(join(root, 'shell/Shell.svelte'), 'utf8');

const vars = new Map([...styles.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)].map((m) => [m[1]!, m[2]!]));
function colour(value: string, scope: Map<string, string> = vars): string | null {
  const v = value.trim();
  const ref = /^var\((--[\w-]+)\)$/.exec(v);
  if (ref) return scope.get(ref[1]!) ?? vars.get(ref[1]!) ?? null;
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join('')}`;
  return /^#[0-9a-f]{6}$/i.test(v) ? v : null;
}
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : /\.(svelte|css)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}
// Every opaque background colour any screen paints.
const backgrounds = [
  ...new Set(
    cssFiles(root).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/background(?:-color)?:\s*([^;}]+)/g)]
        .map((m) => colour(m[1]!))
        .filter((c): c is string => !!c),
    ),
  ),
];

const ring = colour('var(--focus)')!;
const halo = colour('var(--focus-halo)')!;
const headerScope = new Map(
  [...shell.matchAll(/(--focus(?:-halo)?):\s*([^;]+);/g)].map((m) => [m[1]!, colour(m[2]!)!]),
);

describe('focus ring', () => {
  it('is the dark ring with a light halo, drawn for every focused control', () => {
    expect(styles).toMatch(
      /:focus-visible\s*{[^}]*outline:\s*3px solid var\(--focus\)[^}]*box-shadow:\s*0 0 0 2px var\(--focus-halo\)/,
    );
    expect(contrast(ring, halo)).toBeGreaterThanOrEqual(3);
  });

  it('stands out at least 3:1 on the page, cards, soft panels and banners', () => {
    for (const bg of ['--bg', '--surface', '--brand-soft', '--ok-soft', '--warn-soft', '--bad-soft']) {
      expect.soft(contrast(ring, vars.get(bg)!), `ring on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('on every background the app paints, one of its two tones is at least 3:1', () => {
    expect(backgrounds.length).toBeGreaterThan(8);
    for (const bg of backgrounds)
      expect.soft(Math.max(contrast(ring, bg), contrast(halo, bg)), `ring on ${bg}`).toBeGreaterThanOrEqual(3);
  });

  it('turns light on the dark header', () => {
    const headerRing = headerScope.get('--focus')!;
    expect(contrast(headerRing, vars.get('--brand')!)).toBeGreaterThanOrEqual(3);
    expect(contrast(headerRing, headerScope.get('--focus-halo')!)).toBeGreaterThanOrEqual(3);
  });
});

describe('status banners', () => {
  it('have text at 7:1 on their backgrounds, for daylight on cheap screens', () => {
    for (const kind of ['ok', 'warn', 'bad']) {
      const rule = new RegExp(`\\.banner\\.${kind}\\s*{([^}]*)}`).exec(styles)![1]!;
      const bg = colour(/background:\s*([^;]+)/.exec(rule)![1]!)!;
      const ink = colour(/(?:^|;)\s*color:\s*([^;]+)/.exec(rule)![1]!)!;
      expect.soft(contrast(ink, bg), `.banner.${kind}`).toBeGreaterThanOrEqual(7);
    }
  });
});
