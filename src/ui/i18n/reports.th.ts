// Thai texts of the reports screens (source language; reports.en.ts mirrors the keys).
export const reportsTh = {
  'reports.title': 'รายงาน',
};
