// The Bluetooth scale for the measurement screen: whether this browser can reach one, and opening it.
import { scaleBluetooth } from '../../devices/environment';
import { openScale, scaleSupport, type ScaleSupport } from '../../devices/scale/detect';
import { ScaleError, type Scale, type ScaleErrorCode } from '../../devices/scale/scale';

export type { Scale, ScaleErrorCode, ScaleSupport };

export const scaleSupportHere = async (): Promise<ScaleSupport> => scaleSupport(await scaleBluetooth());

/** The scale to connect; throws ScaleError('unsupported') where Web Bluetooth does not exist. */
export async function openScaleHere(): Promise<Scale> {
  const scale = openScale(await scaleBluetooth());
  if (!scale) throw new ScaleError('unsupported');
  return scale;
}

export const scaleErrorCode = (error: unknown): ScaleErrorCode => (error instanceof ScaleError ? error.code : 'failed');
