// The card's address is one '#'-separated text: house number first, subdistrict, district and province last
// (Bangkok writes แขวง/เขต), with village number, lane, soi and road between when present.
import type { AreaIndex } from '../areas/areas';

export interface CardAddress {
  houseNo: string;
  /** Village number as digits ("หมู่ที่ 5" → "5"). */
  moo: string;
  /** Soi or lane, without the word ซอย; a village or building name joins it. */
  soi: string;
  /** Road, without the word ถนน. */
  road: string;
  subdistrict: string;
  district: string;
  province: string;
  /** The text as the card holds it, '#' included. */
  raw: string;
}

export interface AreaMatch {
  provinceCode: number | null;
  districtCode: number | null;
  subdistrictCode: number | null;
  postcode: string;
}

const MOO = /^(หมู่ที่|หมู่|ม\.)\s*/;
const SOI = /^(ซอย|ซ\.)\s*/;
const ROAD = /^(ถนน|ถ\.)\s*/;
const SUBDISTRICT = /^(ตำบล|แขวง|ต\.)\s*/;
const DISTRICT = /^(อำเภอ|เขต|อ\.)\s*/;
const PROVINCE = /^(จังหวัด|จ\.)\s*/;

const thaiDigits = (s: string): string => s.replace(/[๐-๙]/g, (c) => String(c.charCodeAt(0) - 0x0e50));
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function splitCardAddress(raw: string): CardAddress {
  const parts = raw.split('#').map(collapse);
  const [houseNo = '', ...rest] = parts;
  const tail = rest.filter((p) => p !== '');
  // The last three non-empty parts are always the areas; anything before them is street detail.
  const areas = tail.slice(-3);
  while (areas.length < 3) areas.unshift('');
  const street = tail.slice(0, Math.max(0, tail.length - 3));
  const out: CardAddress = {
    houseNo: thaiDigits(houseNo),
    moo: '',
    soi: '',
    road: '',
    subdistrict: areas[0]!.replace(SUBDISTRICT, ''),
    district: areas[1]!.replace(DISTRICT, ''),
    province: areas[2]!.replace(PROVINCE, ''),
    raw: raw.trim(),
  };
  const soi: string[] = [];
  for (const part of street) {
    if (MOO.test(part)) out.moo = thaiDigits(part.replace(MOO, '')).replace(/\D/g, '');
    else if (ROAD.test(part)) out.road = part.replace(ROAD, '');
    else soi.push(part.replace(SOI, ''));
  }
  out.soi = soi.join(' ');
  return out;
}

const key = (s: string): string => s.replace(/[\s\u200b.]/g, '');
const BANGKOK = new Set(['กรุงเทพฯ', 'กรุงเทพ', 'กทม']);

function byName<T extends { nameTh: string }>(list: readonly T[], name: string): T | undefined {
  const k = key(name);
  return k === '' ? undefined : list.find((a) => key(a.nameTh) === k);
}

/** DOPA codes for the card's subdistrict, district and province names; a name not found stays null. */
export function matchCardAddress(address: CardAddress, areas: AreaIndex): AreaMatch {
  const provinceName = BANGKOK.has(key(address.province)) ? 'กรุงเทพมหานคร' : address.province;
  const province = byName(areas.provinces(), provinceName);
  const districts = province ? areas.districtsOf(province.code) : [];
  // Some cards write the capital district as plain "เมือง"; DOPA names it after the province.
  const district =
    byName(districts, address.district) ??
    (province && key(address.district) === 'เมือง' ? byName(districts, `เมือง${province.nameTh}`) : undefined);
  const subdistrict = district ? byName(areas.subdistrictsOf(district.code), address.subdistrict) : undefined;
  return {
    provinceCode: province?.code ?? null,
    districtCode: district?.code ?? null,
    subdistrictCode: subdistrict?.code ?? null,
    postcode: subdistrict ? String(subdistrict.postcode).padStart(5, '0') : '',
  };
}
