// The district's nutrition report beyond its summaries: one school's children to follow up, read again
// from its stored bundle in the worker, the summaries of bundles stored before they had one, and workbooks.
import { bundleFile } from '../../db/bundle-repo';
import { appDb } from '../../db/database';
import { decryptionKeys } from '../../db/key-repo';
import { trustList } from '../../db/trust-repo';
import type { SchoolGrowth } from '../../domain/district/incoming';
import type { NutritionLine } from '../../domain/district/nutrition-report';
import { periodFromKey } from '../../domain/measure/periods';
import { percent } from '../../domain/measure/tally';
import type { FollowUp } from '../../domain/measure/report';
import type { NutritionWords } from '../../io/district/nutrition';
import { t } from '../i18n/i18n.svelte';
import { computedNutrition, notCountedLines, type LoadedReport } from './district-report-state';
import { districtWorker } from './district-worker';
import { periodLabel, reportWords } from './measure-report.service';
import { gradeLabel } from './year-format';

async function readGrowth(file: Blob): Promise<SchoolGrowth | null> {
  const db = appDb();
  const [trust, keys] = await Promise.all([trustList(db), decryptionKeys(db)]);
  return districtWorker().growth({ file, trust, decryptionKeys: keys });
}

/** One school's children to follow up, read from its stored bundle (they never enter a summary). */
export async function loadFollowUp(loaded: LoadedReport, school: string): Promise<FollowUp[]> {
  const bundle = loaded.bundles.get(school);
  return bundle ? ((await readGrowth(bundleFile(bundle)))?.followUp ?? []) : [];
}

/** Computes, for this session, the nutrition part of the schools whose bundles were stored before it existed. */
export async function summariseStored(
  loaded: LoadedReport,
  onProgress: (done: number) => void = () => {},
): Promise<void> {
  let done = 0;
  for (const { code } of loaded.nutrition.notSummarised) {
    const bundle = loaded.bundles.get(code);
    if (bundle) computedNutrition.set(bundle.id, (await readGrowth(bundleFile(bundle)))?.nutrition ?? null);
    onProgress(++done);
  }
}

const periodName = (key: string): string => {
  const p = periodFromKey(key);
  return p ? periodLabel(p) : key;
};

/** Lines above the nutrition report and its sheets: office, title, round, period, and the WHO note. */
export function nutritionHeading(loaded: LoadedReport, scope: string): string[] {
  const n = loaded.nutrition;
  return [
    loaded.office,
    `${t('mreport.title')} ${scope}`,
    loaded.title.replace(loaded.office, '').trim(),
    n.period ? periodName(n.period) : '',
    t('growth.source'),
  ].filter(Boolean);
}

/** "ทั้งเขต วัดแล้ว 4 จาก 10 คน (40%)": measured against every student of the round's submissions. */
export const coverageText = (n: LoadedReport['nutrition']): string =>
  t('dreport.nutrition.coverage', {
    measured: n.coverage.measured,
    students: n.coverage.students,
    pct: percent(n.coverage.measured, n.coverage.students) ?? 0,
  });

/** The whole district's nutrition workbook: counts only. */
export async function nutritionWorkbook(loaded: LoadedReport): Promise<{ bytes: Uint8Array; fileName: string }> {
  const [{ xlsxBytes }, { districtNutritionSheets }] = await Promise.all([
    import('../../io/export/book'),
    import('../../io/district/nutrition'),
  ]);
  const n = loaded.nutrition;
  const names = new Map([...n.schools, ...n.otherPeriod].map((s) => [s.code, s.name]));
  const list = (xs: readonly { name: string }[]) => xs.map((x) => x.name).join(', ');
  // The district's coverage and the schools that sent no measurements head every sheet, as on screen.
  const base = reportWords([
    ...nutritionHeading(loaded, t('dreport.nutrition.whole')),
    coverageText(n),
    ...(n.noData.length ? [t('dreport.nutrition.no_data', { schools: list(n.noData) })] : []),
    ...notCountedLines(loaded.notCounted).map((s) => t('dreport.not_counted.line', s)),
  ]);
  const words: NutritionWords = {
    report: {
      ...base,
      line: t('dreport.school'),
      lineName: (l) =>
        l.kind === 'school'
          ? (names.get(l.school) ?? l.school)
          : l.kind === 'grade'
            ? t('dreport.nutrition.grade_total', { grade: gradeLabel(l.grade) })
            : t('dreport.total'),
    },
    followUpSheet: t('dreport.nutrition.sheet.follow_up'),
    followUpColumns: [
      t('dreport.nutrition.col.code'),
      t('dreport.nutrition.col.name'),
      t('dreport.nutrition.col.period'),
      t('dreport.nutrition.col.children'),
      t('mreport.reason.thin'),
      t('mreport.reason.short'),
      t('mreport.reason.obese'),
      t('mreport.reason.check'),
    ],
    periodName,
    notes: [
      n.otherPeriod.length ? t('dreport.nutrition.other_period', { schools: list(n.otherPeriod) }) : '',
      n.notSummarised.length ? t('dreport.nutrition.not_summarised', { schools: list(n.notSummarised) }) : '',
    ].filter(Boolean),
  };
  return {
    bytes: xlsxBytes(districtNutritionSheets(n, words)),
    fileName: `${t('dreport.nutrition.file')}-${n.period ?? ''}.xlsx`,
  };
}

/** One school's workbook with its own children to follow up, and no other school's. */
export async function schoolNutritionWorkbook(
  loaded: LoadedReport,
  school: NutritionLine,
  followUp: readonly FollowUp[],
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const [{ xlsxBytes }, { schoolNutritionSheets }] = await Promise.all([
    import('../../io/export/book'),
    import('../../io/district/nutrition'),
  ]);
  const words = reportWords([school.name, ...nutritionHeading(loaded, school.name).slice(1)]);
  const mine = followUp.filter((f) => f.student.school === school.code);
  return {
    bytes: xlsxBytes(schoolNutritionSheets(school, mine, words)),
    fileName: `${t('mreport.title')}-${school.code}-${school.period}.xlsx`,
  };
}
