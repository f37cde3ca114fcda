// The card bridge: serves one card transport per WebSocket on 127.0.0.1, only to the app's own origins,
// only after the pairing code it prints was typed into the app once. It never logs card data.
import { randomInt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { toCardError, toHex, fromHex, type CardTransport } from '../smartcard/transport';
import type { PcscService } from './pcsc';
import { BRIDGE_PROTOCOL, CLOSE, clientMessageSchema, parseFrame, type ClientMessage, type ServerMessage } from './protocol';
import type { TokenStore } from './tokens';

export interface BridgeOptions {
  port: number;
  /** Exact origins allowed, e.g. "http://127.0.0.1:4173". */
  origins: readonly string[];
  pcsc: PcscService;
  tokens: TokenStore;
  log: (line: string) => void;
}

export interface Bridge {
  readonly port: number;
  /** The pairing code now valid; it changes after each use and after repeated wrong guesses. */
  readonly code: string;
  close(): Promise<void>;
}

const HELLO_TIMEOUT_MS = 10_000;
const WRONG_CODES_BEFORE_NEW = 5;

export const normaliseOrigin = (origin: string): string => new URL(origin).origin;
const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
const sameText = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const allowed = new Set(options.origins.map(normaliseOrigin));
  const server = new WebSocketServer({ host: '127.0.0.1', port: options.port, maxPayload: 8192 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const port = (server.address() as { port: number }).port;
  let code = newCode();
  let wrong = 0;
  const renewCode = (why: string) => {
    code = newCode();
    wrong = 0;
    options.log(`${why} รหัสจับคู่ใหม่ / new pairing code: ${code}`);
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

    const hello = (m: Extract<ClientMessage, { type: 'hello' }>) => {
      clearTimeout(timer);
      if (m.token && options.tokens.has(m.token)) {
        paired = true;
        send({ type: 'welcome', v: BRIDGE_PROTOCOL, token: m.token });
      } else if (m.code && sameText(m.code, code)) {
        paired = true;
        send({ type: 'welcome', v: BRIDGE_PROTOCOL, token: options.tokens.issue() });
        renewCode(`จับคู่กับ ${origin} แล้ว / paired with ${origin}.`);
      } else {
        if (m.code && ++wrong >= WRONG_CODES_BEFORE_NEW) renewCode('ใส่รหัสผิดหลายครั้ง / too many wrong codes.');
        socket.close(CLOSE.UNPAIRED, 'pairing required');
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
      queue = queue.then(() => handle(m)).catch((e: unknown) => {
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
    close: () => new Promise<void>((resolve) => {
      for (const client of server.clients) (client as WebSocket).terminate();
      server.close(() => resolve());
    }),
  };
}
