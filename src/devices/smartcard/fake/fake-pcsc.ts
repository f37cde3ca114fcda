// A fake PC/SC service for the bridge's tests and its --demo mode.
import type { PcscReader, PcscService } from '../../bridge/pcsc';
import { CardError, type CardTransport } from '../transport';
import { directTransport, type FakeThaiIdCard } from './fake-card';

export class FakePcsc implements PcscService {
  closed = false;

  constructor(
    public slots: Record<string, FakeThaiIdCard | null>,
    private options: { busy?: boolean } = {},
  ) {}

  async readers(): Promise<PcscReader[]> {
    return Object.entries(this.slots).map(([name, card]) => ({ name, cardPresent: !!card?.present }));
  }

  async connect(name: string): Promise<CardTransport> {
    if (!(name in this.slots)) throw new CardError('no_reader');
    // What SCardConnect says when another program holds the reader exclusively.
    if (this.options.busy) throw new CardError('reader_busy', 'Sharing violation.');
    const card = this.slots[name];
    if (!card?.present) throw new CardError('no_card');
    return directTransport(card);
  }

  close(): void {
    this.closed = true;
  }
}
