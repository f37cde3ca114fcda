// Excel date serials → ISO dates by arithmetic alone. SheetJS's own conversion goes through a JS Date in
// local time, which can move a birth date by a day depending on the device's time zone; this cannot.

// Hinnant's civil_from_days: days since 1970-01-01 → year, month, day.
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The calendar date of a serial (its time of day ignored), or null for serials that name no real day:
 * 0, negatives, and 60, the 29 Feb 1900 that Excel invented for Lotus compatibility.
 * A year of 2400 or more is a Buddhist Era year typed into a Gregorian cell, and is brought back.
 */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial + 1e-9);
  if (day < (date1904 ? 0 : 1) || (!date1904 && day === 60) || day > 2_958_465) return null;
  // 1900 system: day 1 is 1900-01-01, and every day after the fictitious 29 Feb is one too high.
  const days = date1904 ? day - 24107 : day < 60 ? day - 25568 : day - 25569;
  const [ce, m, d] = civil(days);
  let y = ce;
  if (y >= 2400) {
    y -= 543;
    if (m === 2 && d === 29 && !isLeap(y)) return null;
  }
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The serial of an ISO date in the 1900 system: what an exported date cell holds. */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const days = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  return days + 25569 + (days + 25569 <= 60 ? -1 : 0);
}
