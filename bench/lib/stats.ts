// A case's result as the JSON and the table show it: the median of its runs, the platform's floor for
// the same data measured in the same run, their ratio, and the target it is held to.
export type Unit = 'ms' | 'KB' | 'MB';

export interface Target {
  /** Upper bound on the median, in the case's unit. */
  max?: number;
  /** Upper bound on median / floor. */
  maxRatio?: number;
}

export interface CaseResult {
  id: string;
  title: string;
  unit: Unit;
  median: number;
  runs: number[];
  floor: { what: string; median: number; runs: number[] } | null;
  ratio: number | null;
  target: Target | null;
  pass: boolean | null;
  counters: Record<string, number | string>;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const round = (n: number): number => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 10) / 10);

export function result(c: {
  id: string;
  title: string;
  unit?: Unit;
  runs: number[];
  floor?: { what: string; runs: number[] } | null;
  target?: Target | null;
  counters?: Record<string, number | string>;
}): CaseResult {
  const med = median(c.runs);
  const floor = c.floor
    ? { what: c.floor.what, median: round(median(c.floor.runs)), runs: c.floor.runs.map(round) }
    : null;
  const ratio = floor && floor.median > 0 ? Math.round((med / floor.median) * 100) / 100 : null;
  const t = c.target ?? null;
  const pass = t
    ? (t.max === undefined || med <= t.max) && (t.maxRatio === undefined || (ratio !== null && ratio <= t.maxRatio))
    : null;
  const counters = Object.fromEntries(
    Object.entries(c.counters ?? {}).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v]),
  );
  return {
    id: c.id,
    title: c.title,
    unit: c.unit ?? 'ms',
    median: round(med),
    runs: c.runs.map(round),
    floor,
    ratio,
    target: t,
    pass,
    counters,
  };
}

const fmt = (n: number, unit: Unit): string => `${n.toLocaleString('en-US')} ${unit}`;

function targetText(t: Target | null, unit: Unit): string {
  if (!t) return '—';
  return [t.max !== undefined ? `< ${fmt(t.max, unit)}` : '', t.maxRatio !== undefined ? `≤ ${t.maxRatio}× floor` : '']
    .filter(Boolean)
    .join(', ');
}

/** The Markdown table printed at the end of a run and pasted into docs/performance.md. */
export function table(cases: readonly CaseResult[]): string {
  const rows = cases.map((c) => [
    c.title,
    fmt(c.median, c.unit),
    String(c.runs.length),
    c.floor ? `${fmt(c.floor.median, c.unit)} (${c.floor.what})` : '—',
    c.ratio === null ? '—' : `${c.ratio}×`,
    targetText(c.target, c.unit),
    c.pass === null ? '' : c.pass ? 'yes' : '**no**',
  ]);
  const head = ['case', 'median', 'runs', 'floor (same data)', 'ratio', 'target', 'met'];
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
