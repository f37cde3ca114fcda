// One label matcher per DMC code list: every coded column of a file is read through it, so a label that
// varies between DMC's years, web screens and exports reads the same. In order: the exact label or code,
// the code with the zeros a spreadsheet dropped, a known variant (dmc-label-variants.json, each with
// where it was seen), then the Thai-normalised text. A text two codes could mean matches neither.
import { z } from 'zod';
import variantsJson from './dmc-label-variants.json';

export interface LabelEntry {
  code: string;
  labels: readonly string[];
}
export type LabelMatcher = (text: string) => string | undefined;

const variantSchema = z.object({ code: z.string(), text: z.string().min(1), seen: z.string().min(1) });
const variantsSchema = z.record(z.string(), z.union([z.string(), z.array(variantSchema)]));
export type LabelVariant = z.infer<typeof variantSchema>;

// Parsed once at load, so a bad edit to the JSON fails every test rather than one import.
const VARIANTS: ReadonlyMap<string, readonly LabelVariant[]> = new Map(
  Object.entries(variantsSchema.parse(variantsJson)).flatMap(([k, v]) =>
    typeof v === 'string' ? [] : [[k, v] as const],
  ),
);

/** The known variants of one list (for tests and for the decision record's audit of sources). */
export const variantsOf = (list: string): readonly LabelVariant[] => VARIANTS.get(list) ?? [];

const THAI_DIGIT = /[๐-๙]/g;
// Above- and below-base marks: vowels first, then tone marks and the cancellation mark, as Thai
// keyboards should type them; a run typed in another order or with a mark twice compares equal.
const MARK_RUN = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]{2,}/g;
const markRank = (c: string): number => ('\u0E48\u0E49\u0E4A\u0E4B\u0E4C\u0E4D\u0E4E'.includes(c) ? 1 : 0);

/** Thai-normalised form for comparison: digits, spacing, punctuation, mai yamok and mark order ignored. */
export function thaiKey(text: string): string {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0e50))
      // Nikhahit + sara aa is how some keyboards type sara am.
      .replace(/\u0E4D\u0E32/g, '\u0E33')
      .replace(MARK_RUN, (run) => [...new Set(run)].sort((a, b) => markRank(a) - markRank(b)).join(''))
      .replace(/[\s\u200B-\u200D\uFEFF.\-\u2010-\u2015_/\\,()'"ๆ]/g, '')
  );
}

/** A matcher over `entries` (the first label is the list's own) plus the list's known variants. */
export function labelMatcher(list: string, entries: readonly LabelEntry[]): LabelMatcher {
  const exact = new Map<string, string>();
  for (const e of entries) {
    exact.set(e.code, e.code);
    for (const l of e.labels) if (!exact.has(l)) exact.set(l, e.code);
  }
  const variants = new Map(variantsOf(list).map((v) => [v.text, v.code]));
  // null marks a normalised text two codes share: it proves nothing.
  const loose = new Map<string, string | null>();
  const add = (text: string, code: string): void => {
    const key = thaiKey(text);
    if (key === '') return;
    const had = loose.get(key);
    loose.set(key, had === undefined || had === code ? code : null);
  };
  for (const e of entries) for (const t of [e.code, ...e.labels]) add(t, e.code);
  for (const [text, code] of variants) add(text, code);
  const codes = new Set(entries.map((e) => e.code));
  const padded = (t: string): string | undefined =>
    /^\d{1,2}$/.test(t) ? [t.padStart(2, '0'), t.padStart(3, '0')].find((p) => codes.has(p)) : undefined;
  return (raw) => {
    const text = raw.trim();
    if (text === '') return undefined;
    return exact.get(text) ?? padded(text) ?? variants.get(text) ?? loose.get(thaiKey(text)) ?? undefined;
  };
}
