// The nutrition report of one measurement period over the school's current students, and its workbook.
import { fullName } from '../../domain/student/names';
import { appDb } from '../../db/database';
import { measurementsBetween } from '../../db/measurement-repo';
import { listStudents } from '../../db/student-repo';
import { HEIGHT_STATUSES, NUTRITION_STATUSES } from '../../domain/growth/status';
import { previousPeriod, type MeasurePeriod } from '../../domain/measure/periods';
import { growthReport, type FollowUp, type GrowthReport, type ReportLine } from '../../domain/measure/report';
import type { ReportRow } from '../../domain/measure/report-rows';
import type { MeasureReportWords } from '../../io/measure-report-xlsx';
import { i18n, t } from '../i18n/i18n.svelte';
import { loadRefs } from './measure.service';
import { className, gradeLabel, shortDate } from './year-format';

export async function loadGrowthReport(period: MeasurePeriod): Promise<GrowthReport> {
  const previous = previousPeriod(period);
  const [students, measurements, refs] = await Promise.all([
    listStudents(appDb()),
    measurementsBetween(appDb(), previous.from, period.to),
    loadRefs(),
  ]);
  return growthReport({
    students: students.filter((s) => s.status === 'active'),
    measurements,
    period,
    previous,
    refs,
  });
}

export function periodLabel(p: MeasurePeriod): string {
  return t('mreport.period_label', {
    term: p.term,
    year: p.academicYear,
    half: p.half,
    from: shortDate(p.from),
    to: shortDate(p.to),
  });
}

export function lineName(l: ReportLine): string {
  if (l.kind === 'room') return className(l.grade, l.room ?? '');
  if (l.kind === 'grade') return t('mreport.grade_total', { grade: gradeLabel(l.grade) });
  return t(l.kind === 'school' ? 'mreport.school_total' : 'mreport.all_total');
}

const two = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);

export function statusText(s: { nutrition: string | null; height: string | null }): string {
  const parts = [
    s.nutrition && t(`growth.nutrition.${s.nutrition as (typeof NUTRITION_STATUSES)[number]}`),
    s.height && t(`growth.height.${s.height as (typeof HEIGHT_STATUSES)[number]}`),
  ];
  return parts.filter(Boolean).join(' · ') || t('growth.unassessed');
}

function followUpRow(f: FollowUp): (string | number | null)[] {
  const s = f.student;
  return [
    className(s.grade, s.room),
    s.studentNo ?? '',
    fullName(s),
    s.sex ? t(s.sex === 'M' ? 'mreport.male' : 'mreport.female') : '',
    Math.floor(f.result.ageMonths),
    shortDate(f.measurement.measuredOn),
    f.measurement.weightKg,
    f.measurement.heightCm,
    two(f.result.bmi),
    two(f.result.z.bmiForAge),
    two(f.result.z.heightForAge),
    f.result.status.nutrition ? t(`growth.nutrition.${f.result.status.nutrition}`) : '',
    f.result.status.height ? t(`growth.height.${f.result.status.height}`) : '',
    f.reasons.map((r) => t(`mreport.reason.${r}`)).join(', '),
    f.before ? statusText(f.before) : t('mreport.before_none'),
    f.result.reference ?? '',
  ];
}

/** The nutrition report's rows (domain/measure/report-rows.ts) with their words, for CategoryTable. */
export const labelledRows = (rows: readonly ReportRow[]): { key: string; label: string; tally: ReportRow['tally'] }[] =>
  rows.map((row) => ({
    key: row.key,
    tally: row.tally,
    label:
      row.group === 'nutrition'
        ? t(`growth.nutrition.${row.key}`)
        : row.group === 'height'
          ? t(`growth.height.${row.key}`)
          : row.key === 'good'
            ? t('growth.good')
            : row.key === 'unassessed'
              ? t('mreport.unassessed')
              : t(`mreport.col.${row.key}`),
  }));

export function reportWords(heading: string[]): MeasureReportWords {
  return {
    heading,
    sheets: {
      counts: t('mreport.sheet.counts'),
      compare: t('mreport.sheet.compare'),
      followUp: t('mreport.sheet.follow_up'),
    },
    line: t('mreport.col.class'),
    male: t('mreport.male'),
    female: t('mreport.female'),
    total: t('mreport.total'),
    students: t('mreport.col.students'),
    measured: t('mreport.col.measured'),
    measuredShare: t('mreport.col.share'),
    unassessed: t('mreport.unassessed'),
    goodGrowth: t('growth.good'),
    previous: t('mreport.previous'),
    obeseGroup: t('mreport.col.obese'),
    nutrition: Object.fromEntries(
      NUTRITION_STATUSES.map((k) => [k, t(`growth.nutrition.${k}`)]),
    ) as MeasureReportWords['nutrition'],
    height: Object.fromEntries(
      HEIGHT_STATUSES.map((k) => [k, t(`growth.height.${k}`)]),
    ) as MeasureReportWords['height'],
    reasons: {
      thin: t('mreport.reason.thin'),
      short: t('mreport.reason.short'),
      obese: t('mreport.reason.obese'),
      check: t('mreport.reason.check'),
    },
    followUpColumns: [
      t('mreport.col.class'),
      t('mreport.col.no'),
      t('mreport.col.name'),
      t('mreport.col.sex'),
      t('mreport.col.age'),
      t('mreport.col.date'),
      t('mreport.col.weight'),
      t('mreport.col.height'),
      t('mreport.col.bmi'),
      t('mreport.col.z_bmi'),
      t('mreport.col.z_height'),
      t('mreport.col.nutrition'),
      t('mreport.col.height_status'),
      t('mreport.col.reasons'),
      t('mreport.col.before'),
      t('mreport.col.reference'),
    ],
    lineName,
    followUpRow,
  };
}

/** The workbook's bytes; SheetJS is loaded only now. */
export async function reportWorkbook(r: GrowthReport, heading: string[]): Promise<Uint8Array> {
  const { measureReportXlsx } = await import('../../io/measure-report-xlsx');
  return measureReportXlsx(r, reportWords(heading));
}

export const reportFileName = (p: MeasurePeriod): string =>
  `${i18n.locale === 'th' ? 'ภาวะโภชนาการ' : 'nutrition'}-${p.academicYear}-${p.term}-${p.half}.xlsx`;
