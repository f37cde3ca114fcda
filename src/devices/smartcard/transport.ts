// The one thing the Thai ID applet needs from a reader, whichever way the bytes travel.

export interface CardTransport {
  /** Answer to reset of the card in the reader. */
  readonly atr: Uint8Array;
  /** Sends one command APDU and resolves to the response, SW1 SW2 last. */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** Releases the reader; safe to call twice. */
  close(): Promise<void>;
}

/** Stable codes: the UI shows `card.error.<code>`, the bridge sends them over the wire. */
export const CARD_ERROR_CODES = [
  'no_reader',
  'no_card',
  'not_thai_id',
  'card_removed',
  'reader_busy',
  'invalid_card_data',
  'card_failed',
  'usb_blocked',
  'cancelled',
  'no_way',
  'bridge_unreachable',
  'bridge_unpaired',
  'bridge_origin',
  'bridge_no_pcsc',
] as const;
export type CardErrorCode = (typeof CARD_ERROR_CODES)[number];

export class CardError extends Error {
  constructor(
    readonly code: CardErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'CardError';
  }
}

export const isCardErrorCode = (s: unknown): s is CardErrorCode => (CARD_ERROR_CODES as readonly unknown[]).includes(s);

/** Any failure as a CardError; what is not one already becomes `fallback`. */
export function toCardError(error: unknown, fallback: CardErrorCode = 'card_failed'): CardError {
  if (error instanceof CardError) return error;
  return new CardError(fallback, error instanceof Error ? error.message : String(error));
}

// One definition of each byte helper (domain/bundle/bytes.ts); re-exported for the card code.
export { concatBytes, toHex } from '../../domain/bundle/bytes';

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new RangeError('not hex');
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16));
}
