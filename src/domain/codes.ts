// DMC code lists, copied verbatim from ../shared/data/dmc-codes.json (see ../shared/data/SOURCES.md).
// No official OBEC code-list document exists: the lists were gathered from third-party DMC tools and
// district summaries, and each list's `confidence` note says how sure it is. Labels are what users see;
// codes are what DMC forms carry.
import { z } from 'zod';
import codes from './dmc-codes.json';

export const gradeCodeSchema = z.enum([
  '01', '02', '03', '04', '05', '06', '07', '08', '09',
  '10', '11', '12', '13', '14', '15', '16', '17', '18',
]);
export type GradeCode = z.infer<typeof gradeCodeSchema>;

export const sexCodeSchema = z.enum(['M', 'F']);
export type SexCode = z.infer<typeof sexCodeSchema>;

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

// Users and exports write "ม.2", "ม. 2", "ม2" or Thai digits "ม.๒"; compare without spaces or dots.
function loose(s: string): string {
  return s
    .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/[\s.]/g, '');
}

export function gradeByCode(code: string): Grade | undefined {
  return grades.find((g) => g.code === code);
}

/** Accepts the short label ("ม.2"), the full name, or the two-digit code ("11"). */
export function gradeFromLabel(text: string): Grade | undefined {
  const key = loose(text);
  return grades.find((g) => g.code === key || loose(g.label) === key || loose(g.name) === key);
}

/** The last grade of a level (อ.3, ป.6, ม.3, ม.6, ปวช.3): students finish rather than move up. */
export function isTerminalGrade(code: string): boolean {
  return (terminalGrades as readonly string[]).includes(code);
}

/** Accepts the full word ("เด็กชาย") or the abbreviation, with or without dots ("ด.ช.", "ดช"). */
export function prefixByLabel(labelOrShort: string): Prefix | undefined {
  const key = loose(labelOrShort);
  if (key === '') return undefined;
  return prefixes.find((p) => loose(p.label) === key || (p.short !== undefined && loose(p.short) === key));
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

/** The code for a code or its label ("ไทย" → "099", "099" → "099"), or undefined. */
export function codeFromText(name: CodeListName, text: string): string | undefined {
  const list: readonly (string | { code: string; label: string })[] = codes[name].codes;
  const key = text.trim();
  for (const c of list) {
    if (typeof c === 'string' ? c === key : c.code === key || c.label === key) return typeof c === 'string' ? c : c.code;
  }
  return undefined;
}

/** A zod schema for one code of a DMC list. */
export function codeSchema(name: CodeListName) {
  const known = new Set(codeList(name));
  return z.string().refine((c) => known.has(c), { message: `not a DMC ${name} code` });
}

/** "M", "ช", "ชาย", "male" → 'M'; anything else → undefined. */
export function sexFromText(text: string): SexCode | undefined {
  const key = text.trim().toLowerCase();
  if (key === 'male') return 'M';
  if (key === 'female') return 'F';
  return sexes.find((s) => s.code.toLowerCase() === key || s.export === key || s.label === key)?.code;
}
