// Thai provinces, districts and subdistricts with DOPA codes (2/4/6 digits) and postcodes.
// The table is large, so this file never imports it: load.ts does, lazily.

export type ProvinceRow = [code: number, nameTh: string, nameEn: string];
export type DistrictRow = [code: number, provinceCode: number, nameTh: string, nameEn: string, postcode: number];
export type SubdistrictRow = [code: number, districtCode: number, nameTh: string, nameEn: string, postcode: number];

/** The shape of thai-admin.json, written by scripts/build-areas.mjs. */
export interface AreaData {
  source: string;
  provinces: ProvinceRow[];
  districts: DistrictRow[];
  subdistricts: SubdistrictRow[];
}

export interface Province {
  code: number;
  nameTh: string;
  nameEn: string;
}
export interface District {
  code: number;
  provinceCode: number;
  nameTh: string;
  nameEn: string;
  postcode: number;
}
export interface Subdistrict {
  code: number;
  districtCode: number;
  nameTh: string;
  nameEn: string;
  postcode: number;
}

export type AreaIndex = ReturnType<typeof createAreaIndex>;

/** DMC writes 8 digits: the DOPA code padded with zeros on the right (810803 → '81080300'). */
export function toDmcCode(dopaCode: number | string): string {
  const s = String(dopaCode);
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(s)) throw new RangeError(`not a DOPA area code: "${s}"`);
  return s.padEnd(8, '0');
}

// No DOPA district or subdistrict number is 00, so trailing zero pairs are padding.
function dopaFromDmc(dmc: string): number | null {
  if (!/^\d{8}$/.test(dmc)) return null;
  const s = dmc.replace(/(00)+$/, '');
  return s.length >= 2 ? Number(s) : null;
}

function groupBy<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function createAreaIndex(data: AreaData) {
  const collator = new Intl.Collator('th');
  const byThaiName = (a: { nameTh: string }, b: { nameTh: string }) => collator.compare(a.nameTh, b.nameTh);

  const provinces = data.provinces
    .map(([code, nameTh, nameEn]): Province => ({ code, nameTh, nameEn }))
    .sort(byThaiName);
  const districts = data.districts
    .map(([code, provinceCode, nameTh, nameEn, postcode]): District => ({
      code,
      provinceCode,
      nameTh,
      nameEn,
      postcode,
    }))
    .sort(byThaiName);
  const subdistricts = data.subdistricts
    .map(([code, districtCode, nameTh, nameEn, postcode]): Subdistrict => ({
      code,
      districtCode,
      nameTh,
      nameEn,
      postcode,
    }))
    .sort(byThaiName);

  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const districtByCode = new Map(districts.map((d) => [d.code, d]));
  const subdistrictByCode = new Map(subdistricts.map((s) => [s.code, s]));
  const districtsByProvince = groupBy(districts, (d) => d.provinceCode);
  const subdistrictsByDistrict = groupBy(subdistricts, (s) => s.districtCode);
  const exists = (code: number) => provinceByCode.has(code) || districtByCode.has(code) || subdistrictByCode.has(code);

  return {
    source: data.source,
    /** All provinces, in Thai alphabetical order (as are the lists below). */
    provinces: (): readonly Province[] => provinces,
    districtsOf: (provinceCode: number): readonly District[] => districtsByProvince.get(provinceCode) ?? [],
    subdistrictsOf: (districtCode: number): readonly Subdistrict[] => subdistrictsByDistrict.get(districtCode) ?? [],
    province: (code: number): Province | undefined => provinceByCode.get(code),
    district: (code: number): District | undefined => districtByCode.get(code),
    subdistrict: (code: number): Subdistrict | undefined => subdistrictByCode.get(code),
    postcodeOf: (subdistrictCode: number): number | undefined => subdistrictByCode.get(subdistrictCode)?.postcode,
    toDmcCode,
    /** The DOPA code of a known area ('81080300' → 810803), or null. */
    fromDmcCode: (dmc: string): number | null => {
      const code = dopaFromDmc(dmc.trim());
      return code !== null && exists(code) ? code : null;
    },
  };
}
