// The Thai national ID card applet (../shared/specs/thai-id-card.md): select it, read each field at its
// fixed offset, decode TIS-620 and hand the text to the domain's one parse function.
import { parseCardText, type CardText, type ThaiIdCard } from '../../domain/card/card';
import { SW_OK, exchange, getResponseP2, selectApdu } from './apdu';
import { decodeTis620 } from './tis620';
import { CardError, concatBytes, type CardTransport } from './transport';

export const THAI_ID_AID = [0xa0, 0x00, 0x00, 0x00, 0x54, 0x48, 0x00, 0x01] as const;

/** Offset and length of each text field. */
export const CARD_FIELDS: Readonly<Record<keyof CardText, readonly [offset: number, length: number]>> = {
  citizenId: [0x0004, 13],
  nameTh: [0x0011, 100],
  nameEn: [0x0075, 100],
  birthDate: [0x00d9, 8],
  sex: [0x00e1, 1],
  issuer: [0x00f6, 100],
  issueDate: [0x0167, 8],
  expiryDate: [0x016f, 8],
  address: [0x1579, 100],
};
export const PHOTO = { offset: 0x017b, chunk: 0xff, chunks: 20 } as const;

/** READ BINARY of the applet: 80 B0 P1 P2 02 00 LL, offset big-endian in P1 P2, length in the data. */
export const readApdu = (offset: number, length: number): Uint8Array =>
  Uint8Array.from([0x80, 0xb0, offset >> 8, offset & 0xff, 0x02, 0x00, length]);

export interface ReadOptions {
  /** Also read the photo (20 more reads). */
  photo?: boolean;
  /** Called after each field, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

const hex4 = (sw: number): string => sw.toString(16).padStart(4, '0');

export async function readThaiIdCard(transport: CardTransport, options: ReadOptions = {}): Promise<ThaiIdCard> {
  const p2 = getResponseP2(transport.atr);
  const selected = await exchange(transport, selectApdu(THAI_ID_AID), p2);
  // 6A 82 (file not found) and the like: some other card, a bank card or a SIM.
  if (selected.sw !== SW_OK) throw new CardError('not_thai_id', `SELECT answered ${hex4(selected.sw)}`);

  const entries = Object.entries(CARD_FIELDS) as [keyof CardText, readonly [number, number]][];
  const total = entries.length + (options.photo ? PHOTO.chunks : 0);
  let done = 0;
  const read = async (offset: number, length: number): Promise<Uint8Array> => {
    const r = await exchange(transport, readApdu(offset, length), p2);
    if (r.sw !== SW_OK) throw new CardError('card_failed', `READ ${offset.toString(16)} answered ${hex4(r.sw)}`);
    options.onProgress?.(++done, total);
    return r.data;
  };

  const text = {} as CardText;
  for (const [name, [offset, length]] of entries) text[name] = decodeTis620(await read(offset, length));
  const parsed = parseCardText(text);
  if (!parsed.ok) throw new CardError('invalid_card_data', parsed.problems.join(', '));
  if (!options.photo) return parsed.card;

  const chunks: Uint8Array[] = [];
  for (let n = 0; n < PHOTO.chunks; n++) chunks.push(await read(PHOTO.offset + n * PHOTO.chunk, PHOTO.chunk));
  return { ...parsed.card, photo: cutAfterJpegEnd(concatBytes(...chunks)) };
}

/** The photo area is padded after the JPEG: keep up to the last end-of-image marker FF D9. */
export function cutAfterJpegEnd(bytes: Uint8Array): Uint8Array {
  for (let i = bytes.length - 2; i >= 0; i--)
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return bytes.slice(0, i + 2);
  return bytes;
}
