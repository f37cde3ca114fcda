// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { growthCommand } from '../../src/cli/commands/growth';
import { fakeIo } from '../factories/io';

async function run(args: string): Promise<{ code: number; out: string[]; err: string }> {
  const io = fakeIo();
  const code = await growthCommand.run(args.split(' '), io);
  return { code, out: io.outLines, err: io.errLines.join('\n') };
}

// A boy of exactly 128 months (3,896 days) at WHO 2007's median height (141.2859 cm) and BMI +1 SD (18.923).
const boy128 =
  '{"ageMonths":128,"bmi":18.93,"z":{"bmiForAge":1,"heightForAge":0,"weightForAge":null},' +
  '"status":{"nutrition":"สมส่วน","height":"สูงตามเกณฑ์"},"flags":[],"reference":"WHO 2007"}';

describe('tabian growth', () => {
  it('prints the exact JSON: ages past 10 years have no weight-for-age', async () => {
    expect(await run('--sex M --birth 2010-01-01 --date 2020-09-01 --weight 37.8 --height 141.3')).toEqual({
      code: 0,
      out: [boy128],
      err: '',
    });
  });

  it('uses WHO 2006 below 61 months (a girl of exactly 4 years at the medians)', async () => {
    const { out } = await run('--sex F --birth 2020-03-01 --date 2024-03-01 --weight 16.1 --height 102.7');
    expect(out).toEqual([
      '{"ageMonths":48,"bmi":15.26,"z":{"bmiForAge":0,"heightForAge":-0.01,"weightForAge":0.01},' +
        '"status":{"nutrition":"สมส่วน","height":"สูงตามเกณฑ์"},"flags":[],"reference":"WHO 2006"}',
    ]);
  });

  it("prints WHO's flags and no category for an implausible value", async () => {
    const { out } = await run('--sex F --birth 2018-01-15 --date 2026-06-10 --weight 25 --height 12.5');
    expect(JSON.parse(out[0]!)).toMatchObject({
      ageMonths: 100.8,
      status: { nutrition: null, height: null },
      flags: ['bmiForAge.implausible', 'heightForAge.implausible'],
      reference: 'WHO 2007',
    });
  });

  it('accepts --flag=value and lowercase sex', async () => {
    expect((await run('--sex=m --birth=2010-01-01 --date=2020-09-01 --weight=37.8 --height=141.3')).out).toEqual([
      boy128,
    ]);
  });

  it.each([
    ['--sex X --birth 2010-01-01 --date 2020-09-01 --weight 37.8 --height 141.3', '--sex wants M or F'],
    ['--sex M --birth 2010-02-30 --date 2020-09-01 --weight 37.8 --height 141.3', '--birth wants a real date'],
    ['--sex M --birth 2010-01-01 --date 2009-09-01 --weight 37.8 --height 141.3', '--date is before --birth'],
    ['--sex M --birth 2010-01-01 --date 2020-09-01 --weight -3 --height 141.3', '--weight wants a positive number'],
    ['--sex M --birth 2010-01-01 --date 2020-09-01 --weight 37.8', 'missing --height'],
    [
      '--sex M --birth 2010-01-01 --date 2020-09-01 --weight 37.8 --height 141.3 --kg',
      'ไม่รู้จักตัวเลือก "--kg" / unknown option "--kg"',
    ],
  ])('refuses %s with exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toContain(message);
    expect(r.err).toContain('Usage: tabian growth');
  });

  it('runs as a real process through the command registry', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const stdout = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'growth',
        '--sex',
        'M',
        '--birth',
        '2010-01-01',
        '--date',
        '2020-09-01',
        '--weight',
        '37.8',
        '--height',
        '141.3',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(stdout).toBe(`${boy128}\n`);
  }, 30_000);
});
