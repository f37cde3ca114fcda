// The card bridge: serves one card transport per WebSocket on 127.0.0.1, only to the app's own origins,
// only after the pairing code it prints was typed into the app once. It never logs card data.
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { toCardError, toHex, fromHex, type CardTransport } from '../smartcard/transport';
import type { PcscService } from './pcsc';
import {
  BRIDGE_PROTOCOL,
  CLOSE,
  clientMessageSchema,
  parseFrame,
  type ClientMessage,
  type ServerMessage,
} from './protocol';
import type { TokenStore } from './tokens';

export interface BridgeOptions {
  port: number;
  /** Exact origins allowed, e.g. "http://127.0.0.1:4173". */
  origins: readonly string[];
  pcsc: PcscService;
  tokens: TokenStore;
  log: (line: string) => void;
  /** The clock (ms since 1970); tests pass their own. */
  now?: () => number;
  /** The pairing limits; tests pass shorter delays. */
  limits?: PairingLimits;
}

/**
 * The guessing budget (docs/security.md): a 15-digit code (≈ 50 bits); after each wrong code every
 * pairing attempt waits twice as long as the last (1 s, 2 s, 4 s … at most 60 s), the wrong attempt's
 * connection is held that long before it is closed, and after 10 wrong codes pairing stops until the
 * bridge is restarted. So one run of the bridge allows at most 10 guesses: a chance of 10 in 10^15.
 */
export interface PairingLimits {
  maxFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
}
export const PAIRING_LIMITS: PairingLimits = { maxFailures: 10, firstDelayMs: 1000, maxDelayMs: 60_000 };
export const CODE_DIGITS = 15;

export interface Bridge {
  readonly port: number;
  /** The pairing code now valid; it changes after each use. */
  readonly code: string;
  /** False once too many wrong codes were tried: only a restart opens pairing again. */
  readonly pairingOpen: boolean;
  close(): Promise<void>;
}

const HELLO_TIMEOUT_MS = 10_000;

export const normaliseOrigin = (origin: string): string => new URL(origin).origin;
// Three draws of five digits: randomInt takes at most 2^48 − 1 as its range.
const newCode = (): string =>
  Array.from({ length: CODE_DIGITS / 5 }, () => String(randomInt(0, 100_000)).padStart(5, '0')).join('');
