// DMC writes addresses as names ("ศรีภูมิ", "เมืองเชียงใหม่", "เชียงใหม่"); the record keeps DOPA codes.
// Names are looked up inside their parent (a subdistrict name repeats across districts), and a name the
// DOPA list does not know is reported rather than dropped silently.
import type { AreaIndex } from '../../domain/areas/areas';

export interface AreaNames {
  province: string;
  district: string;
  subdistrict: string;
}
export interface AreaCodes {
  provinceCode: number | null;
  districtCode: number | null;
  subdistrictCode: number | null;
  /** The first level that was given but not found. */
  unknown: 'provinceCode' | 'districtCode' | 'subdistrictCode' | null;
}

const PREFIXES = /^(จังหวัด|จ\.|อำเภอ|อ\.|เขต|กิ่งอำเภอ|ตำบล|ต\.|แขวง)\s*/;
const ALIASES: Record<string, string> = { กรุงเทพฯ: 'กรุงเทพมหานคร', 'กทม.': 'กรุงเทพมหานคร', กทม: 'กรุงเทพมหานคร' };
const key = (name: string): string => {
  const t = name.trim().replace(PREFIXES, '');
  return (ALIASES[t] ?? t).replace(/\s+/g, '');
};

export type AreaResolver = (names: AreaNames) => AreaCodes;

export function areaResolver(index: AreaIndex): AreaResolver {
  const provinces = new Map(index.provinces().map((p) => [key(p.nameTh), p.code]));
  const districts = new Map<string, number>();
  const subdistricts = new Map<string, number>();
  for (const p of index.provinces()) {
    for (const d of index.districtsOf(p.code)) {
      districts.set(`${p.code}|${key(d.nameTh)}`, d.code);
      for (const s of index.subdistrictsOf(d.code)) subdistricts.set(`${d.code}|${key(s.nameTh)}`, s.code);
    }
  }
  return ({ province, district, subdistrict }) => {
    const out: AreaCodes = { provinceCode: null, districtCode: null, subdistrictCode: null, unknown: null };
    const steps = [
      ['provinceCode', province, (): number | undefined => provinces.get(key(province))],
      ['districtCode', district, (): number | undefined => districts.get(`${out.provinceCode}|${key(district)}`)],
      [
        'subdistrictCode',
        subdistrict,
        (): number | undefined => subdistricts.get(`${out.districtCode}|${key(subdistrict)}`),
      ],
    ] as const;
    for (const [field, name, find] of steps) {
      if (name.trim() === '') continue;
      const code = out.unknown ? undefined : find();
      if (code === undefined) {
        out.unknown ??= field;
        continue;
      }
      out[field] = code;
    }
    return out;
  };
}
