/// <reference lib="webworker" />
// The import worker: SheetJS and the checks run here, so the screen stays responsive and can show progress.
import '../../domain/zod-jitless';
import { ImportEngine } from './engine';
import type { Request } from './protocol';

const engine = new ImportEngine();
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<Request>) => {
  void engine.handle(e.data, (reply) => scope.postMessage(reply));
};
