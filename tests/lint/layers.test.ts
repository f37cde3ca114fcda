// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

const component = (imports: string) => `<script lang="ts">\n${imports}\n</script>\n<p>{String(x)}</p>\n`;

// The first lint loads the Svelte and TypeScript parsers (seconds on a busy machine).
describe('the lint rules that keep the layers apart', { timeout: 30_000 }, () => {
  it('keeps src/db and src/devices out of components, type names too', async () => {
    expect(
      await ruleIds(component("  import { appDb as x } from '../../db/database';"), 'src/ui/screens/X.svelte'),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await ruleIds(
        component("  import { openWay as x } from '../../devices/smartcard/detect';"),
        'src/ui/screens/X.svelte',
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await ruleIds(
        component("  import type { BundleRow } from '../../db/rows';\n  const x: BundleRow | null = null;"),
        'src/ui/screens/X.svelte',
      ),
    ).toContain('@typescript-eslint/no-restricted-imports');
    expect(
      await ruleIds(
        component(
          "  import type { BundleRow } from '../services/bundles-in.service';\n  const x: BundleRow | null = null;",
        ),
        'src/ui/screens/X.svelte',
      ),
    ).toEqual([]);
    expect(
      await ruleIds(component("  import { cardEnv as x } from '../services/card.service';"), 'src/ui/screens/X.svelte'),
    ).toEqual([]);
  });

  it('keeps src/ui out of db, io and devices, and io and db apart', async () => {
    const ui = "import { t } from '../ui/i18n/i18n.svelte';\nexport const x = t;\n";
    for (const layer of ['db', 'io', 'devices'])
      expect(await ruleIds(ui, `src/${layer}/x.ts`), layer).toContain('no-restricted-imports');
    expect(
      await ruleIds("import { appDb } from '../db/database';\nexport const x = appDb;\n", 'src/io/x.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIds("import { readSheet } from '../io/sheet';\nexport const x = readSheet;\n", 'src/db/x.ts'),
    ).toContain('no-restricted-imports');
    expect(await ruleIds("import Dexie from 'dexie';\nexport const d = Dexie;\n", 'src/io/x.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('lets services reach every layer', async () => {
    expect(
      await ruleIds(
        "import { appDb } from '../../db/database';\nimport { cardEnv } from '../../devices/environment';\nexport const x = [appDb, cardEnv];\n",
        'src/ui/services/x.ts',
      ),
    ).toEqual([]);
  });
});
