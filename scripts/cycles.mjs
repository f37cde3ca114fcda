// `npm run check`'s import-circle check over src/ (issue 19, decision 0027). Its own ~80 lines rather than
// madge or dpdm: it reads the <script> of .svelte files too, and counts `import type` (a circle through row
// types is still two modules that cannot be understood apart). Exit 1 on a circle not listed in KNOWN.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..'));
// Circles that other branches are removing (issue 19): listed by their members; none may be added.
const KNOWN = [];

const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|svelte)$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => join(ROOT, 'src', f));

function scriptOf(file) {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  const tries = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}.svelte.ts`, join(base, 'index.ts')];
  return tries.find((p) => existsSync(p) && statSync(p).isFile() && /\.(ts|svelte)$/.test(p)) ?? null;
}

const edges = new Map(
  files.map((f) => [
    f,
    [
      ...new Set(
        ts
          .preProcessFile(scriptOf(f), true, true)
          .importedFiles.map((i) => resolveImport(f, i.fileName))
          .filter((p) => p !== null),
      ),
    ],
  ]),
);

// Tarjan's strongly connected components: every component of more than one module is a circle.
let index = 0;
const idx = new Map(),
  low = new Map(),
  stack = [],
  onStack = new Set(),
  circles = [];
function visit(v) {
  idx.set(v, index);
  low.set(v, index);
  index++;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) !== idx.get(v)) return;
  const component = [];
  let w;
  do {
    w = stack.pop();
    onStack.delete(w);
    component.push(relative(ROOT, w));
  } while (w !== v);
  if (component.length > 1 || (edges.get(v) ?? []).includes(v)) circles.push(component.sort());
}
for (const f of files) if (!idx.has(f)) visit(f);

const known = new Set(KNOWN.map((c) => [...c].sort().join(' ')));
const fresh = circles.filter((c) => !known.has(c.join(' ')));
const gone = [...known].filter((k) => !circles.some((c) => c.join(' ') === k));
for (const c of fresh) console.error(`import circle: ${c.join(' ↔ ')}`);
for (const k of gone) console.warn(`scripts/cycles.mjs: the known circle ${k} is gone; take it out of KNOWN`);
if (fresh.length) process.exit(1);
console.log(
  `no import circles in ${files.length} modules of src/${KNOWN.length ? ` (${KNOWN.length} known, being removed)` : ''}`,
);
