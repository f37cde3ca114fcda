// A fake navigator.smartCard with readers that hold FakeThaiIdCards, failing the way Chrome's does.
import type {
  SmartCardConnection,
  SmartCardContext,
  SmartCardReaderStateIn,
  SmartCardReaderStateOut,
  SmartCardResourceManager,
} from '../web-smart-card';
import { CardRemoved, type FakeThaiIdCard } from './fake-card';

/** Chrome rejects with a SmartCardError: a DOMException carrying a responseCode. */
export class FakeSmartCardError extends DOMException {
  constructor(readonly responseCode: string) {
    super(`Smart card error: ${responseCode}`, 'SmartCardError');
  }
}

const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

export interface FakeSmartCardOptions {
  /** Reader name → the card in it (null: empty). */
  readers: Record<string, FakeThaiIdCard | null>;
  /** Another program holds the reader exclusively. */
  busy?: boolean;
}

export class FakeSmartCardApi implements SmartCardResourceManager {
  constructor(private options: FakeSmartCardOptions) {}

  async establishContext(): Promise<SmartCardContext> {
    const readers = this.options.readers;
    const busy = this.options.busy ?? false;
    return {
      async listReaders() {
        return Object.keys(readers);
      },
      async getStatusChange(states: SmartCardReaderStateIn[]): Promise<SmartCardReaderStateOut[]> {
        return states.map(({ readerName }) => {
          const card = readers[readerName];
          if (card === undefined) throw new FakeSmartCardError('unknown-reader');
          const present = !!card?.present;
          return {
            readerName,
            eventCount: 1,
            eventState: { changed: true, present, empty: !present, inuse: busy, exclusive: busy },
            answerToReset: present ? buffer(card!.atr) : undefined,
          };
        });
      },
      async connect(reader) {
        const card = readers[reader];
        if (card === undefined) throw new FakeSmartCardError('unknown-reader');
        if (busy) throw new FakeSmartCardError('sharing-violation');
        if (!card?.present) throw new FakeSmartCardError('no-smartcard');
        const connection: SmartCardConnection = {
          async transmit(send) {
            try {
              return buffer(card.transmit(new Uint8Array(send)));
            } catch (e) {
              throw e instanceof CardRemoved ? new FakeSmartCardError('removed-card') : e;
            }
          },
          async disconnect() {},
          async status() {
            return { readerName: reader, state: 'specific', answerToReset: buffer(card.atr) };
          },
        };
        return { connection, activeProtocol: 't0' };
      },
    };
  }
}
