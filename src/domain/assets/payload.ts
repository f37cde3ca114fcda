// The survey as it travels in a school's submission: the certified building survey with the site, its
// buildings (building/1) and the certified equipment counts (equipment/1). Photos travel apart (bundle-format.md).
import { z } from 'zod';
import { isoDateSchema } from '../thai-date';
import { surveyAttestationSchema } from './round';
import { siteSchema } from './schema';

export const assetSurveyPayloadSchema = z.object({
  academicYear: z.number().int(),
  asOf: isoDateSchema,
  confirmation: surveyAttestationSchema,
  certification: surveyAttestationSchema,
  site: siteSchema,
  /** Each certified count sent, with who vouched for it. */
  equipment: z.array(z.object({ countedOn: isoDateSchema, confirmation: surveyAttestationSchema, certification: surveyAttestationSchema })),
});
export type AssetSurveyPayload = z.infer<typeof assetSurveyPayloadSchema>;
