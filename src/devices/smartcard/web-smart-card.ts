// The Web Smart Card API (navigator.smartCard: PC/SC in the browser; Chrome 143+, Isolated Web Apps on ChromeOS).
import { CardError, type CardErrorCode, type CardTransport } from './transport';

type Protocol = 't0' | 't1' | 'raw';
type Flags = Partial<
  Record<
    | 'unaware'
    | 'ignore'
    | 'changed'
    | 'unavailable'
    | 'empty'
    | 'present'
    | 'exclusive'
    | 'inuse'
    | 'mute'
    | 'unpowered',
    boolean
  >
>;

export interface SmartCardReaderStateIn {
  readerName: string;
  currentState: Flags;
  currentCount?: number;
}
export interface SmartCardReaderStateOut {
  readerName: string;
  eventState: Flags;
  eventCount?: number;
  answerToReset?: ArrayBuffer;
}
export interface SmartCardConnection {
  transmit(sendBuffer: Uint8Array<ArrayBuffer>, options?: { protocol?: Protocol }): Promise<ArrayBuffer>;
  disconnect(disposition?: 'leave' | 'reset' | 'unpower' | 'eject'): Promise<void>;
  status(): Promise<{ readerName: string; state: string; answerToReset?: ArrayBuffer }>;
}
export interface SmartCardContext {
  listReaders(): Promise<string[]>;
  getStatusChange(
    states: SmartCardReaderStateIn[],
    options?: { timeout?: number; signal?: AbortSignal },
  ): Promise<SmartCardReaderStateOut[]>;
  connect(
    reader: string,
    accessMode: 'shared' | 'exclusive' | 'direct',
    options?: { preferredProtocols?: Protocol[] },
  ): Promise<{ connection: SmartCardConnection; activeProtocol?: Protocol }>;
}
export interface SmartCardResourceManager {
  establishContext(): Promise<SmartCardContext>;
}

// SmartCardError.responseCode values (WICG Web Smart Card API) and what they mean here.
const RESPONSE_CODES: Readonly<Record<string, CardErrorCode>> = {
  'no-smartcard': 'no_card',
  'removed-card': 'card_removed',
  'reset-card': 'card_removed',
  'sharing-violation': 'reader_busy',
  'server-too-busy': 'reader_busy',
  'unknown-reader': 'no_reader',
  'reader-unavailable': 'no_reader',
  'no-service': 'no_reader',
  'unsupported-card': 'not_thai_id',
};

export function smartCardError(error: unknown): CardError {
  if (error instanceof CardError) return error;
  const e = error as { name?: string; message?: string; responseCode?: string } | null;
  if (e?.name === 'NotAllowedError') return new CardError('cancelled', e.message);
  return new CardError(RESPONSE_CODES[e?.responseCode ?? ''] ?? 'card_failed', e?.message ?? String(error));
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw smartCardError(e);
  }
}

/** Connects to the first reader that holds a card. */
export async function openWebSmartCard(api: SmartCardResourceManager): Promise<CardTransport> {
  return guarded(async () => {
    const context = await api.establishContext();
    const readers = await context.listReaders();
    if (readers.length === 0) throw new CardError('no_reader');
    const states = await context.getStatusChange(
      readers.map((readerName) => ({ readerName, currentState: { unaware: true } })),
      { timeout: 0 },
    );
    const withCard = states.find((s) => s.eventState.present && !s.eventState.mute);
    if (!withCard) throw new CardError('no_card');
    if (withCard.eventState.exclusive) throw new CardError('reader_busy');
    const { connection } = await context.connect(withCard.readerName, 'shared', { preferredProtocols: ['t0', 't1'] });
    const atr = new Uint8Array(
      withCard.answerToReset ?? (await connection.status()).answerToReset ?? new ArrayBuffer(0),
    );
    let closed = false;
    return {
      atr,
      transmit: (apdu) => guarded(async () => new Uint8Array(await connection.transmit(Uint8Array.from(apdu)))),
      async close() {
        if (closed) return;
        closed = true;
        await connection.disconnect('leave').catch(() => undefined);
      },
    };
  });
}
