// zod 4 compiles object parsers with `new Function` unless told not to. The page is told before any module
// loads (public/zod-jitless.js, because the served Content-Security-Policy has no 'unsafe-eval'); the
// workers, which that policy does not reach, import this first so that they parse the same way.
import { z } from 'zod';

z.config({ jitless: true });
