// DMC code lists, copied verbatim from ../shared/data/dmc-codes.json (see ../shared/data/SOURCES.md).
// No official OBEC code-list document exists: the lists were gathered from third-party DMC tools and
// district summaries, and each list's `confidence` note says how sure it is. Labels are what users see;
// codes are what DMC forms carry.
import { z } from 'zod';
import codes from './dmc-codes.json';
import { labelMatcher, type LabelMatcher } from './labels';

import { gradeCodeSchema, sexCodeSchema, type GradeCode, type SexCode } from './code-schemas';

export { gradeCodeSchema, sexCodeSchema, type GradeCode, type SexCode } from './code-schemas';

const gradeSchema = z.object({ code: gradeCodeSchema, label: z.string(), name: z.string() });
const sexSchema = z.object({ code: sexCodeSchema, export: z.string(), label: z.string() });
const prefixSchema = z.object({
  code: z.string(),
  label: z.string(),
  short: z.string().optional(),
  sex: sexCodeSchema,
});

export type Grade = z.infer<typeof gradeSchema>;
export type Sex = z.infer<typeof sexSchema>;
export type Prefix = z.infer<typeof prefixSchema>;

// Parsed once at load, so a bad edit to the JSON fails every test rather than one screen.
export const grades: readonly Grade[] = z.array(gradeSchema).parse(codes.grade.codes);
export const sexes: readonly Sex[] = z.array(sexSchema).parse(codes.sex.codes);
export const prefixes: readonly Prefix[] = z.array(prefixSchema).parse(codes.prefix.codes);
const terminalGrades: readonly GradeCode[] = z.array(gradeCodeSchema).parse(codes.grade.terminal);

// Every list is read through one label matcher (labels.ts): "ม.2", "ม. 2", "ม2", "ม.๒", the full name
// and the code all read as the same grade, and the other lists the same way.
const gradeMatcher = labelMatcher(
  'grade',
  grades.map((g) => ({ code: g.code, labels: [g.label, g.name] })),
);
const sexMatcher = labelMatcher('sex', [
  ...sexes.map((s) => ({ code: s.code, labels: [s.label, s.export] })),
  { code: 'M', labels: ['male'] },
  { code: 'F', labels: ['female'] },
]);
const prefixMatcher = labelMatcher(
  'prefix',
  prefixes.map((p) => ({ code: p.code, labels: p.short ? [p.label, p.short] : [p.label] })),
);

export function gradeByCode(code: string): Grade | undefined {
  return grades.find((g) => g.code === code);
}

/** Accepts the short label ("ม.2"), the full name, or the two-digit code ("11"). */
export function gradeFromLabel(text: string): Grade | undefined {
  const code = gradeMatcher(text);
  return code === undefined ? undefined : gradeByCode(code);
}

/** The last grade of a level (อ.3, ป.6, ม.3, ม.6, ปวช.3): students finish rather than move up. */
export function isTerminalGrade(code: string): boolean {
  return (terminalGrades as readonly string[]).includes(code);
}

/** Accepts the full word ("เด็กชาย") or the abbreviation, with or without dots ("ด.ช.", "ดช"). */
export function prefixByLabel(labelOrShort: string): Prefix | undefined {
  // A prefix's code is not what records keep (they keep the label), so the code alone is no prefix.
  if (/^\d+$/.test(labelOrShort.trim())) return undefined;
  const code = prefixMatcher(labelOrShort);
  return code === undefined ? undefined : prefixes.find((p) => p.code === code);
}

type CodesJson = typeof codes;
export type CodeListName = {
  [K in keyof CodesJson]: CodesJson[K] extends { codes: readonly unknown[] } ? K : never;
}[keyof CodesJson];

/** The codes of one list, in file order; lists of bare strings (bloodGroup, dropoutReason) are their own codes. */
export function codeList(name: CodeListName): string[] {
  const list: readonly (string | { code: string })[] = codes[name].codes;
  return list.map((c) => (typeof c === 'string' ? c : c.code));
}

const matchers = new Map<CodeListName, LabelMatcher>();
function matcherOf(name: CodeListName): LabelMatcher {
  let m = matchers.get(name);
  if (!m) {
    const list: readonly (string | { code: string; label: string })[] = codes[name].codes;
    const entries = list.map((c) =>
      typeof c === 'string' ? { code: c, labels: [c] } : { code: c.code, labels: [c.label] },
    );
    matchers.set(name, (m = labelMatcher(name, entries)));
  }
  return m;
}

/** The code for a code, its label or a known variant ("ไทย" → "099", "99" → "099", "ค้าขาย" → "3"), or undefined. */
export function codeFromText(name: CodeListName, text: string): string | undefined {
  return matcherOf(name)(text);
}

/** A zod schema for one code of a DMC list. */
export function codeSchema(name: CodeListName) {
  const known = new Set(codeList(name));
  return z.string().refine((c) => known.has(c), { message: `not a DMC ${name} code` });
}

/** "M", "ช", "ชาย", "male" → 'M'; anything else → undefined. */
export function sexFromText(text: string): SexCode | undefined {
  return sexMatcher(text) as SexCode | undefined;
}
