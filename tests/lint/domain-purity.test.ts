// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

// The first lint loads the parsers (seconds on a busy machine).
describe('the lint rule that keeps src/domain pure', { timeout: 30_000 }, () => {
  it('rejects Svelte, Dexie, DOM globals and outer layers in the domain', async () => {
    expect(await ruleIds("import Dexie from 'dexie';\nexport const d = Dexie;\n", 'src/domain/x.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { mount } from 'svelte';\nexport const m = mount;\n", 'src/domain/x.ts')).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds("import { appDb } from '../db/database';\nexport const a = appDb;\n", 'src/domain/x.ts'),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('export const title = document.title;\n', 'src/domain/x.ts')).toContain(
      'no-restricted-globals',
    );
  });

  it('allows zod and the domain itself', async () => {
    expect(
      await ruleIds(
        "import { z } from 'zod';\nimport { checkId } from './ids';\nexport const s = [z, checkId];\n",
        'src/domain/x.ts',
      ),
    ).toEqual([]);
  });

  it('keeps Dexie inside src/db', async () => {
    expect(await ruleIds("import Dexie from 'dexie';\nexport const d = Dexie;\n", 'src/ui/x.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import Dexie from 'dexie';\nexport const d = Dexie;\n", 'src/db/x.ts')).toEqual([]);
  });
});
