// The part of Web Bluetooth the scale uses (TypeScript's DOM library does not describe it), so the real
// navigator.bluetooth and the fake (fake/fake-scale.ts) fit the same shape.

export interface GattCharacteristic extends EventTarget {
  readonly value?: DataView | null;
  readonly properties: { readonly notify: boolean; readonly indicate: boolean };
  startNotifications(): Promise<GattCharacteristic>;
}

export interface GattService {
  getCharacteristic(uuid: number): Promise<GattCharacteristic>;
}

export interface GattServer {
  readonly connected: boolean;
  connect(): Promise<GattServer>;
  disconnect(): void;
  getPrimaryService(uuid: number): Promise<GattService>;
}

/** Fires 'gattserverdisconnected'. */
export interface BluetoothDeviceLike extends EventTarget {
  readonly name?: string;
  readonly gatt?: GattServer;
}

export interface BluetoothLike {
  getAvailability(): Promise<boolean>;
  requestDevice(options: { filters: { services: number[] }[] }): Promise<BluetoothDeviceLike>;
}
