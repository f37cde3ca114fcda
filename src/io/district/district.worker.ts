// The district worker: bundles are verified and cross-checked here, so the screens stay responsive.
// Typed without the DOM library, so the Node type check reads it too.
import '../../domain/zod-jitless';
import { handle } from './engine';
import type { Reply, Request } from './protocol';

const scope = globalThis as unknown as {
  onmessage: ((e: { data: Request }) => void) | null;
  postMessage(reply: Reply): void;
};
scope.onmessage = (e) => {
  void handle(e.data, (reply) => scope.postMessage(reply));
};
