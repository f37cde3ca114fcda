// Thai categories from z-scores with the Department of Health's SD cut-offs (../shared/data/SOURCES.md).
// The z-scores come from WHO's references, so a status must always be shown as computed from WHO 2006/2007,
// never as the department's own weight-for-height figure. A z is rounded to two decimals first, so the
// category always matches the z the app shows: a shown −2.00 is ค่อนข้างผอม, never ผอม.

export const NUTRITION_STATUSES = ['thin', 'rather-thin', 'normal', 'plump', 'overweight', 'obese'] as const;
export type NutritionStatus = (typeof NUTRITION_STATUSES)[number];
export const HEIGHT_STATUSES = ['short', 'rather-short', 'normal', 'rather-tall', 'tall'] as const;
export type HeightStatus = (typeof HEIGHT_STATUSES)[number];

export const NUTRITION_TH: Record<NutritionStatus, string> = {
  thin: 'ผอม',
  'rather-thin': 'ค่อนข้างผอม',
  normal: 'สมส่วน',
  plump: 'ท้วม',
  overweight: 'เริ่มอ้วน',
  obese: 'อ้วน',
};
export const HEIGHT_TH: Record<HeightStatus, string> = {
  short: 'เตี้ย',
  'rather-short': 'ค่อนข้างเตี้ย',
  normal: 'สูงตามเกณฑ์',
  'rather-tall': 'ค่อนข้างสูง',
  tall: 'สูง',
};
export const GOOD_GROWTH_TH = 'สูงดีสมส่วน';

/** Two decimals, as WHO's tools report z; −0 becomes 0. */
export const roundZ = (z: number): number => Math.round(z * 100) / 100 + 0;

/** From the BMI-for-age z: ผอม < −2 ≤ ค่อนข้างผอม < −1.5 ≤ สมส่วน ≤ +1.5 < ท้วม ≤ +2 < เริ่มอ้วน ≤ +3 < อ้วน. */
export function nutritionStatus(z: number): NutritionStatus {
  const r = roundZ(z);
  if (r < -2) return 'thin';
  if (r < -1.5) return 'rather-thin';
  if (r <= 1.5) return 'normal';
  if (r <= 2) return 'plump';
  if (r <= 3) return 'overweight';
  return 'obese';
}

/** From the height-for-age z: เตี้ย < −2 ≤ ค่อนข้างเตี้ย < −1.5 ≤ สูงตามเกณฑ์ ≤ +1.5 < ค่อนข้างสูง ≤ +2 < สูง. */
export function heightStatus(z: number): HeightStatus {
  const r = roundZ(z);
  if (r < -2) return 'short';
  if (r < -1.5) return 'rather-short';
  if (r <= 1.5) return 'normal';
  if (r <= 2) return 'rather-tall';
  return 'tall';
}

/** สูงดีสมส่วน: height at สูงตามเกณฑ์ or above, and สมส่วน. */
export function isGoodGrowth(nutrition: NutritionStatus | null, height: HeightStatus | null): boolean | null {
  if (nutrition === null || height === null) return null;
  return nutrition === 'normal' && (height === 'normal' || height === 'rather-tall' || height === 'tall');
}
