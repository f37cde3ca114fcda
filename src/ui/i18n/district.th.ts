// Thai texts of the district screens (source language; district.en.ts mirrors the keys).
export const districtTh = {
  'district.title': 'สำนักงานเขตพื้นที่การศึกษา',
};
