// One worker of `verify-pool.ts`: verifies the submissions it is sent, one at a time, and replies.
import { parentPort } from 'node:worker_threads';
import type { Bytes } from '../../domain/bundle/bytes';
import type { IncomingOptions } from '../../domain/district/incoming';
import { verifySubmission } from './verify-pool';

parentPort!.on('message', (job: { id: number; bytes: Bytes; opts: IncomingOptions }) => {
  verifySubmission(job.bytes, job.opts).then(
    (value) => parentPort!.postMessage({ id: job.id, ok: true, value }),
    (e: unknown) =>
      parentPort!.postMessage({
        id: job.id,
        ok: false,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      }),
  );
});
