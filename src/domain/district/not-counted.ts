// Who a district report leaves out, and why: the one owner of the rule every report (counts, movements,
// nutrition, the board's workbook) uses to list, beside the counted schools, those it does not count.
export interface SchoolRef {
  code: string;
  name: string;
}

export interface NotCounted {
  /** A submission of the round arrived but waits: its key is not enrolled or not yet verified. */
  held: SchoolRef[];
  /** On the district's school list, and nothing of the round arrived (or only files that were refused). */
  notSubmitted: SchoolRef[];
}

/**
 * `counted`: schools with an accepted submission of the round; `held`: schools with a held submission of the
 * round; `list`: the district's school list. A school counted is never listed, even with a later held file.
 */
export function notCounted(
  counted: ReadonlySet<string>,
  held: readonly SchoolRef[],
  list: readonly SchoolRef[],
): NotCounted {
  const byCode = <T extends SchoolRef>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const waiting = new Map<string, SchoolRef>();
  for (const s of held)
    if (s.code && !counted.has(s.code) && !waiting.has(s.code)) waiting.set(s.code, { code: s.code, name: s.name });
  // The list's name wins over the name a held file claims.
  for (const s of list) if (waiting.has(s.code)) waiting.set(s.code, { code: s.code, name: s.name });
  const notSubmitted = list
    .filter((s) => !counted.has(s.code) && !waiting.has(s.code))
    .map((s) => ({ code: s.code, name: s.name }));
  return { held: [...waiting.values()].sort(byCode), notSubmitted: notSubmitted.sort(byCode) };
}
