// District reports from the stored summaries of each school's latest accepted submission, printable on
// screen and exported to .xlsx; the subsidy estimate uses the rate table the officer entered.
import { appDb } from '../../db/database';
import { bundleFile, listBundles } from '../../db/bundle-repo';
import { listSchools, loadSubsidyTables, saveSubsidyTable } from '../../db/district-school-repo';
import { loadProfile } from '../../db/profile-repo';
import { roundLabel } from '../../domain/calendar';
import { commonAsOf } from '../../domain/district/chains';
import { countedOnce } from '../../domain/district/distinct';
import { notCounted } from '../../domain/district/not-counted';
import { districtReport, type ReportSchool } from '../../domain/district/report';
import { subsidyTableSchema, type SubsidyRate, type SubsidyTable } from '../../domain/district/subsidy';
import { summarySchema } from '../../domain/district/summary';
import { districtNutrition, type NutritionSchool } from '../../domain/district/nutrition-report';
import { MOVEMENT_KINDS } from '../../domain/year/movement';
import type { ReportWords } from '../../io/district/reports';
import { computedNutrition, notCountedLines, type LoadedReport } from './district-report-state';
import { i18n, t } from '../i18n/i18n.svelte';
import { longDate } from './year-format';
import { session } from '../state/session.svelte';
import { crossCheckRound, inRound, isSubmission, latestAccepted, type RoundRef } from './district.service';
import { download } from './export.service';
import { districtSheetWords } from './district-sheet-words';
import { kindLabel } from './movements-kinds';

export type { LoadedReport };
export { notCountedLines };

export async function loadReport(ref: RoundRef, totalName: string): Promise<LoadedReport> {
  const db = appDb();
  const [rows, tables, profile, list] = await Promise.all([
    listBundles(db, { direction: 'in' }),
    loadSubsidyTables(db),
    loadProfile(db),
    listSchools(db),
  ]);
  const schools: ReportSchool[] = [];
  const fed: NutritionSchool[] = [];
  const bundles = new Map<string, { id: string; file: Blob }>();
  for (const row of latestAccepted(rows, ref).values()) {
    const summary = summarySchema.safeParse(row.summary);
    if (!summary.success) continue;
    schools.push({ code: row.school, name: row.schoolName, summary: summary.data });
    fed.push({
      code: row.school,
      name: row.schoolName,
      students: summary.data.students,
      nutrition: summary.data.nutrition !== undefined ? summary.data.nutrition : computedNutrition.get(row.id),
    });
    bundles.set(row.school, { id: row.id, file: bundleFile(row) });
  }
  const asOf = commonAsOf(schools.map((s) => s.summary.asOf));
  const table = tables.find((t) => t.academicYear === ref.academicYear) ?? null;
  const district = profile?.kind === 'district' ? profile.name : '';
  const words = { office: district, round: roundLabel(ref.round, i18n.locale), year: ref.academicYear };
  const title = asOf
    ? t('dreport.round_title_as_of', { ...words, date: longDate(asOf) })
    : t('dreport.round_title', words);
  const report = districtReport(schools, table, totalName);
  const check = schools.length ? await crossCheckRound(ref) : null;
  const submitted = report.total.total.M + report.total.total.F + report.total.total.unknown;
  const once = check ? countedOnce(submitted, check.pairs) : null;
  const held = rows
    .filter((r) => isSubmission(r) && r.status === 'held' && inRound(r, ref))
    .map((r) => ({ code: r.school, name: r.schoolName }));
  const missing = notCounted(new Set(schools.map((s) => s.code)), held, list);
  return {
    report,
    nutrition: districtNutrition(fed),
    asOf,
    table,
    title,
    office: district,
    once,
    bundles,
    notCounted: missing,
  };
}

/** The workbook's words, from the catalogue the screen uses: movement headings are the screen's own. */
export function reportSheetWords(loaded: LoadedReport): ReportWords {
  return {
    sheet: districtSheetWords(),
    titles: {
      counts: t('dreport.counts'),
      movements: t('dreport.movements'),
      disadvantage: t('dreport.xlsx.disadvantage'),
      disability: t('dreport.xlsx.disability'),
      subsidy: t('subsidy.title'),
    },
    movements: Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, kindLabel(k)])) as ReportWords['movements'],
    notCounted: notCountedLines(loaded.notCounted),
  };
}

export async function exportReport(ref: RoundRef, loaded: LoadedReport): Promise<string> {
  const [{ xlsxBytes }, { districtReportSheets }] = await Promise.all([
    import('../../io/export/book'),
    import('../../io/district/reports'),
  ]);
  const name = `${t('dsheet.report.file')}-${ref.academicYear}-${ref.round}.xlsx`;
  download(
    xlsxBytes(districtReportSheets(loaded.report, loaded.title, loaded.table, loaded.once, reportSheetWords(loaded))),
    name,
  );
  return name;
}

export type RateProblem = { field: string; rule: string };

/** Saves the officer's rate table for a year; every rate needs its item, level and amount, the table its source. */
export async function saveRates(
  academicYear: number,
  source: string,
  rates: SubsidyRate[],
  now: Date = new Date(),
): Promise<RateProblem[]> {
  const parsed = subsidyTableSchema.safeParse({
    academicYear,
    source,
    rates,
    enteredAt: now.toISOString(),
    enteredBy: session.user?.name ?? '',
  });
  if (!parsed.success) return parsed.error.issues.map((i) => ({ field: i.path.join('.'), rule: i.message }));
  await saveSubsidyTable(appDb(), parsed.data);
  return [];
}

export const loadRates = (): Promise<SubsidyTable[]> => loadSubsidyTables(appDb());