/** The code as printed: three groups of five digits. */
export const showCode = (code: string): string => code.replace(/(\d{5})(?=\d)/g, '$1 ');
const sameText = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const allowed = new Set(options.origins.map(normaliseOrigin));
  const server = new WebSocketServer({ host: '127.0.0.1', port: options.port, maxPayload: 8192 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as { port: number }).port;
  const now = options.now ?? Date.now;
  const limits = options.limits ?? PAIRING_LIMITS;
  let code = newCode();
  let failures = 0;
  let nextAttemptAt = 0;
  const renewCode = (why: string) => {
    code = newCode();
    options.log(`${why} รหัสจับคู่ใหม่ / new pairing code: ${showCode(code)}`);
  };
  const pairingOpen = () => failures < limits.maxFailures;

  /** Checks a typed code within the budget; returns how long to hold a refused connection. */
  const tryCode = (typed: string): { ok: true } | { ok: false; holdMs: number } => {
    if (!pairingOpen()) return { ok: false, holdMs: 0 };
    // During the back-off no code is even compared: waiting is the only way to another guess.
    if (now() < nextAttemptAt) return { ok: false, holdMs: nextAttemptAt - now() };
    if (sameText(typed, code)) return { ok: true };
    failures++;
    const delay = Math.min(limits.firstDelayMs * 2 ** (failures - 1), limits.maxDelayMs);
    nextAttemptAt = now() + delay;
    if (!pairingOpen())
      options.log(
        `ใส่รหัสผิด ${failures} ครั้ง หยุดรับการจับคู่แล้ว: ปิดแล้วเปิดโปรแกรมเชื่อมใหม่ / ${failures} wrong codes: pairing is off until the bridge is restarted.`,
      );
    return { ok: false, holdMs: delay };
  };

  // A page on another site (or a DNS-rebinding name for 127.0.0.1) must never reach the card.
  const refusal = (req: IncomingMessage): string | null => {
    const origin = req.headers.origin ?? '';
    if (!allowed.has(origin)) return `origin "${origin || '(none)'}" is not allowed`;
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return `host "${host}" is not this bridge`;
    return null;
  };

  server.on('connection', (socket, req) => {
    const why = refusal(req);
    if (why) {
      options.log(`ปฏิเสธ / refused: ${why}`);
      socket.close(CLOSE.ORIGIN, 'origin not allowed');
      return;
    }
    const origin = req.headers.origin!;
    let paired = false;
    let card: CardTransport | null = null;
    const send = (m: ServerMessage) => socket.send(JSON.stringify(m));
    const timer = setTimeout(() => socket.close(CLOSE.TIMEOUT, 'no hello'), HELLO_TIMEOUT_MS);

    let helloSeen = false;
    const hello = (m: Extract<ClientMessage, { type: 'hello' }>) => {
      clearTimeout(timer);
      // One hello per connection: a refused one is held open, then closed, never retried on it.
      if (helloSeen) return;
      helloSeen = true;
      if (m.token && options.tokens.has(m.token, origin, now())) {
        paired = true;
        send({ type: 'welcome', v: BRIDGE_PROTOCOL, token: m.token });
        return;
      }
      const tried = m.code ? tryCode(m.code) : { ok: false as const, holdMs: 0 };
      if (tried.ok) {
        paired = true;
        send({ type: 'welcome', v: BRIDGE_PROTOCOL, token: options.tokens.issue(origin, now()) });
        renewCode(`จับคู่กับ ${origin} แล้ว / paired with ${origin}.`);
      } else {
        const close = setTimeout(() => socket.close(CLOSE.UNPAIRED, 'pairing required'), tried.holdMs);
        socket.once('close', () => clearTimeout(close));
      }
    };

    const handle = async (m: ClientMessage) => {
      if (m.type === 'connect') {
        await card?.close();
        card = null;
        const readers = await options.pcsc.readers();
        if (readers.length === 0) return send({ type: 'error', code: 'no_reader' });
        const reader = readers.find((r) => r.cardPresent) ?? readers[0]!;
        card = await options.pcsc.connect(reader.name);
        send({ type: 'connected', reader: reader.name, atr: toHex(card.atr) });
      } else if (m.type === 'transmit') {
        if (!card) return send({ type: 'error', id: m.id, code: 'no_card' });
        send({ type: 'response', id: m.id, data: toHex(await card.transmit(fromHex(m.apdu))) });
      } else if (m.type === 'disconnect') {
        await card?.close();
        card = null;
      }
    };

    // One message at a time per connection, so responses keep the order of the commands.
    let queue = Promise.resolve();
    socket.on('message', (data, isBinary) => {
      const m = isBinary ? null : parseFrame(clientMessageSchema, data.toString());
      if (!m) return socket.close(CLOSE.BAD_MESSAGE, 'bad message');
      if (!paired) return m.type === 'hello' ? hello(m) : socket.close(CLOSE.UNPAIRED, 'pairing required');
      queue = queue
        .then(() => handle(m))
        .catch((e: unknown) => {
          const err = toCardError(e);
          send({ type: 'error', id: m.type === 'transmit' ? m.id : undefined, code: err.code });
        });
    });
    socket.on('close', () => {
      clearTimeout(timer);
      void queue.then(() => card?.close());
    });
  });

  return {
    port,
    get code() {
      return code;
    },
    get pairingOpen() {
      return pairingOpen();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) (client as WebSocket).terminate();
        server.close(() => resolve());
      }),
  };
}
