// Thai texts of the spreadsheet import/export screens (source language; exchange.en.ts mirrors the keys).
export const exchangeTh = {
  'exchange.title': 'ส่งออก/นำเข้า',
};
