// The Weight Measurement characteristic (0x2A9D) as the GATT specification lays it out.
import { describe, expect, it } from 'vitest';
import { encodeWeightMeasurement, parseWeightMeasurement } from '../../../src/devices/scale/weight-measurement';

const view = (...bytes: number[]) => new DataView(new Uint8Array(bytes).buffer);

describe('parseWeightMeasurement', () => {
  it('reads SI weight in 0.005 kg steps', () => {
    // 24.5 kg = 4900 × 0.005 = 0x1324
    expect(parseWeightMeasurement(view(0x00, 0x24, 0x13))).toEqual({
      units: 'si',
      weightKg: 24.5,
      timestamp: null,
      userId: null,
      bmi: null,
      heightCm: null,
    });
    expect(parseWeightMeasurement(view(0x00, 0x01, 0x00)).weightKg).toBeCloseTo(0.005, 10);
  });

  it('reads imperial weight in 0.01 lb steps and converts to kg', () => {
    // 54.00 lb = 5400 = 0x1518 → 24.4940 kg
    const m = parseWeightMeasurement(view(0x01, 0x18, 0x15));
    expect(m.units).toBe('imperial');
    expect(m.weightKg).toBeCloseTo(54 * 0.45359237, 10);
  });

  it('reads the time stamp, user id, BMI and height when the flags say so', () => {
    const m = parseWeightMeasurement(
      view(
        0x0e,
        0x24,
        0x13, // flags: time stamp, user id, BMI+height; 24.5 kg
        0xea,
        0x07,
        6,
        10,
        9,
        30,
        5, // 2026-06-10 09:30:05
        3, // user 3
        0xa4,
        0x00, // BMI 16.4
        0xba,
        0x04, // height 1210 × 0.001 m = 121.0 cm
      ),
    );
    expect(m).toEqual({
      units: 'si',
      weightKg: 24.5,
      timestamp: '2026-06-10T09:30:05',
      userId: 3,
      bmi: expect.closeTo(16.4, 10),
      heightCm: expect.closeTo(121, 10),
    });
  });

  it('reads an imperial height in 0.1 inch steps, and 0xFF as an unknown user', () => {
    const m = parseWeightMeasurement(view(0x0d, 0x18, 0x15, 0xff, 0x00, 0x00, 0xf4, 0x01)); // 50.0 in
    expect(m.userId).toBeNull();
    expect(m.heightCm).toBeCloseTo(127, 10);
  });

  it('reports 0xFFFF as an unsuccessful measurement, and refuses short packets', () => {
    expect(parseWeightMeasurement(view(0x00, 0xff, 0xff)).weightKg).toBeNull();
    expect(() => parseWeightMeasurement(view(0x00, 0x24))).toThrow(RangeError);
    expect(() => parseWeightMeasurement(view(0x02, 0x24, 0x13, 0xea))).toThrow(/need 10 bytes/);
  });

  it('encodes what it parses', () => {
    expect(parseWeightMeasurement(encodeWeightMeasurement(31.45)).weightKg).toBeCloseTo(31.45, 10);
    expect(parseWeightMeasurement(encodeWeightMeasurement(31.45, 'imperial')).weightKg).toBeCloseTo(31.45, 2);
    expect(parseWeightMeasurement(encodeWeightMeasurement(null)).weightKg).toBeNull();
  });
});
