import { assessGrowth, type GrowthInput } from '../../domain/growth/assess';
import { loadGrowthReferences } from '../../domain/growth/load';
import { HEIGHT_TH, NUTRITION_TH, roundZ } from '../../domain/growth/status';
import { isIsoDate } from '../../domain/thai-date';
import { parseCommandArgs, UsageError } from '../args';
import { defineCommand, type Command } from '../command';

const usage = [
  'Usage: tabian growth --sex M|F --birth YYYY-MM-DD --date YYYY-MM-DD --weight KG --height CM [--lying]',
  'Prints one JSON line, computed by the same code as the app:',
  '  {"ageMonths","bmi","z":{"bmiForAge","heightForAge","weightForAge"},"status":{"nutrition","height"},"flags","reference"}',
  'ageMonths is the exact age (days / 30.4375); bmi and z have two decimals; weightForAge is null after 10 years.',
  'reference is "WHO 2006" below 61 months and "WHO 2007" from 61 months to 19 years (null beyond).',
  'status holds the Thai categories (Department of Health SD cut-offs) computed from the WHO references;',
  'a value WHO flags as implausible gets no category. --lying: the length was measured lying down.',
  'Exit 0 on success, 2 on bad arguments.',
].join('\n');

const OPTIONS = {
  sex: { type: 'string' },
  birth: { type: 'string' },
  date: { type: 'string' },
  weight: { type: 'string' },
  height: { type: 'string' },
  lying: { type: 'boolean' },
} as const;
const REQUIRED = ['sex', 'birth', 'date', 'weight', 'height'] as const;

const bad = (th: string, en: string): never => {
  throw new UsageError(th, en);
};

function input(args: readonly string[]): GrowthInput {
  const { values: v } = parseCommandArgs(args, OPTIONS, false);
  const missing = REQUIRED.filter((f) => v[f] === undefined)
    .map((f) => `--${f}`)
    .join(', ');
  if (missing) bad(`ขาด ${missing}`, `missing ${missing}`);
  const sex = v.sex!.toUpperCase();
  if (sex !== 'M' && sex !== 'F')
    return bad(`--sex ต้องเป็น M หรือ F ไม่ใช่ "${v.sex}"`, `--sex wants M or F, got "${v.sex}"`);
  for (const f of ['birth', 'date'] as const) {
    if (!isIsoDate(v[f]!))
      bad(`--${f} ต้องเป็นวันที่จริงแบบ YYYY-MM-DD ไม่ใช่ "${v[f]}"`, `--${f} wants a real date as YYYY-MM-DD, got "${v[f]}"`);
  }
  if (v.date! < v.birth!) bad('--date อยู่ก่อน --birth', '--date is before --birth');
  const num = (f: 'weight' | 'height'): number => {
    const n = Number(v[f]);
    return /^\d+(\.\d+)?$/.test(v[f]!) && n > 0
      ? n
      : bad(`--${f} ต้องเป็นจำนวนบวก ไม่ใช่ "${v[f]}"`, `--${f} wants a positive number, got "${v[f]}"`);
  };
  return {
    sex,
    birthDate: v.birth!,
    measuredOn: v.date!,
    weightKg: num('weight'),
    heightCm: num('height'),
    position: v.lying ? 'lying' : 'standing',
  };
}

const round2 = (n: number | null): number | null => (n === null ? null : roundZ(n));

export const growthCommand: Command = defineCommand({
  name: 'growth',
  summary: 'z-scores and Thai growth categories for one measurement (WHO 2006/2007)',
  usage,
  async run(args, io) {
    const r = assessGrowth(input(args), await loadGrowthReferences());
    // Built explicitly so the key order on the wire is fixed.
    io.out(
      JSON.stringify({
        ageMonths: round2(r.ageMonths),
        bmi: round2(r.bmi),
        z: {
          bmiForAge: round2(r.z.bmiForAge),
          heightForAge: round2(r.z.heightForAge),
          weightForAge: round2(r.z.weightForAge),
        },
        status: {
          nutrition: r.status.nutrition ? NUTRITION_TH[r.status.nutrition] : null,
          height: r.status.height ? HEIGHT_TH[r.status.height] : null,
        },
        flags: r.flags,
        reference: r.reference,
      }),
    );
    return 0;
  },
});
