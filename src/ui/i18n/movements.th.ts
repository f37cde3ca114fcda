// Thai texts of the movements screens (source language; movements.en.ts mirrors the keys).
export const movementsTh = {
  'movements.title': 'การเคลื่อนย้าย',
};
