// Messages between the bench page and its worker; each request is answered once.
export type WorkerRequest =
  | { type: 'validate'; count: number; asOf: string }
  | { type: 'sheet'; bytes: ArrayBuffer }
  | { type: 'pipeline'; bytes: ArrayBuffer; asOf: string }
  | { type: 'district-floor'; urls: string[] };

export type Counters = Record<string, number>;
export type WorkerReply =
  | { type: 'validated'; ms: number; floorMs: number; counters: Counters }
  | { type: 'parsed' | 'floor' | 'pipeline'; ms: number; counters: Counters }
  | { type: 'failed'; message: string };
