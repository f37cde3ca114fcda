// `node scripts/format-guard.mjs [REF]`: after `npm run format`, shows every Svelte file whose rendered text
// changed against REF (default HEAD). Svelte keeps the whitespace inside a text node that holds an expression,
// so a formatter that breaks `{first} {last}` over two lines changes what textContent, copying and screen
// readers get, though the screen looks the same (decision 27). The compiled templates are compared, so script
// layout never counts; exit 1 when any text differs, with the before and after of each changed template.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { compile } from 'svelte/compiler';

const ref = process.argv[2] ?? 'HEAD';
const files = execFileSync('git', ['ls-files', '*.svelte'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
const templates = (source, filename) =>
  compile(source, { filename, generate: 'client', dev: false, css: 'external' }).js.code.match(/`[^`]*`/g) ?? [];

let changed = 0;
for (const f of files) {
  if (!existsSync(f)) continue;
  let before;
  try {
    before = execFileSync('git', ['show', `${ref}:${f}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    continue; // new since REF: nothing to compare with
  }
  const a = templates(before, f);
  const b = templates(readFileSync(f, 'utf8'), f);
  if (JSON.stringify(a) === JSON.stringify(b)) continue;
  changed++;
  console.log(f);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) console.log(`  - ${JSON.stringify(a[i])}\n  + ${JSON.stringify(b[i])}`);
  }
}
console.log(
  changed ? `${changed} Svelte files render different text` : `the text of ${files.length} Svelte files is unchanged`,
);
process.exit(changed ? 1 : 0);
