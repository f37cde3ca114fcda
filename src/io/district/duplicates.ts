// The cross-school duplicate list as a sheet: each pair on one row, both sides, and why.
import type { DistrictPair } from '../../domain/district/cross-check';
import { formatCitizenId } from '../../domain/ids';
import type { SheetSpec } from '../export/book';
import { beDate, gradeLabel } from '../export/labels';
import type { DistrictSheetWords } from './words';

function side(p: DistrictPair['sides'][0]): string[] {
  const [, , idNo, prefix, first, last, , birth, grade] = p.row;
  return [
    p.school.code,
    p.school.name,
    formatCitizenId(idNo),
    `${prefix}${first} ${last}`.trim(),
    beDate(birth || null),
    gradeLabel(grade || null),
  ];
}

export function duplicatesSheet(pairs: readonly DistrictPair[], title: string, words: DistrictSheetWords): SheetSpec {
  const { sheet, rules, head: h } = words.duplicates;
  const sideHead = (n: string) =>
    [words.schoolCode, words.school, h.id, h.name, h.born, h.grade].map((w) => `${w} ${n}`);
  return {
    name: sheet,
    rows: [
      [title],
      [h.number, h.rule, ...sideHead(h.sides[0]), ...sideHead(h.sides[1]), h.reason, h.transferNote],
      ...pairs.map((p, i) => [
        i + 1,
        rules[p.rule],
        ...side(p.sides[0]),
        ...side(p.sides[1]),
        p.reason[words.lang],
        p.note?.[words.lang] ?? '',
      ]),
    ],
  };
}
