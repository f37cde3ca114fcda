// The words of the school's workbooks (class lists, counts, the checks), passed in by the caller from its
// catalogue (decision 0034), so a workbook exported in English has English headers.
export interface SchoolSheetWords {
  /** Which side of a `{ th, en }` text the domain gives (a rule's message) to write. */
  lang: 'th' | 'en';
  male: string;
  female: string;
  total: string;
  classList: {
    title: (title: string, className: string) => string;
    head: { no: string; studentNo: string; idNo: string; name: string; sex: string; born: string };
    footer: (counts: { male: number; female: number; all: number }) => string;
  };
  counts: {
    sheet: string;
    grade: string;
    room: string;
    noGrade: string;
    gradeTotal: (grade: string) => string;
    schoolTotal: string;
  };
  checks: {
    summarySheet: string;
    listSheet: string;
    error: string;
    warning: string;
    head: {
      rule: string;
      level: string;
      count: string;
      fix: string;
      className: string;
      name: string;
      idNo: string;
      field: string;
    };
  };
}
