import { z } from 'zod';

// The device's one-time set-up: a school's profile or a district office's. Version 1.

export const SCHOOL_LEVELS = ['kindergarten', 'primary', 'lower-secondary', 'upper-secondary', 'vocational'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

const digits = (n: number, rule: string) => z.string().regex(new RegExp(`^\\d{${n}}$`), rule);
const trimmed = (rule: string) => z.string().trim().min(1, rule);

export const gpsSchema = z.object({
  lat: z.number().min(5, 'gps.outside_thailand').max(21, 'gps.outside_thailand'),
  lon: z.number().min(97, 'gps.outside_thailand').max(106, 'gps.outside_thailand'),
  accuracyM: z.number().nonnegative().nullable(),
  source: z.enum(['device', 'manual']),
});
export type Gps = z.infer<typeof gpsSchema>;

export const schoolAddressSchema = z.object({
  houseNo: z.string().trim(),
  moo: z.string().trim(),
  road: z.string().trim(),
  provinceCode: z.number().int().positive('address.province_missing'),
  districtCode: z.number().int().positive('address.district_missing'),
  subdistrictCode: z.number().int().positive('address.subdistrict_missing'),
  postcode: z.string().regex(/^\d{5}$/, 'address.postcode'),
});
export type SchoolAddress = z.infer<typeof schoolAddressSchema>;

export const schoolProfileSchema = z.object({
  kind: z.literal('school'),
  version: z.literal(1),
  moeCode: digits(10, 'school.moe_code'),
  smisCode: digits(8, 'school.smis_code'),
  nameTh: trimmed('school.name_th'),
  nameEn: z.string().trim(),
  districtOffice: z.object({ code: z.string().trim(), name: trimmed('school.district_office') }),
  directorName: trimmed('school.director'),
  levels: z.array(z.enum(SCHOOL_LEVELS)).min(1, 'school.levels'),
  address: schoolAddressSchema,
  gps: gpsSchema.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SchoolProfile = z.infer<typeof schoolProfileSchema>;

export const districtProfileSchema = z.object({
  kind: z.literal('district'),
  version: z.literal(1),
  code: z
    .string()
    .trim()
    .regex(/^\d{2,10}$/, 'district.code'),
  name: trimmed('district.name'),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type DistrictProfile = z.infer<typeof districtProfileSchema>;

export const deviceProfileSchema = z.discriminatedUnion('kind', [schoolProfileSchema, districtProfileSchema]);
export type DeviceProfile = z.infer<typeof deviceProfileSchema>;

export type ProfileDraft<T> = Omit<T, 'version' | 'createdAt' | 'updatedAt'>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: { field: string; rule: string }[] };

/** Checks a draft from the set-up form; `now` is the save time (ISO with offset). */
export function parseProfile(
  draft: ProfileDraft<SchoolProfile> | ProfileDraft<DistrictProfile>,
  now: string,
  createdAt: string = now,
): ParseResult<DeviceProfile> {
  const result = deviceProfileSchema.safeParse({ ...draft, version: 1, createdAt, updatedAt: now });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({ field: i.path.join('.'), rule: ruleOf(i.message, i.path) })),
  };
}

// Zod's own messages (wrong type, missing key) become a generic rule for the field.
function ruleOf(message: string, path: PropertyKey[]): string {
  return /^[a-z_]+\.[a-z_]+$/.test(message) ? message : `${String(path[0] ?? 'profile')}.invalid`;
}

/** Reads typed coordinates (a Thai keyboard may give a decimal comma); both empty means "not known yet". */
export function gpsFromText(
  latText: string,
  lonText: string,
  source: Gps['source'],
  accuracyM: number | null,
): { ok: true; gps: Gps | null } | { ok: false; rule: 'gps.incomplete' | 'gps.outside_thailand' } {
  const lat = latText.trim().replace(',', '.');
  const lon = lonText.trim().replace(',', '.');
  if (lat === '' && lon === '') return { ok: true, gps: null };
  const latN = Number(lat);
  const lonN = Number(lon);
  if (lat === '' || lon === '' || !Number.isFinite(latN) || !Number.isFinite(lonN))
    return { ok: false, rule: 'gps.incomplete' };
  const parsed = gpsSchema.safeParse({ lat: latN, lon: lonN, accuracyM, source });
  return parsed.success ? { ok: true, gps: parsed.data } : { ok: false, rule: 'gps.outside_thailand' };
}
