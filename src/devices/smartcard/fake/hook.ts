// window.__tabianFakeCard: the end-to-end tests' and the demo's way to put fake readers behind the real
// transports in a built app. Loaded only in a build with fakes and only when the hook is set (../../environment.ts).
import type { BridgeTarget } from '../bridge-client';
import type { CardEnv } from '../env';
import { ATR_3B67, FakeThaiIdCard, SAMPLE_CARD, SECOND_CARD } from './fake-card';
import { FakeSmartCardApi } from './fake-smart-card-api';
import { FakeUsbDevice, type FakeReaderModel } from './fake-usb-device';

export interface FakeCardHook {
  /** Which browser API the fake reader sits behind. */
  api: 'smart-card' | 'usb';
  /** USB reader model (default acr39u). */
  reader?: FakeReaderModel;
  card?: 'sample' | 'second' | 'other' | 'none';
  /** What goes wrong: no reader, a reader held by another program, the card pulled out mid-read,
   *  or (USB) the browser's protected-class refusal. */
  fault?: 'no_reader' | 'busy' | 'pulled' | 'protected';
}

function makeCard(hook: FakeCardHook): FakeThaiIdCard | null {
  if (hook.card === 'none') return null;
  const removeAfter = hook.fault === 'pulled' ? 9 : undefined;
  if (hook.card === 'other') return new FakeThaiIdCard({ other: true });
  if (hook.card === 'second') return new FakeThaiIdCard({ data: SECOND_CARD, atr: ATR_3B67, removeAfter });
  return new FakeThaiIdCard({ data: SAMPLE_CARD, removeAfter });
}

export function fakeCardEnv(hook: FakeCardHook, bridge: BridgeTarget): CardEnv {
  const card = makeCard(hook);
  const none = hook.fault === 'no_reader';
  const smartCard =
    hook.api === 'smart-card'
      ? new FakeSmartCardApi({ readers: none ? {} : { 'Fake ACS ACR39U 00 00': card }, busy: hook.fault === 'busy' })
      : null;
  const device = new FakeUsbDevice({
    model: hook.reader,
    card,
    claim: hook.fault === 'busy' ? 'busy' : hook.fault === 'protected' ? 'protected' : 'ok',
  });
  const usb =
    hook.api === 'usb'
      ? {
          getDevices: async () => (none ? [] : [device]),
          requestDevice: async () => {
            throw new DOMException('No device selected.', 'NotFoundError');
          },
        }
      : null;
  return { smartCard, usb, usbAllowed: hook.api === 'usb', bridge, demo: true };
}
