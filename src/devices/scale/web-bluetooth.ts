// A scale that offers the standard Weight Scale Service, through Web Bluetooth (Chrome on Android,
// ChromeOS, Windows and macOS; not Firefox or Safari).
import type { BluetoothDeviceLike, BluetoothLike, GattCharacteristic } from './bluetooth-types';
import { ScaleError, type Scale, type ScaleReading } from './scale';
import { StableReadings } from './stability';
import { parseWeightMeasurement, WEIGHT_MEASUREMENT, WEIGHT_SCALE_SERVICE } from './weight-measurement';

function toScaleError(e: unknown): ScaleError {
  if (e instanceof ScaleError) return e;
  // DOMException is not an Error in every realm: read its name.
  const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
  // The user closed the chooser, or no scale answered.
  if (name === 'NotFoundError' || name === 'AbortError') return new ScaleError('cancelled', e);
  return new ScaleError('failed', e);
}

export class WebBluetoothScale implements Scale {
  private device: BluetoothDeviceLike | null = null;
  private readonly readingListeners = new Set<(r: ScaleReading) => void>();
  private readonly disconnectListeners = new Set<() => void>();

  constructor(private readonly bluetooth: BluetoothLike) {}

  get name(): string | null {
    return this.device?.name ?? null;
  }

  async connect(): Promise<void> {
    try {
      if (!(await this.bluetooth.getAvailability())) throw new ScaleError('no_adapter');
      const device = await this.bluetooth.requestDevice({ filters: [{ services: [WEIGHT_SCALE_SERVICE] }] });
      if (!device.gatt) throw new ScaleError('no_service');
      const server = await device.gatt.connect();
      const characteristic = await server
        .getPrimaryService(WEIGHT_SCALE_SERVICE)
        .then((s) => s.getCharacteristic(WEIGHT_MEASUREMENT))
        .catch((e: unknown) => {
          throw new ScaleError('no_service', e);
        });
      this.listen(device, characteristic);
      await characteristic.startNotifications();
      this.device = device;
    } catch (e) {
      throw toScaleError(e);
    }
  }

  private listen(device: BluetoothDeviceLike, characteristic: GattCharacteristic): void {
    const stable = new StableReadings(
      characteristic.properties.indicate && !characteristic.properties.notify ? 'final' : 'repeat',
    );
    characteristic.addEventListener('characteristicvaluechanged', () => {
      if (!characteristic.value) return;
      let weightKg: number | null;
      try {
        weightKg = parseWeightMeasurement(characteristic.value).weightKg;
      } catch {
        return; // a malformed packet is dropped, not shown
      }
      const settled = stable.push(weightKg);
      if (weightKg !== null) for (const l of this.readingListeners) l({ weightKg, stable: settled });
    });
    device.addEventListener('gattserverdisconnected', () => {
      for (const l of this.disconnectListeners) l();
    });
  }

  disconnect(): void {
    this.device?.gatt?.disconnect();
    this.device = null;
  }

  onReading(listener: (r: ScaleReading) => void): () => void {
    this.readingListeners.add(listener);
    return () => this.readingListeners.delete(listener);
  }

  onDisconnect(listener: () => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }
}
