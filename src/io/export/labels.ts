// The texts DMC's files show for the record's codes: labels rather than codes, ช/ญ, Buddhist Era dates.
import codes from '../../domain/dmc-codes.json';
import { gradeByCode, type CodeListName } from '../../domain/codes';
import type { AreaIndex } from '../../domain/areas/areas';
import type { Address } from '../../domain/student/address';
import { localParts } from '../../domain/thai-date';

/** The label of a code ("001" → "พุทธ"); lists of bare codes (blood groups) show the code. */
export function labelOf(list: CodeListName, code: string | null): string {
  if (code === null || code === '') return '';
  const items: readonly (string | { code: string; label: string })[] = codes[list].codes;
  for (const c of items)
    if (typeof c === 'string' ? c === code : c.code === code) return typeof c === 'string' ? c : c.label;
  return code;
}

export const gradeLabel = (code: string | null): string => (code ? (gradeByCode(code)?.label ?? code) : '');
export const sexMark = (sex: 'M' | 'F' | null): string => (sex === 'M' ? 'ช' : sex === 'F' ? 'ญ' : '');

/** ISO → "20/03/2555", DMC's way of writing a date. */
export function beDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${Number(y) + 543}`;
}

/** Date and time on the school's clock (Thai time) in the Buddhist Era: "23/11/2569 10:15:00". */
export function beDateTime(now: Date): string {
  const { date, hh, mm, ss } = localParts(now);
  return `${beDate(date)} ${hh}:${mm}:${ss}`;
}

/** Subdistrict, district and province names of an address, as DMC writes them. */
export function areaNamesOf(a: Address, areas: AreaIndex | null): [string, string, string] {
  const name = (code: number | null, find: (c: number) => { nameTh: string } | undefined): string =>
    code === null ? '' : (find(code)?.nameTh ?? String(code));
  if (!areas)
    return [a.subdistrictCode, a.districtCode, a.provinceCode].map((c) => (c === null ? '' : String(c))) as [
      string,
      string,
      string,
    ];
  return [
    name(a.subdistrictCode, areas.subdistrict),
    name(a.districtCode, areas.district),
    name(a.provinceCode, areas.province),
  ];
}
