// Thai texts of the measure screens (source language; measure.en.ts mirrors the keys).
export const measureTh = {
  'measure.title': 'ชั่งน้ำหนัก/วัดส่วนสูง',
};
