// A faithful fake Thai ID card: the applet at T=0, answering from synthetic data encoded in TIS-620.
// Used by unit tests, the end-to-end tests and the demo mode; every person in it is invented.
import { CARD_FIELDS, PHOTO, THAI_ID_AID } from '../thai-id-applet';
import { encodeTis620 } from '../tis620';
import type { CardText } from '../../../domain/card/card';
import { CardError, type CardTransport } from '../transport';

export type FakeCardData = CardText & { photo?: Uint8Array };

export const SAMPLE_CARD: FakeCardData = {
  citizenId: '1101700012344',
  nameTh: 'ด.ญ.#สมหญิง##ตั้งใจเรียน',
  nameEn: 'Miss#Somying##Tangjairian',
  birthDate: '25620320',
  sex: '2',
  issuer: 'ท้องถิ่นอำเภอเมืองเชียงใหม่/เชียงใหม่',
  issueDate: '25660401',
  expiryDate: '25750319',
  address: '99/1#หมู่ที่ 3####ตำบลศรีภูมิ#อำเภอเมืองเชียงใหม่#จังหวัดเชียงใหม่',
  // SOI, a few bytes, EOI; then the card's padding.
  photo: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
};

/** A boy from Bangkok with a birth date whose day and month are not registered. */
export const SECOND_CARD: FakeCardData = {
  citizenId: '1100600123453',
  nameTh: 'ด.ช.#ก้องภพ##มีสุข',
  nameEn: 'Master#Kongphop##Meesuk',
  birthDate: '25600000',
  sex: '1',
  issuer: 'สำนักงานเขตคลองเตย/กรุงเทพมหานคร',
  issueDate: '25670110',
  expiryDate: '99999999',
  address: '12#####ซอยสุขุมวิท 22#ถนนสุขุมวิท#แขวงคลองตัน#เขตคลองเตย#กรุงเทพมหานคร',
};

export const ATR_TH_NID = Uint8Array.from([
  0x3b, 0x79, 0x96, 0x00, 0x00, 0x54, 0x48, 0x20, 0x4e, 0x49, 0x44, 0x20, 0x31, 0x38,
]);
export const ATR_3B67 = Uint8Array.from([0x3b, 0x67, 0x00, 0x00, 0xa6, 0x81, 0x04, 0x01, 0x01]);
// Some other card (an EMV-like bank card) with no Thai ID applet.
export const ATR_OTHER = Uint8Array.from([
  0x3b, 0x6e, 0x00, 0x00, 0x80, 0x31, 0x80, 0x66, 0xb0, 0x84, 0x12, 0x01, 0x6e, 0x01, 0x83, 0x00, 0x90, 0x00,
]);

export interface FakeCardOptions {
  data?: FakeCardData;
  atr?: Uint8Array;
  /** A card without the applet. */
  other?: boolean;
  /** The card is pulled out after this many commands. */
  removeAfter?: number;
}

export class CardRemoved extends Error {
  constructor() {
    super('card removed');
  }
}

const sw = (word: number): Uint8Array => Uint8Array.from([word >> 8, word & 0xff]);
const MEMORY = CARD_FIELDS.address[0] + 0xa0;

export class FakeThaiIdCard {
  readonly atr: Uint8Array;
  present = true;
  commands = 0;
  private memory = new Uint8Array(MEMORY);
  private selected = false;
  private pending: Uint8Array | null = null;

  constructor(private options: FakeCardOptions = {}) {
    this.atr = options.atr ?? (options.other ? ATR_OTHER : ATR_TH_NID);
    const data = options.data ?? SAMPLE_CARD;
    for (const [name, [offset, length]] of Object.entries(CARD_FIELDS)) {
      // Fixed-length fields, padded with spaces as on real cards.
      const field = new Uint8Array(length).fill(0x20);
      field.set(encodeTis620(data[name as keyof CardText]).subarray(0, length));
      this.memory.set(field, offset);
    }
    if (data.photo) this.memory.set(data.photo.subarray(0, PHOTO.chunk * PHOTO.chunks), PHOTO.offset);
  }

  /** Takes the card out of the reader. */
  remove(): void {
    this.present = false;
  }

  /** One command APDU in, the response APDU out, as a T=0 card behind PC/SC answers. */
  transmit(apdu: Uint8Array): Uint8Array {
    if (this.options.removeAfter !== undefined && this.commands >= this.options.removeAfter) this.present = false;
    if (!this.present) throw new CardRemoved();
    this.commands++;
    const [cla, ins, p1, p2, lc] = apdu;
    if (cla === 0x00 && ins === 0xa4) return this.select(apdu.subarray(5, 5 + (lc ?? 0)));
    if (cla === 0x00 && ins === 0xc0) return this.getResponse(p2!, apdu.length > 4 ? apdu[4]! || 256 : 256);
    if (cla === 0x80 && ins === 0xb0) return this.read((p1! << 8) | p2!, apdu);
    return sw(0x6d00);
  }

  private select(aid: Uint8Array): Uint8Array {
    this.pending = null;
    if (this.options.other || aid.length !== THAI_ID_AID.length || aid.some((b, i) => b !== THAI_ID_AID[i]))
      return sw(0x6a82);
    this.selected = true;
    // Real cards answer SELECT with 61 0A: ten bytes of file control information wait.
    return this.respondLater(Uint8Array.from([0x6f, 0x08, 0x84, 0x06, 0xa0, 0x00, 0x00, 0x00, 0x54, 0x48]));
  }

  private read(offset: number, apdu: Uint8Array): Uint8Array {
    if (!this.selected) return sw(0x6985);
    if (apdu.length !== 7 || apdu[4] !== 0x02 || apdu[5] !== 0x00) return sw(0x6700);
    const length = apdu[6]!;
    if (offset + length > this.memory.length) return sw(0x6b00);
    return this.respondLater(this.memory.slice(offset, offset + length));
  }

  private respondLater(data: Uint8Array): Uint8Array {
    this.pending = data;
    return sw(0x6100 | (data.length & 0xff));
  }

  private getResponse(p2: number, le: number): Uint8Array {
    // Cards with ATR 3B 67 take GET RESPONSE with P2 = 01, the others with 00.
    if (p2 !== (this.atr[1] === 0x67 ? 0x01 : 0x00)) return sw(0x6a86);
    const data = this.pending;
    if (!data) return sw(0x6985);
    // Asked for more than is waiting: say how much, as ISO 7816-4 T=0 cards do.
    if (le > data.length) return sw(0x6c00 | data.length);
    this.pending = le < data.length ? data.slice(le) : null;
    const out = new Uint8Array(le + 2);
    out.set(data.subarray(0, le));
    out.set(this.pending ? sw(0x6100 | this.pending.length) : sw(0x9000), le);
    return out;
  }
}

/** The card straight behind a transport, as PC/SC would hand it over. */
export function directTransport(card: FakeThaiIdCard): CardTransport {
  return {
    atr: card.atr,
    async transmit(apdu) {
      try {
        return card.transmit(apdu);
      } catch (e) {
        throw e instanceof CardRemoved ? new CardError('card_removed') : e;
      }
    },
    async close() {},
  };
}
