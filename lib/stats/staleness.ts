/** Is the latest data older than the source's release cadence? */

export interface Staleness {
  stale: boolean;
  /** ISO month (YYYY-MM) when the next data is expected: latest end + cadence. */
  expectedNext: string | null;
  /** Swedish text for the page. */
  text: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

function monthLabel(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}`;
}

function monthsWord(n: number): string {
  return n === 1 ? '1 månad' : `${n} månader`;
}

/**
 * Data is stale when today is later than the month of the latest period's end plus the cadence
 * (age > cadence). expectedNext = that month. Without a cadence nothing is stale; without data there is
 * nothing to date.
 */
export function staleness(latestEnd: string | null, cadenceMonths: number | null, today: Date): Staleness {
  const m = typeof latestEnd === 'string' ? ISO.exec(latestEnd.trim()) : null;
  if (!m) return { stale: false, expectedNext: null, text: 'Data saknas.' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (!(month >= 1 && month <= 12)) return { stale: false, expectedNext: null, text: 'Data saknas.' };
  const avser = `Senaste data avser ${year}`;
  const cadence =
    typeof cadenceMonths === 'number' && Number.isFinite(cadenceMonths) && cadenceMonths > 0 ? Math.round(cadenceMonths) : null;
  if (cadence === null) return { stale: false, expectedNext: null, text: `${avser}; källan har ingen fast utgivningstakt.` };
  const idx = year * 12 + (month - 1) + cadence;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  const expectedNext = monthLabel(ny, nm);
  const valid = today instanceof Date && !Number.isNaN(today.getTime());
  if (!valid) return { stale: false, expectedNext, text: `${avser}; ny data väntas ${expectedNext}.` };
  const todayMonth = monthLabel(today.getUTCFullYear(), today.getUTCMonth() + 1);
  const stale = todayMonth > expectedNext;
  const text = stale
    ? `${avser}. Data är äldre än källans utgivningstakt (${monthsWord(cadence)}). Ny data väntades ${expectedNext}.`
    : `${avser}; ny data väntas ${expectedNext}.`;
  return { stale, expectedNext, text };
}
