// Matching two systems' token files with the district's twin-safe rules: exact by ID token, then by the
// name token, then by the Dice similarity of Bloom filters within a block (same birth date, sex and first
// name), each for the children the rules before did not pair. Only refs and how they matched come out.
import { fromBase64 } from '../bundle/bytes';
import type { TokenLine, TokensHeader } from './tokens';

// Measured on Thai surnames with this encoding (tests/domain/exchange.test.ts): one edit apart scores
// 0.71–0.86, other families sharing first name and birth date 0.43–0.54.
export const DEFAULT_DICE_THRESHOLD = 0.7;

/** How a pair matched, named like the district's rules: same ID, same name and birth date, close surname. */
export type LinkRule = 'same-id' | 'same-name' | 'close-surname';
export interface LinkPair {
  ours: string;
  theirs: string;
  rule: LinkRule;
  dice: number | null;
}

export class TokensMismatchError extends Error {}

/** Two files are comparable only when made with the same secret and the same encoding parameters. */
export function assertComparable(a: TokensHeader, b: TokensHeader): void {
  if (a.secretCheck !== b.secretCheck)
    throw new TokensMismatchError('the two token files were made with different secrets');
  if (a.bits !== b.bits || JSON.stringify(a.k) !== JSON.stringify(b.k))
    throw new TokensMismatchError('the two token files use different encodings');
}

const popcount32 = (n: number): number => {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

interface Filter {
  words: Uint32Array;
  ones: number;
}

function filterOf(b64: string | null): Filter | null {
  const bytes = b64 ? fromBase64(b64) : null;
  if (!bytes || bytes.length % 4 !== 0) return null;
  const words = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  let ones = 0;
  for (const w of words) ones += popcount32(w);
  return { words, ones };
}

/** Dice coefficient 2|A∩B| / (|A| + |B|) of two Bloom filters. */
export function dice(a: Filter, b: Filter): number {
  if (a.words.length !== b.words.length || a.ones + b.ones === 0) return 0;
  let both = 0;
  for (let i = 0; i < a.words.length; i++) both += popcount32(a.words[i]! & b.words[i]!);
  return (2 * both) / (a.ones + b.ones);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function matchTokens(
  ours: readonly TokenLine[],
  theirs: readonly TokenLine[],
  threshold = DEFAULT_DICE_THRESHOLD,
): LinkPair[] {
  const pairs: LinkPair[] = [];
  const pairedTheirs = new Set<string>();
  let rest: readonly TokenLine[] = ours;
  // Exact rules first, each on the children the rules before did not pair.
  for (const [rule, key] of [
    ['same-id', 'id'],
    ['same-name', 'name'],
  ] as const) {
    const index = new Map<string, string[]>();
    for (const t of theirs) if (t[key] && !pairedTheirs.has(t.ref)) push(index, t[key], t.ref);
    const left: TokenLine[] = [];
    for (const o of rest) {
      const hits = o[key] ? index.get(o[key]) : undefined;
      if (!hits) left.push(o);
      for (const ref of hits ?? []) {
        pairs.push({ ours: o.ref, theirs: ref, rule, dice: null });
        pairedTheirs.add(ref);
      }
    }
    rest = left;
  }
  const blocks = new Map<string, { ref: string; f: Filter }[]>();
  for (const t of theirs) {
    const f = t.block && !pairedTheirs.has(t.ref) ? filterOf(t.bloom) : null;
    if (f) push(blocks, t.block!, { ref: t.ref, f });
  }
  for (const o of rest) {
    const f = o.block ? filterOf(o.bloom) : null;
    if (!f) continue;
    for (const t of blocks.get(o.block!) ?? []) {
      const d = dice(f, t.f);
      if (d >= threshold)
        pairs.push({ ours: o.ref, theirs: t.ref, rule: 'close-surname', dice: Math.round(d * 1000) / 1000 });
    }
  }
  return pairs;
}
