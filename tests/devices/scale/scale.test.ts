// WebBluetoothScale over the fake Weight Scale device: connecting, stable readings, and every way it fails.
import { describe, expect, it } from 'vitest';
import { FakeScale, fakeBluetooth } from '../../../src/devices/scale/fake/fake-scale';
import { ScaleError, type ScaleReading } from '../../../src/devices/scale/scale';
import { StableReadings } from '../../../src/devices/scale/stability';
import { WebBluetoothScale } from '../../../src/devices/scale/web-bluetooth';

async function connected(options: ConstructorParameters<typeof FakeScale>[0] = {}) {
  const device = new FakeScale(options);
  const scale = new WebBluetoothScale(fakeBluetooth(device));
  await scale.connect();
  const readings: ScaleReading[] = [];
  scale.onReading((r) => readings.push(r));
  return {
    device,
    scale,
    readings,
    stable: () => readings.filter((r) => r.stable).map((r) => Math.round(r.weightKg * 1000) / 1000),
  };
}

describe('WebBluetoothScale', () => {
  it('takes each indicated measurement as final, as the GATT profile sends them', async () => {
    const { device, scale, stable } = await connected();
    expect(scale.name).toBe('Fake Weight Scale');
    device.weigh(24.5);
    device.weigh(24.5); // the next child happens to weigh the same
    device.weigh(31.45);
    expect(stable()).toEqual([24.5, 24.5, 31.45]);
  });

  it('waits for a repeated value from a scale that streams, and reports it once', async () => {
    const { device, readings, stable } = await connected({ mode: 'notify' });
    device.weigh(24.5);
    expect(readings.length).toBe(5);
    expect(stable()).toEqual([24.5]);
    device.weigh(24.5); // still standing there: nothing new
    expect(stable()).toEqual([24.5]);
    device.stepOff();
    device.weigh(24.5);
    expect(stable()).toEqual([24.5, 24.5]);
  });

  it('converts a scale set to pounds', async () => {
    const { device, stable } = await connected({ units: 'imperial' });
    device.weigh(30);
    expect(stable()[0]).toBeCloseTo(30, 2);
  });

  it('ignores an unsuccessful measurement', async () => {
    const { device, readings } = await connected();
    device.fail();
    expect(readings).toEqual([]);
  });

  it('says why it cannot connect: no adapter, chooser closed, not a weight scale', async () => {
    const code = (p: Promise<void>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof ScaleError ? e.code : 'other'),
      );
    expect(await code(new WebBluetoothScale(fakeBluetooth(new FakeScale(), { available: false })).connect())).toBe(
      'no_adapter',
    );
    expect(await code(new WebBluetoothScale(fakeBluetooth(new FakeScale(), { choose: false })).connect())).toBe(
      'cancelled',
    );
    expect(await code(new WebBluetoothScale(fakeBluetooth(new FakeScale({ noService: true }))).connect())).toBe(
      'no_service',
    );
  });

  it('tells when the scale goes away', async () => {
    const { device, scale } = await connected();
    let gone = 0;
    scale.onDisconnect(() => gone++);
    device.gatt.disconnect();
    expect(gone).toBe(1);
    scale.disconnect();
    expect(scale.name).toBeNull();
  });
});

describe('StableReadings', () => {
  it('in repeat mode needs the same tenth of a kilogram twice in a row', () => {
    const s = new StableReadings('repeat');
    expect([20.1, 24.4, 24.52, 24.48, 24.5].map((v) => s.push(v))).toEqual([false, false, false, true, false]);
    expect(s.push(0)).toBe(false);
    expect([24.5, 24.5].map((v) => s.push(v))).toEqual([false, true]);
  });
});
