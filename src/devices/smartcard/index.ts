// The card reader's public face: the applet, the transports and what they share.
export { readThaiIdCard, type ReadOptions } from './thai-id-applet';
export { openCcidTransport, type CcidTransport } from './ccid/driver';
export type { USB, USBDevice } from './ccid/usb';
export { CardError, type CardErrorCode, type CardTransport } from './transport';
export type { ThaiIdCard, CardAddress } from '../../domain/card/card';
