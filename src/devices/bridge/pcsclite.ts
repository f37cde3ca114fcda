// PC/SC through @pokusew/pcsclite, loaded at run time: its native build is not in package.json because
// platform builds break `npm ci`; the school PC installs it once (see installHelp).
import { CardError, type CardErrorCode, type CardTransport } from '../smartcard/transport';
import type { PcscReader, PcscService } from './pcsc';

export const PCSC_PACKAGE = '@pokusew/pcsclite';

export const installHelp = [
  `ไม่พบโมดูล PC/SC (${PCSC_PACKAGE}) บนเครื่องนี้ ติดตั้งครั้งเดียวในโฟลเดอร์ของ Tabian:`,
  `The PC/SC module (${PCSC_PACKAGE}) is not installed. Install it once, in Tabian's folder:`,
  '',
  `  npm install --no-save ${PCSC_PACKAGE}`,
  '',
  'Debian/Ubuntu: ติดตั้งบริการบัตรก่อน / install the card service first:',
  '  sudo apt-get install pcscd libpcsclite-dev',
  'Windows: ต้องมี Visual Studio Build Tools (C++) / needs Visual Studio Build Tools (C++) for the native build.',
  'macOS: ต้องมี Xcode Command Line Tools (xcode-select --install) / needs the Xcode Command Line Tools.',
  '',
  'ลองไม่ใช้เครื่องอ่านจริง / to try without a reader:  npm run tabian -- card-bridge --demo',
].join('\n');

// The slice of @pokusew/pcsclite used here (lib/pcsclite.js of that package).
interface NativeReader {
  name: string;
  SCARD_STATE_PRESENT: number;
  SCARD_SHARE_SHARED: number;
  SCARD_PROTOCOL_T0: number;
  SCARD_PROTOCOL_T1: number;
  SCARD_LEAVE_CARD: number;
  on(event: 'status', listener: (status: { state: number; atr?: Uint8Array }) => void): void;
  on(event: 'end' | 'error', listener: (error?: Error) => void): void;
  connect(options: { share_mode: number; protocol: number }, cb: (err: Error | null, protocol: number) => void): void;
  transmit(data: Uint8Array, resLen: number, protocol: number, cb: (err: Error | null, data: Uint8Array) => void): void;
  disconnect(disposition: number, cb: (err: Error | null) => void): void;
}
interface NativePcsc {
  on(event: 'reader', listener: (reader: NativeReader) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  close(): void;
}

/** PC/SC failures by the words of pcsc-lite's and WinSCard's messages. */
export function pcscError(error: Error | null | undefined): CardError {
  const text = error?.message ?? '';
  const rules: [RegExp, CardErrorCode][] = [
    [/sharing violation|in use|busy/i, 'reader_busy'],
    [/removed|reset/i, 'card_removed'],
    [/no smart ?card|not present|unpowered/i, 'no_card'],
    [/unknown reader|no readers|reader.*unavailable/i, 'no_reader'],
  ];
  return new CardError(rules.find(([re]) => re.test(text))?.[1] ?? 'card_failed', text);
}

const call = <T>(run: (cb: (err: Error | null, value: T) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => run((err, value) => (err ? reject(pcscError(err)) : resolve(value))));

class PcscliteService implements PcscService {
  private known = new Map<string, { reader: NativeReader; present: boolean; atr: Uint8Array }>();

  constructor(
    private pcsc: NativePcsc,
    log: (line: string) => void,
  ) {
    pcsc.on('error', (e) => log(`PC/SC: ${e.message}`));
    pcsc.on('reader', (reader) => {
      const entry = { reader, present: false, atr: new Uint8Array(0) };
      this.known.set(reader.name, entry);
      reader.on('status', (s) => {
        entry.present = (s.state & reader.SCARD_STATE_PRESENT) !== 0;
        entry.atr = s.atr ? Uint8Array.from(s.atr) : new Uint8Array(0);
      });
      reader.on('error', () => undefined);
      reader.on('end', () => this.known.delete(reader.name));
    });
  }

  async readers(): Promise<PcscReader[]> {
    return [...this.known.values()].map((e) => ({ name: e.reader.name, cardPresent: e.present }));
  }

  async connect(name: string): Promise<CardTransport> {
    const entry = this.known.get(name);
    if (!entry) throw new CardError('no_reader');
    const { reader } = entry;
    const protocol = await call<number>((cb) =>
      reader.connect(
        { share_mode: reader.SCARD_SHARE_SHARED, protocol: reader.SCARD_PROTOCOL_T0 | reader.SCARD_PROTOCOL_T1 },
        cb,
      ),
    );
    let closed = false;
    return {
      atr: entry.atr,
      // 258 = 256 data bytes + SW1 SW2, the most a short APDU answers.
      transmit: async (apdu) =>
        Uint8Array.from(await call<Uint8Array>((cb) => reader.transmit(Buffer.from(apdu), 258, protocol, cb))),
      async close() {
        if (closed) return;
        closed = true;
        await call<void>((cb) => reader.disconnect(reader.SCARD_LEAVE_CARD, (err) => cb(err, undefined))).catch(
          () => undefined,
        );
      },
    };
  }

  close(): void {
    this.pcsc.close();
  }
}

/** The PC/SC service, or null when the binding is not installed. */
export async function loadPcsclite(
  log: (line: string) => void,
  importer = (name: string): Promise<unknown> => import(name),
): Promise<PcscService | null> {
  let mod: unknown;
  try {
    mod = await importer(PCSC_PACKAGE);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return null;
    throw e;
  }
  const factory = ((mod as { default?: unknown }).default ?? mod) as () => NativePcsc;
  return new PcscliteService(factory(), log);
}
