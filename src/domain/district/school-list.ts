// The district's list of schools, read from a spreadsheet's rows (cells already as text): MOE code,
// SMIS code and name, found by their headers or, without headers, by what the columns hold.
import { z } from 'zod';

export const districtSchoolSchema = z.object({
  code: z.string().regex(/^\d{10}$/, 'school.code'),
  smis: z.string().regex(/^\d{8}$/, 'school.smis'),
  name: z.string().trim().min(1, 'school.name'),
});
export type DistrictSchool = z.infer<typeof districtSchoolSchema>;

export type SchoolRowRule = 'school.code' | 'school.smis' | 'school.name' | 'school.repeated';
export interface SchoolListRead {
  schools: DistrictSchool[];
  /** Spreadsheet row numbers (from 1) that could not be read, each with why. */
  problems: { row: number; rule: SchoolRowRule }[];
  /** False when no column of MOE codes was found: then nothing was read. */
  found: boolean;
}

const HEADERS = {
  smis: /smis|8\s*หลัก/i,
  code: /รหัส\s*(โรงเรียน|สถานศึกษา)|10\s*หลัก|moe|school\s*code|^รหัส$/i,
  name: /ชื่อ\s*(โรงเรียน|สถานศึกษา)|^ชื่อ$|name/i,
} as const;

const thaiDigits = (s: string): string => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).trim();
type Columns = { code: number; smis: number; name: number };

function byHeaders(rows: readonly (readonly string[])[]): { columns: Columns; header: number } | null {
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const row = rows[r]!;
    const find = (re: RegExp, not: number[] = []) => row.findIndex((c, i) => !not.includes(i) && re.test(c));
    const smis = find(HEADERS.smis);
    const code = find(HEADERS.code, [smis]);
    const name = find(HEADERS.name, [smis, code]);
    if (code >= 0 && smis >= 0 && name >= 0) return { columns: { code, smis, name }, header: r };
  }
  return null;
}

function byContent(rows: readonly (readonly string[])[]): Columns | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const share = (c: number, re: RegExp) => rows.filter((r) => re.test(thaiDigits(r[c] ?? ''))).length;
  const pick = (re: RegExp, not: number[]) => {
    let best = -1;
    for (let c = 0; c < width; c++) if (!not.includes(c) && share(c, re) > (best < 0 ? 0 : share(best, re))) best = c;
    return best;
  };
  const code = pick(/^\d{10}$/, []);
  const smis = pick(/^\d{8}$/, [code]);
  const name = pick(/[ก-๛A-Za-z]/, [code, smis]);
  return code >= 0 && smis >= 0 && name >= 0 ? { code, smis, name } : null;
}

export function readSchoolRows(rows: readonly (readonly string[])[]): SchoolListRead {
  const headed = byHeaders(rows);
  const columns = headed?.columns ?? byContent(rows);
  if (!columns) return { schools: [], problems: [], found: false };
  const schools: DistrictSchool[] = [];
  const problems: SchoolListRead['problems'] = [];
  const seen = new Set<string>();
  rows.forEach((row, r) => {
    if (headed && r <= headed.header) return;
    const raw = {
      code: thaiDigits(row[columns.code] ?? ''),
      smis: thaiDigits(row[columns.smis] ?? ''),
      name: (row[columns.name] ?? '').trim(),
    };
    if (!raw.code && !raw.smis && !raw.name) return;
    const parsed = districtSchoolSchema.safeParse(raw);
    if (!parsed.success) return problems.push({ row: r + 1, rule: parsed.error.issues[0]!.message as SchoolRowRule });
    if (seen.has(parsed.data.code)) return problems.push({ row: r + 1, rule: 'school.repeated' });
    seen.add(parsed.data.code);
    schools.push(parsed.data);
  });
  return { schools, problems, found: true };
}
