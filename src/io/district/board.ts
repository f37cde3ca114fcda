// The round's status board as a sheet: one school a row, with its findings series (decision 18).
import type { BoardRow } from '../../domain/district/board';
import type { SheetSpec } from '../export/book';
import { beDate } from '../export/labels';
import type { DistrictSheetWords } from './words';

/** `notCounted`: the caller's heading and, by school code, why the round's reports do not count that school. */
export interface NotCountedColumn {
  head: string;
  why: ReadonlyMap<string, string>;
}

export function boardSheet(
  rows: readonly BoardRow[],
  title: string,
  localDate: (iso: string) => string,
  notCounted: NotCountedColumn,
  words: DistrictSheetWords,
): SheetSpec {
  const { sheet, statuses, head: h } = words.board;
  return {
    name: sheet,
    rows: [
      [title],
      [
        words.schoolCode,
        words.school,
        h.status,
        h.sequence,
        h.students,
        h.late,
        h.held,
        h.rejected,
        h.missing,
        h.acknowledgedAt,
        h.open,
        h.sent,
        h.fresh,
        h.replies,
        notCounted.head,
      ],
      ...rows.map((r) => [
        r.school.code,
        r.school.name,
        statuses[r.status],
        r.latest?.sequence ?? '',
        r.latest?.summary.students ?? '',
        r.late ? h.late : '',
        r.held,
        r.rejected,
        r.missing.join(', '),
        r.acknowledgedAt ? beDate(localDate(r.acknowledgedAt)) : '',
        r.series?.open ?? '',
        r.series?.sent.length ?? '',
        r.series?.acknowledged ? r.series.fresh.length : '',
        r.replies.length,
        notCounted.why.get(r.school.code) ?? '',
      ]),
    ],
  };
}
