// Thai texts of the confirm screens (source language; confirm.en.ts mirrors the keys).
export const confirmTh = {
  'confirm.title': 'ยืนยัน/รับรองข้อมูล',
};
