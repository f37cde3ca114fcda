// What the sign-in screen loads (issue 24, decision 0042): every module reached from src/ui/main.ts by static
// imports is in the first screen's JavaScript (the bench's `first-screen-js`, < 150 KB gzipped). Modules the
// first screen does not need must stay behind a dynamic import(); this follows the static imports (type-only
// ones are erased and skipped) and names the chain that brought one in.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

function scriptOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  const tries = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')];
  return tries.find((p) => existsSync(p) && statSync(p).isFile()) ?? null;
}

/** The module specifiers a file loads statically: `import type` and `export type` are left out. */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, scriptOf(file), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier))
      out.push(node.moduleSpecifier.text);
    if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      out.push(node.moduleSpecifier.text);
  }
  return out;
}

/** Every source module the entry reaches by static imports, each with the chain that first reached it. */
function firstScreen(entry: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of staticImports(file)) {
      const next = resolveImport(file, spec);
      if (!next || chains.has(next) || !/\.(ts|svelte)$/.test(next)) continue;
      chains.set(next, [...chains.get(file)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

// Each was once on the first screen and is not needed there (docs/performance.md, issue 24).
const NOT_ON_FIRST_SCREEN = [
  'src/db/backup-repo.ts', // a backup's every store schema (row-schemas.ts), through the storage-error path
  'src/db/row-schemas.ts',
  'src/db/round-repo.ts',
  'src/domain/codes.ts', // the DMC code lists, parsed when loaded
  'src/ui/services/safety.service.ts',
  'src/ui/screens/users/FirstUser.svelte', // a new device only
  'src/ui/shell/Shell.svelte', // fetched while the PIN is typed
  'src/db/key-repo.ts', // opened after a right PIN, fetched while it is typed
  'src/db/vault-repo.ts',
  'src/ui/screens/setup/Setup.svelte',
];

describe('the first screen', () => {
  const reached = firstScreen(join(ROOT, 'src/ui/main.ts'));

  it('follows the static imports from the entry to the sign-in screen', () => {
    const names = [...reached.keys()].map((f) => relative(ROOT, f));
    expect(names).toContain('src/ui/screens/users/SignIn.svelte');
    expect(names).toContain('src/ui/services/users.service.ts');
    expect(names).toContain('src/ui/services/errors.ts');
  });

  it.each(NOT_ON_FIRST_SCREEN)('does not load %s', (module) => {
    const chain = reached.get(join(ROOT, module));
    expect(chain?.map((f) => relative(ROOT, f)).join(' → ') ?? null).toBeNull();
  });
});
