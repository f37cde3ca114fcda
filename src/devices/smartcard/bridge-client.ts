// The app's side of the card bridge (src/devices/bridge): a CardTransport over a WebSocket to 127.0.0.1.
import {
  CLOSE,
  BRIDGE_PROTOCOL,
  parseFrame,
  serverMessageSchema,
  type ClientMessage,
  type ServerMessage,
} from '../bridge/protocol';
import { CardError, fromHex, toHex, type CardTransport } from './transport';

/** The part of WebSocket used here; the browser's and the `ws` package's both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (e: { code: number }) => void): void;
}
export type SocketFactory = (url: string) => SocketLike;

export interface BridgeTarget {
  port: number;
  /** The token from an earlier pairing; null until paired. */
  token: string | null;
  socket?: SocketFactory;
}

const OPEN_TIMEOUT_MS = 3000;
const browserSocket: SocketFactory = (url) => new WebSocket(url);

const closeError = (code: number): CardError =>
  code === CLOSE.ORIGIN
    ? new CardError('bridge_origin')
    : code === CLOSE.UNPAIRED
      ? new CardError('bridge_unpaired')
      : new CardError('bridge_unreachable', `closed with ${code}`);

/** One connection: answers each request with the next message from the bridge, in order. */
class Session {
  private waiting: { resolve: (m: ServerMessage) => void; reject: (e: CardError) => void }[] = [];
  private ended: CardError | null = null;

  constructor(private socket: SocketLike) {
    socket.addEventListener('message', (e) => {
      const m = parseFrame(serverMessageSchema, e.data);
      const w = this.waiting.shift();
      if (!w) return;
      if (!m) w.reject(new CardError('card_failed', 'unreadable message from the bridge'));
      else if (m.type === 'error') w.reject(new CardError(m.code, m.message));
      else w.resolve(m);
    });
    socket.addEventListener('close', (e) => {
      this.ended = closeError(e.code);
      for (const w of this.waiting.splice(0)) w.reject(this.ended);
    });
  }

  request<T extends ServerMessage['type']>(m: ClientMessage, expect: T): Promise<Extract<ServerMessage, { type: T }>> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      this.waiting.push({
        resolve: (r) =>
          r.type === expect
            ? resolve(r as Extract<ServerMessage, { type: T }>)
            : reject(new CardError('card_failed', `unexpected ${r.type}`)),
        reject,
      });
      this.socket.send(JSON.stringify(m));
    });
  }

  send(m: ClientMessage): void {
    if (!this.ended) this.socket.send(JSON.stringify(m));
  }

  close(): void {
    this.socket.close(1000);
  }
}

async function openSession(
  target: BridgeTarget,
  hello: { code?: string; token?: string },
): Promise<{ session: Session; token: string }> {
  const socket = (target.socket ?? browserSocket)(`ws://127.0.0.1:${target.port}/`);
  // A refused connection (nothing listening) shows only as error + close 1006, the same in every browser.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new CardError('bridge_unreachable', 'timeout')), OPEN_TIMEOUT_MS);
    socket.addEventListener('error', () => undefined);
    socket.addEventListener('open', () => (clearTimeout(timer), resolve()));
    socket.addEventListener('close', (e) => (clearTimeout(timer), reject(closeError(e.code))));
  });
  const session = new Session(socket);
  const welcome = await session.request({ type: 'hello', v: BRIDGE_PROTOCOL, ...hello }, 'welcome');
  return { session, token: welcome.token };
}

/** Pairs with the code the bridge shows; resolves to the token to keep for later connections. */
export async function pairBridge(target: BridgeTarget, code: string): Promise<string> {
  const { session, token } = await openSession(target, { code });
  session.close();
  return token;
}

/** Whether the bridge answers and accepts our token: throws the CardError that says why not. */
export async function checkBridge(target: BridgeTarget): Promise<void> {
  // Without a token the bridge still answers (refusing us), which tells a running bridge from none.
  const { session } = await openSession(target, target.token ? { token: target.token } : {});
  session.close();
}

export async function openBridgeTransport(target: BridgeTarget): Promise<CardTransport> {
  if (!target.token) throw new CardError('bridge_unpaired');
  const { session } = await openSession(target, { token: target.token });
  try {
    const connected = await session.request({ type: 'connect' }, 'connected');
    let id = 0;
    return {
      atr: fromHex(connected.atr),
      async transmit(apdu) {
        const r = await session.request({ type: 'transmit', id: id++, apdu: toHex(apdu) }, 'response');
        return fromHex(r.data);
      },
      async close() {
        session.send({ type: 'disconnect' });
        session.close();
      },
    };
  } catch (e) {
    session.close();
    throw e;
  }
}
