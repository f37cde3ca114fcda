// The Weight Measurement characteristic (GATT 0x2A9D) of the Weight Scale Service (0x181D), little-endian:
// flags (uint8: bit0 units 0 = SI kg/m, 1 = imperial lb/in; bit1 time stamp; bit2 user id; bit3 BMI and
// height), weight (uint16: 0.005 kg or 0.01 lb; 0xFFFF = measurement unsuccessful), then the optional fields
// in that order: time stamp (7 bytes: year uint16, month, day, hours, minutes, seconds), user id (uint8,
// 0xFF = unknown), BMI (uint16, 0.1) and height (uint16, 0.001 m or 0.1 in).

export const WEIGHT_SCALE_SERVICE = 0x181d;
export const WEIGHT_MEASUREMENT = 0x2a9d;

const KG_PER_LB = 0.45359237;
const UNSUCCESSFUL = 0xffff;

export interface WeightMeasurement {
  units: 'si' | 'imperial';
  /** null when the scale reports an unsuccessful measurement. */
  weightKg: number | null;
  /** Local time as the scale keeps it, "YYYY-MM-DDTHH:MM:SS", or null. */
  timestamp: string | null;
  userId: number | null;
  bmi: number | null;
  heightCm: number | null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function parseWeightMeasurement(view: DataView): WeightMeasurement {
  if (view.byteLength < 3) throw new RangeError(`weight measurement too short: ${view.byteLength} bytes`);
  const flags = view.getUint8(0);
  const imperial = (flags & 0x01) !== 0;
  const raw = view.getUint16(1, true);
  const out: WeightMeasurement = {
    units: imperial ? 'imperial' : 'si',
    weightKg: raw === UNSUCCESSFUL ? null : imperial ? raw * 0.01 * KG_PER_LB : raw * 0.005,
    timestamp: null,
    userId: null,
    bmi: null,
    heightCm: null,
  };
  let at = 3;
  const need = (n: number) => {
    if (view.byteLength < at + n)
      throw new RangeError(
        `weight measurement: flags 0x${flags.toString(16)} need ${at + n} bytes, got ${view.byteLength}`,
      );
  };
  if (flags & 0x02) {
    need(7);
    const [y, mo, d, h, mi, s] = [
      view.getUint16(at, true),
      view.getUint8(at + 2),
      view.getUint8(at + 3),
      view.getUint8(at + 4),
      view.getUint8(at + 5),
      view.getUint8(at + 6),
    ];
    // Year 0 or month/day 0 mean "not known" in the GATT Date Time format.
    out.timestamp = y && mo && d ? `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}` : null;
    at += 7;
  }
  if (flags & 0x04) {
    need(1);
    const id = view.getUint8(at);
    out.userId = id === 0xff ? null : id;
    at += 1;
  }
  if (flags & 0x08) {
    need(4);
    out.bmi = view.getUint16(at, true) * 0.1;
    const h = view.getUint16(at + 2, true);
    out.heightCm = imperial ? h * 0.1 * 2.54 : h * 0.1;
  }
  return out;
}

/** The bytes a scale sends for a weight (the fake scale and tests use it); null sends "unsuccessful". */
export function encodeWeightMeasurement(weightKg: number | null, units: 'si' | 'imperial' = 'si'): DataView {
  const view = new DataView(new ArrayBuffer(3));
  view.setUint8(0, units === 'imperial' ? 0x01 : 0x00);
  const raw =
    weightKg === null
      ? UNSUCCESSFUL
      : Math.round(units === 'imperial' ? weightKg / KG_PER_LB / 0.01 : weightKg / 0.005);
  view.setUint16(1, Math.min(raw, UNSUCCESSFUL), true);
  return view;
}
