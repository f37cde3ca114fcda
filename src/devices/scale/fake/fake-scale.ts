// A Weight Scale Service device in memory: it sends real 0x2A9D bytes through the same Web Bluetooth shape,
// so tests and the demo run WebBluetoothScale's parsing and stability rules unchanged.
import type {
  BluetoothDeviceLike,
  BluetoothLike,
  GattCharacteristic,
  GattServer,
  GattService,
} from '../bluetooth-types';
import { encodeWeightMeasurement, WEIGHT_MEASUREMENT, WEIGHT_SCALE_SERVICE } from '../weight-measurement';

export interface FakeScaleOptions {
  name?: string;
  /** 'indicate': one final value per measurement, as the GATT profile says; 'notify': streams while settling. */
  mode?: 'indicate' | 'notify';
  units?: 'si' | 'imperial';
  /** The scale does not offer the Weight Scale Service. */
  noService?: boolean;
}

class FakeCharacteristic extends EventTarget implements GattCharacteristic {
  value: DataView | null = null;
  notifying = false;
  constructor(readonly properties: { notify: boolean; indicate: boolean }) {
    super();
  }
  async startNotifications(): Promise<GattCharacteristic> {
    this.notifying = true;
    return this;
  }
  send(view: DataView): void {
    if (!this.notifying) return;
    this.value = view;
    this.dispatchEvent(new Event('characteristicvaluechanged'));
  }
}

export class FakeScale extends EventTarget implements BluetoothDeviceLike {
  readonly name: string;
  readonly gatt: GattServer;
  private readonly characteristic: FakeCharacteristic;
  private readonly options: FakeScaleOptions;

  constructor(options: FakeScaleOptions = {}) {
    super();
    this.options = options;
    this.name = options.name ?? 'Fake Weight Scale';
    this.characteristic = new FakeCharacteristic({
      notify: options.mode === 'notify',
      indicate: options.mode !== 'notify',
    });
    const characteristic = this.characteristic;
    const service: GattService = {
      getCharacteristic: async (uuid) => {
        if (uuid !== WEIGHT_MEASUREMENT) throw new DOMException('No such characteristic', 'NotFoundError');
        return characteristic;
      },
    };
    let connected = false;
    const disconnected = () => this.dispatchEvent(new Event('gattserverdisconnected'));
    this.gatt = {
      get connected() {
        return connected;
      },
      async connect() {
        connected = true;
        return this;
      },
      disconnect() {
        if (!connected) return;
        connected = false;
        disconnected();
      },
      async getPrimaryService(uuid) {
        if (uuid !== WEIGHT_SCALE_SERVICE || options.noService)
          throw new DOMException('No such service', 'NotFoundError');
        return service;
      },
    };
  }

  /** A child steps on: streaming scales send a few unsettled values first, then the weight twice. */
  weigh(weightKg: number): void {
    const units = this.options.units ?? 'si';
    if (this.options.mode === 'notify') {
      for (const f of [0.6, 0.9, 1.03]) this.characteristic.send(encodeWeightMeasurement(weightKg * f, units));
      this.characteristic.send(encodeWeightMeasurement(weightKg, units));
    }
    this.characteristic.send(encodeWeightMeasurement(weightKg, units));
  }

  /** The child steps off (streaming scales fall back to zero). */
  stepOff(): void {
    if (this.options.mode === 'notify')
      this.characteristic.send(encodeWeightMeasurement(0, this.options.units ?? 'si'));
  }

  /** The scale reports an unsuccessful measurement (0xFFFF). */
  fail(): void {
    this.characteristic.send(encodeWeightMeasurement(null));
  }
}

/** navigator.bluetooth with one fake scale in it; `choose: false` behaves like a user closing the chooser. */
export function fakeBluetooth(scale: FakeScale | null, { available = true, choose = true } = {}): BluetoothLike {
  return {
    getAvailability: async () => available,
    requestDevice: async () => {
      if (!scale || !choose) throw new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError');
      return scale;
    },
  };
}
