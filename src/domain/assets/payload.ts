// The survey as it travels in a school's submission: the certified building survey with the site, its
// buildings (building/1) and the certified equipment counts (equipment/1). Photos travel apart (bundle-format.md).
import { z } from 'zod';
import { isoDateSchema } from '../thai-date';
import { surveyAttestationSchema } from './round';
import { siteSchema } from './schema';
import { localDateTimeSchema, PHOTO_MIMES, photoSlotSchema } from '../photo/schema';

export const assetSurveyPayloadSchema = z.object({
  academicYear: z.number().int(),
  asOf: isoDateSchema,
  confirmation: surveyAttestationSchema,
  certification: surveyAttestationSchema,
  site: siteSchema,
  /** Each certified count sent, with who vouched for it. */
  equipment: z.array(
    z.object({
      countedOn: isoDateSchema,
      confirmation: surveyAttestationSchema,
      certification: surveyAttestationSchema,
    }),
  ),
});
export type AssetSurveyPayload = z.infer<typeof assetSurveyPayloadSchema>;

/** A building's or the site's photo as a submission carries it: the thumbnail only (about 320 px, JPEG). */
export const assetPhotoPayloadSchema = z.object({
  id: z.string().min(1),
  owner: z.enum(['building', 'site']),
  /** The survey year and the building's id ("2569/<id>"), or the year for the site ("2569"). */
  ownerId: z.string().min(1),
  slot: photoSlotSchema,
  takenAt: localDateTimeSchema,
  mime: z.enum(PHOTO_MIMES),
  width: z.number().int().min(1).max(2000),
  height: z.number().int().min(1).max(2000),
  /** The thumbnail's bytes, base64. */
  thumb: z.string().min(1).max(400_000),
});
export type AssetPhotoPayload = z.infer<typeof assetPhotoPayloadSchema>;
