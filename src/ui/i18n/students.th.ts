// Thai texts of the students screens (source language; students.en.ts mirrors the keys).
export const studentsTh = {
  'students.title': 'นักเรียน',
};
