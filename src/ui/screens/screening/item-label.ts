// A ticked status item ("floor.earth") in the form's own words, for the result, the print and the summary.
import { screeningLabel, type ScreeningListName } from '../../../domain/screening/options';

export function statusItemLabel(item: string): string {
  const [dimension, code] = item.split('.') as [string, string];
  if (dimension === 'toilet') return 'ไม่มีห้องส้วมในที่อยู่อาศัย';
  return screeningLabel(dimension as ScreeningListName, code);
}
