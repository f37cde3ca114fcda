// The school workbooks' words in the app's language, from the catalogue (decision 0034): src/io writes them.
import type { SchoolSheetWords } from '../../io/export/words';
import { i18n, t } from '../i18n/i18n.svelte';

export function schoolSheetWords(): SchoolSheetWords {
  return {
    lang: i18n.locale,
    male: t('dsheet.male'),
    female: t('dsheet.female'),
    total: t('dsheet.total'),
    classList: {
      title: (title, className) => t('ssheet.class_title', { title, class: className }),
      head: {
        no: t('ssheet.no'),
        studentNo: t('ssheet.student_no'),
        idNo: t('ssheet.id_no'),
        name: t('ssheet.name'),
        sex: t('ssheet.sex'),
        born: t('ssheet.born'),
      },
      footer: (counts) => t('ssheet.class_footer', counts),
    },
    counts: {
      sheet: t('ssheet.counts.sheet'),
      grade: t('ssheet.grade'),
      room: t('ssheet.room'),
      noGrade: t('ssheet.no_grade'),
      gradeTotal: (grade) => t('ssheet.grade_total', { grade }),
      schoolTotal: t('ssheet.school_total'),
    },
    checks: {
      summarySheet: t('ssheet.checks.summary'),
      listSheet: t('ssheet.checks.list'),
      error: t('ssheet.checks.error'),
      warning: t('ssheet.checks.warning'),
      head: {
        rule: t('ssheet.checks.rule'),
        level: t('ssheet.checks.level'),
        count: t('ssheet.checks.count'),
        fix: t('ssheet.checks.fix'),
        className: t('ssheet.checks.class'),
        name: t('ssheet.name'),
        idNo: t('ssheet.id_no'),
        field: t('ssheet.checks.field'),
      },
    },
  };
}
