// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tabian-cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(root: string): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('node', ['scripts/cycles.mjs', root], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return { code: err.status, out: err.stderr };
  }
}

// Each run loads TypeScript (a few seconds on a busy machine).
describe('the import-circle check in npm run check', { timeout: 30_000 }, () => {
  it('fails on a circle, also through a type-only import or a Svelte component', () => {
    const types = check(
      tree({
        'src/db/a.ts': "import type { B } from './b';\nexport type A = B;\n",
        'src/db/b.ts': "import { a } from './a';\nexport type B = typeof a;\n",
      }),
    );
    expect(types.code).toBe(1);
    expect(types.out).toContain('src/db/a.ts ↔ src/db/b.ts');
    const svelte = check(
      tree({
        'src/ui/C.svelte': '<script lang="ts">\n  import { s } from \'./s.svelte\';\n</script>\n',
        'src/ui/s.svelte.ts': "import C from './C.svelte';\nexport const s = C;\n",
      }),
    );
    expect(svelte.code).toBe(1);
  });

  it('passes a tree that only points one way', () => {
    const ok = check(
      tree({
        'src/ui/a.ts': "import { b } from '../db/b';\nexport const a = b;\n",
        'src/db/b.ts': 'export const b = 1;\n',
      }),
    );
    expect(ok.code).toBe(0);
  });
});
