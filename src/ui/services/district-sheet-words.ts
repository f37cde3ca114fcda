// The district workbooks' words in the app's language, from the catalogue (decision 0034): src/io writes them.
import { BOARD_STATUSES } from '../../domain/district/board';
import { SCHOOL_LEVELS } from '../../domain/school';
import type { DistrictSheetWords } from '../../io/district/words';
import { i18n, t } from '../i18n/i18n.svelte';

export function districtSheetWords(): DistrictSheetWords {
  return {
    lang: i18n.locale,
    schoolCode: t('dsheet.school_code'),
    school: t('dsheet.school'),
    schoolName: t('dsheet.school_name'),
    male: t('dsheet.male'),
    female: t('dsheet.female'),
    total: t('dsheet.total'),
    notSent: t('dsheet.not_sent'),
    levels: Object.fromEntries(SCHOOL_LEVELS.map((l) => [l, t(`dsheet.level.${l}`)])) as DistrictSheetWords['levels'],
    report: {
      sheets: {
        counts: t('dsheet.counts.sheet'),
        movements: t('dsheet.movements.sheet'),
        disadvantage: t('dsheet.disadvantage.sheet'),
        disability: t('dsheet.disability.sheet'),
        subsidy: t('dsheet.subsidy.sheet'),
      },
      totalMale: t('dsheet.total_male'),
      totalFemale: t('dsheet.total_female'),
      unknownSex: t('dsheet.unknown_sex'),
      noMovements: t('dsheet.movements.none'),
      once: {
        unchecked: t('dsheet.once.unchecked'),
        submitted: t('dsheet.once.submitted'),
        distinct: t('dsheet.once.distinct'),
        open: t('dsheet.once.open'),
        id: t('dsheet.once.id'),
      },
      subsidy: {
        rates: (year, source) => t('dsheet.subsidy.rates', { year, source }),
        estimate: t('dsheet.subsidy.estimate'),
        basis: (counts) => (counts ? t('dsheet.subsidy.basis_double', counts) : t('dsheet.subsidy.basis')),
        students: (level) => t('dsheet.subsidy.students', { level }),
        item: (item, level, baht) => t('dsheet.subsidy.item', { item, level, baht }),
        total: t('dsheet.subsidy.total'),
      },
    },
    board: {
      sheet: t('dsheet.board.sheet'),
      statuses: Object.fromEntries(
        BOARD_STATUSES.map((s) => [s, t(`dsheet.board.status.${s}`)]),
      ) as DistrictSheetWords['board']['statuses'],
      head: {
        status: t('dsheet.board.status'),
        sequence: t('dsheet.board.sequence'),
        students: t('dsheet.board.students'),
        late: t('dsheet.board.late'),
        held: t('dsheet.board.held'),
        rejected: t('dsheet.board.rejected'),
        missing: t('dsheet.board.missing'),
        acknowledgedAt: t('dsheet.board.acknowledged_at'),
        open: t('dsheet.board.open'),
        sent: t('dsheet.board.sent'),
        fresh: t('dsheet.board.fresh'),
        replies: t('dsheet.board.replies'),
      },
    },
    duplicates: {
      sheet: t('dsheet.dup.sheet'),
      rules: {
        'id.duplicate': t('dup.rule.id.duplicate'),
        'person.possible_duplicate': t('dup.rule.person.possible_duplicate'),
      },
      head: {
        number: t('dsheet.dup.number'),
        rule: t('dsheet.dup.rule'),
        sides: [t('dsheet.dup.side_a'), t('dsheet.dup.side_b')],
        id: t('dsheet.dup.id'),
        name: t('dsheet.dup.name'),
        born: t('dsheet.dup.born'),
        grade: t('dsheet.dup.grade'),
        reason: t('dsheet.dup.reason'),
        transferNote: t('dsheet.dup.transfer_note'),
      },
    },
    assets: {
      sheet: t('dsheet.assets.sheet'),
      head: {
        asOf: t('dsheet.assets.as_of'),
        certifiedAt: t('dsheet.assets.certified_at'),
        buildings: t('dsheet.assets.buildings'),
        good: t('dsheet.assets.good'),
        fair: t('dsheet.assets.fair'),
        poor: t('dsheet.assets.poor'),
        unknown: t('dsheet.assets.unknown'),
        noPhotos: t('dsheet.assets.no_photos'),
        needed: t('dsheet.assets.needed'),
        available: t('dsheet.assets.available'),
        shortage: t('dsheet.assets.shortage'),
        equipment: t('dsheet.assets.equipment'),
      },
    },
  };
}
