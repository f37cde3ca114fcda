import { assessGrowth, type GrowthInput } from '../../domain/growth/assess';
import { loadGrowthReferences } from '../../domain/growth/load';
import { HEIGHT_TH, NUTRITION_TH, roundZ } from '../../domain/growth/status';
import { isIsoDate } from '../../domain/thai-date';
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

const FLAGS = ['--sex', '--birth', '--date', '--weight', '--height'] as const;
type Flag = (typeof FLAGS)[number];
const isFlag = (f: string): f is Flag => (FLAGS as readonly string[]).includes(f);

function parseArgs(args: readonly string[]): GrowthInput | string {
  const v: Partial<Record<Flag, string>> = {};
  let lying = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--lying') {
      lying = true;
      continue;
    }
    if (!isFlag(flag)) return `unknown argument "${args[i]}"`;
    const value = inline ?? args[++i];
    if (value === undefined) return `${flag} wants a value`;
    v[flag] = value;
  }
  const missing = FLAGS.filter((f) => v[f] === undefined);
  if (missing.length > 0) return `missing ${missing.join(', ')}`;
  const sex = v['--sex']!.toUpperCase();
  if (sex !== 'M' && sex !== 'F') return `--sex wants M or F, got "${v['--sex']}"`;
  for (const f of ['--birth', '--date'] as const) if (!isIsoDate(v[f]!)) return `${f} wants a real date as YYYY-MM-DD, got "${v[f]}"`;
  if (v['--date']! < v['--birth']!) return '--date is before --birth';
  const num = (f: '--weight' | '--height'): number | string => {
    const n = Number(v[f]);
    return /^\d+(\.\d+)?$/.test(v[f]!) && n > 0 ? n : `${f} wants a positive number, got "${v[f]}"`;
  };
  const weightKg = num('--weight');
  const heightCm = num('--height');
  if (typeof weightKg === 'string') return weightKg;
  if (typeof heightCm === 'string') return heightCm;
  return { sex, birthDate: v['--birth']!, measuredOn: v['--date']!, weightKg, heightCm, position: lying ? 'lying' : 'standing' };
}

const round2 = (n: number | null): number | null => (n === null ? null : roundZ(n));

export const growthCommand: Command = defineCommand({
  name: 'growth',
  summary: 'z-scores and Thai growth categories for one measurement (WHO 2006/2007)',
  usage,
  async run(args, io) {
    const input = parseArgs(args);
    if (typeof input === 'string') {
      io.err(`tabian growth: ${input}\n\n${usage}`);
      return 2;
    }
    const r = assessGrowth(input, await loadGrowthReferences());
    // Built explicitly so the key order on the wire is fixed.
    io.out(JSON.stringify({
      ageMonths: round2(r.ageMonths),
      bmi: round2(r.bmi),
      z: { bmiForAge: round2(r.z.bmiForAge), heightForAge: round2(r.z.heightForAge), weightForAge: round2(r.z.weightForAge) },
      status: {
        nutrition: r.status.nutrition ? NUTRITION_TH[r.status.nutrition] : null,
        height: r.status.height ? HEIGHT_TH[r.status.height] : null,
      },
      flags: r.flags,
      reference: r.reference,
    }));
    return 0;
  },
});
