// The part of WebUSB the CCID driver uses. TypeScript's DOM library has no WebUSB types; the browser's
// objects fit these shapes, and so do the fakes.

export interface USBEndpoint {
  endpointNumber: number;
  direction: 'in' | 'out';
  type: 'bulk' | 'interrupt' | 'isochronous';
  packetSize: number;
}
export interface USBAlternateInterface {
  alternateSetting: number;
  interfaceClass: number;
  interfaceSubclass: number;
  interfaceProtocol: number;
  endpoints: USBEndpoint[];
}
export interface USBInterface {
  interfaceNumber: number;
  alternate: USBAlternateInterface;
  alternates: USBAlternateInterface[];
  claimed: boolean;
}
export interface USBConfiguration {
  configurationValue: number;
  interfaces: USBInterface[];
}
export interface USBControlTransferParameters {
  requestType: 'standard' | 'class' | 'vendor';
  recipient: 'device' | 'interface' | 'endpoint' | 'other';
  request: number;
  value: number;
  index: number;
}
export interface USBInTransferResult {
  data?: DataView;
  status: 'ok' | 'stall' | 'babble';
}
export interface USBOutTransferResult {
  bytesWritten: number;
  status: 'ok' | 'stall';
}

export interface USBDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly productName?: string;
  readonly opened: boolean;
  readonly configuration: USBConfiguration | null;
  readonly configurations: USBConfiguration[];
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(configurationValue: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  selectAlternateInterface(interfaceNumber: number, alternateSetting: number): Promise<void>;
  controlTransferIn(setup: USBControlTransferParameters, length: number): Promise<USBInTransferResult>;
  transferIn(endpointNumber: number, length: number): Promise<USBInTransferResult>;
  transferOut(endpointNumber: number, data: Uint8Array<ArrayBuffer>): Promise<USBOutTransferResult>;
}

export interface USB {
  getDevices(): Promise<USBDevice[]>;
  requestDevice(options: {
    filters: { classCode?: number; vendorId?: number; productId?: number }[];
  }): Promise<USBDevice>;
}

/** USB interface class of smart-card readers (CCID). */
export const CCID_CLASS = 0x0b;

export const bytesOf = (view: DataView | undefined): Uint8Array =>
  view ? new Uint8Array(view.buffer, view.byteOffset, view.byteLength) : new Uint8Array(0);
