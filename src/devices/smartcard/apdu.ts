// ISO 7816-4 command and response APDUs, and the T=0 dance of 61 xx (fetch with GET RESPONSE) and 6C xx (resend).
import { CardError, concatBytes, type CardTransport } from './transport';

export const SW_OK = 0x9000;

export interface Response {
  data: Uint8Array;
  sw: number;
}

export function splitResponse(bytes: Uint8Array): Response {
  if (bytes.length < 2) throw new CardError('card_failed', 'response shorter than SW1 SW2');
  return { data: bytes.subarray(0, bytes.length - 2), sw: (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]! };
}

export const selectApdu = (aid: readonly number[]): Uint8Array =>
  Uint8Array.from([0x00, 0xa4, 0x04, 0x00, aid.length, ...aid]);

/** GET RESPONSE; le 0 means 256. */
export const getResponseApdu = (le: number, p2: number): Uint8Array =>
  Uint8Array.from([0x00, 0xc0, 0x00, p2, le & 0xff]);

// Cards whose ATR starts 3B 67 want P2 = 01 in GET RESPONSE (most implementations agree).
export const getResponseP2 = (atr: Uint8Array): number => (atr[0] === 0x3b && atr[1] === 0x67 ? 0x01 : 0x00);

const MAX_ROUNDS = 32;

/**
 * Sends a command and follows the card: 61 xx → GET RESPONSE for xx bytes (repeated while more is
 * waiting), 6C xx → the same command again with length xx in its last byte.
 */
export async function exchange(
  transport: CardTransport,
  command: Uint8Array,
  p2 = getResponseP2(transport.atr),
): Promise<Response> {
  let apdu = command;
  const data: Uint8Array[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const r = splitResponse(await transport.transmit(apdu));
    const [sw1, sw2] = [r.sw >> 8, r.sw & 0xff];
    if (sw1 === 0x6c) {
      apdu = Uint8Array.from(apdu);
      apdu[apdu.length - 1] = sw2;
      continue;
    }
    data.push(r.data);
    if (sw1 !== 0x61) return { data: concatBytes(...data), sw: r.sw };
    apdu = getResponseApdu(sw2, p2);
  }
  throw new CardError('card_failed', 'the card kept asking for more exchanges');
}
