// Runs before any module: zod 4 reads this object when it loads, and its object schemas decide at
// construction whether to compile parsers with `new Function`. The app's Content-Security-Policy has no
// 'unsafe-eval', so zod must never try (even its probe is reported as a violation). See docs/security.md.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
