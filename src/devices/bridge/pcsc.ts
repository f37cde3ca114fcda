// The bridge's view of the operating system's card service (PC/SC): small enough for a fake to match.
import type { CardTransport } from '../smartcard/transport';

export interface PcscReader {
  name: string;
  cardPresent: boolean;
}

export interface PcscService {
  readers(): Promise<PcscReader[]>;
  /** Connects in shared mode; rejects with a CardError (no_card, reader_busy…). */
  connect(reader: string): Promise<CardTransport>;
  close(): void;
}
