import { z } from 'zod';

// DOPA codes as numbers (province 2 digits, district 4, subdistrict 6), as in src/domain/areas; DMC's 8-digit form is for export only.
const dopaCode = z.number().int().positive().nullable().default(null);

export const addressSchema = z.object({
  /** รหัสประจำบ้าน: the 11-digit house code from the house registration book. */
  houseCode: z.string().default(''),
  houseNo: z.string().default(''),
  moo: z.string().default(''),
  /** ถนน/ซอย */
  road: z.string().default(''),
  subdistrictCode: dopaCode,
  districtCode: dopaCode,
  provinceCode: dopaCode,
  postcode: z
    .string()
    .regex(/^(\d{5})?$/, 'expected 5 digits')
    .default(''),
  phone: z.string().default(''),
});
export type Address = z.infer<typeof addressSchema>;

export const addressesSchema = z.object({
  /** ที่อยู่ตามทะเบียนบ้าน */
  registered: addressSchema.prefault({}),
  /** ที่อยู่ปัจจุบัน */
  current: addressSchema.prefault({}),
});
export type Addresses = z.infer<typeof addressesSchema>;
