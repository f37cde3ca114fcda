// The words of the district workbooks, passed in by the caller from its catalogue (decision 0034): src/io
// writes no language of its own, so the workbook says what the screen says, in the app's language.
import type { BoardStatus } from '../../domain/district/board';
import type { DistrictPair } from '../../domain/district/cross-check';
import type { SchoolLevel } from '../../domain/school';

export interface DistrictSheetWords {
  /** Which side of a `{ th, en }` text the domain gives (a duplicate's reason) to write. */
  lang: 'th' | 'en';
  schoolCode: string;
  school: string;
  schoolName: string;
  male: string;
  female: string;
  total: string;
  notSent: string;
  levels: Record<SchoolLevel, string>;
  report: {
    sheets: { counts: string; movements: string; disadvantage: string; disability: string; subsidy: string };
    totalMale: string;
    totalFemale: string;
    unknownSex: string;
    noMovements: string;
    once: { unchecked: string; submitted: string; distinct: string; open: string; id: string };
    subsidy: {
      rates: (year: number, source: string) => string;
      estimate: string;
      basis: (counts: { submitted: number; double: number; distinct: number } | null) => string;
      students: (level: string) => string;
      item: (item: string, level: string, baht: number) => string;
      total: string;
    };
  };
  board: {
    sheet: string;
    statuses: Record<BoardStatus, string>;
    head: {
      status: string;
      sequence: string;
      students: string;
      late: string;
      held: string;
      rejected: string;
      missing: string;
      acknowledgedAt: string;
      open: string;
      sent: string;
      fresh: string;
      replies: string;
    };
  };
  duplicates: {
    sheet: string;
    rules: Record<DistrictPair['rule'], string>;
    head: {
      number: string;
      rule: string;
      sides: readonly [string, string];
      id: string;
      name: string;
      born: string;
      grade: string;
      reason: string;
      transferNote: string;
    };
  };
  assets: {
    sheet: string;
    head: {
      asOf: string;
      certifiedAt: string;
      buildings: string;
      good: string;
      fair: string;
      poor: string;
      unknown: string;
      noPhotos: string;
      needed: string;
      available: string;
      shortage: string;
      equipment: string;
    };
  };
}
