// The exchange match at national scale (opt-in: `npm run bench -- --only exchange [--national-size N]`):
// N of our children's tokens against 0.46 N of another system's (6.5 million against 3 million at full size),
// a planted share of them the same children, matched by `matchTokens`; the floor is a bare hash join of the ID
// tokens alone. Encoding is measured too (a counter), with the CLI's synchronous HMAC.
import { tokenEncoder, type TokenLine } from '../../src/domain/exchange/tokens';
import { matchTokens } from '../../src/domain/exchange/match';
import { nodeHmacSha256 } from '../../src/cli/exchange/hmac';
import { generatedStudent } from '../../tests/fixtures/district';
import type { BenchCase } from '../lib/context';
import { result } from '../lib/stats';
import { NATIONAL_FULL } from './national';

export const exchange: BenchCase = async (ctx) => {
  const ours = ctx.nationalSize ?? (ctx.quick ? 20_000 : NATIONAL_FULL);
  const theirs = Math.round(ours * (3 / 6.5));
  // As `tabian exchange encode` runs it: node:crypto's HMAC (decision 41).
  const { encode } = await tokenEncoder(new TextEncoder().encode('bench-secret-of-32-bytes-exactly!'), {
    hmac: nodeHmacSha256,
  });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const a: TokenLine[] = [];
  const b: TokenLine[] = [];
  for (let i = 0; i < ours; i++) a.push(await encode({ ref: `o${i}`, ...generatedStudent(i) }));
  // One in a hundred of theirs is one of ours (by ID); the rest are other children.
  for (let i = 0; i < theirs; i++)
    b.push(await encode({ ref: `t${i}`, ...generatedStudent(i % 100 === 0 ? i : ours + i) }));
  const encodeMs = performance.now() - t0;
  const encodeCpu = process.cpuUsage(cpu0);
  let top = process.memoryUsage().rss;
  const t1 = performance.now();
  const pairs = matchTokens(a, b);
  const matchMs = performance.now() - t1;
  top = Math.max(top, process.memoryUsage().rss);
  const t2 = performance.now();
  const index = new Map(b.filter((x) => x.id).map((x) => [x.id!, x.ref]));
  let floorHits = 0;
  for (const x of a) if (x.id && index.has(x.id)) floorHits++;
  const floorMs = performance.now() - t2;
  ctx.log(`exchange: ${ours} × ${theirs} tokens, ${pairs.length} pairs`);
  return [
    result({
      id: 'exchange-match',
      title: `exchange: match ${ours.toLocaleString('en-US')} against ${theirs.toLocaleString('en-US')} tokens`,
      runs: [matchMs],
      floor: { what: 'hash join of the ID tokens alone', runs: [floorMs] },
      counters: {
        pairs: pairs.length,
        idHits: floorHits,
        encodeSeconds: encodeMs / 1000,
        encodePerThousandMs: (encodeMs / (ours + theirs)) * 1000,
        encodeCpuSeconds: (encodeCpu.user + encodeCpu.system) / 1e6,
        peakRssMb: top / 2 ** 20,
      },
    }),
  ];
};
