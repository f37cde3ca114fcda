import type { Address } from '../student/address';
import type { Student } from '../student/schema';
import { finding, type Finding } from './catalogue';
import { bodyBounds, within, yearsOn } from './norms';

export function schoolingFindings(s: Student): Finding[] {
  return [
    ...(s.grade === null ? [finding('grade.unknown', s.id)] : []),
    ...(s.room.trim() === '' ? [finding('room.missing', s.id)] : []),
  ];
}

export function healthFindings(s: Student, asOf: string): Finding[] {
  const { weightKg, heightCm, measuredOn } = s.health;
  if (weightKg === null && heightCm === null) return [];
  const on = measuredOn ?? asOf;
  const bounds = bodyBounds(s.birthDate !== null && s.birthDate <= on ? yearsOn(s.birthDate, on) : null);
  return [
    ...(weightKg !== null && !within(weightKg, bounds.weightKg) ? [finding('weight.implausible', s.id)] : []),
    ...(heightCm !== null && !within(heightCm, bounds.heightCm) ? [finding('height.implausible', s.id)] : []),
  ];
}

// DOPA codes nest: subdistrict 810803 lies in district 8108, in province 81.
function badAreaField(a: Address, areaExists: ((code: number) => boolean) | undefined): keyof Address | null {
  const levels = [
    ['provinceCode', 2],
    ['districtCode', 4],
    ['subdistrictCode', 6],
  ] as const;
  let parent: string | null = null;
  for (const [field, digits] of levels) {
    const code = a[field];
    if (code === null) continue;
    const text = String(code);
    if (text.length !== digits || (parent !== null && !text.startsWith(parent))) return field;
    if (areaExists && !areaExists(code)) return field;
    parent = text;
  }
  return null;
}

/** One finding per address whose area codes are unknown or do not nest. */
export function addressFindings(s: Student, areaExists?: (dopaCode: number) => boolean): Finding[] {
  const out: Finding[] = [];
  for (const which of ADDRESSES) {
    const field = badAreaField(s.addresses[which], areaExists);
    if (field) out.push(finding('address.unknown_area', s.id, `addresses.${which}.${field}`));
  }
  return out;
}
const ADDRESSES = ['registered', 'current'] as const;
