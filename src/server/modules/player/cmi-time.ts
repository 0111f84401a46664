// Time values of the SCORM data models: SCORM 1.2 writes CMITimespan
// ("HHHH:MM:SS.SS"), SCORM 2004 and xAPI an ISO 8601 duration ("PT1H2M3.5S").

const TIMESPAN_12 = /^(\d{2,4}):([0-5]\d):([0-5]\d)(?:\.(\d{1,2}))?$/;
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Seconds in a SCORM 1.2 CMITimespan; null when it is empty or malformed. */
export function timespanSeconds(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = TIMESPAN_12.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + (m[4] ? Number(`0.${m[4]}`) : 0);
}

/**
 * Seconds in an ISO 8601 duration; null when empty or malformed. Years and
 * months have no fixed length: like SCORM 2004 implementations we count 365
 * and 30 days (a session time never uses them in practice).
 */
export function isoDurationSeconds(value: unknown): number | null {
  if (typeof value !== 'string' || value === 'P' || value.endsWith('T')) return null;
  const m = ISO_DURATION.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  return y! * 365 * 86400 + mo! * 30 * 86400 + d! * 86400 + h! * 3600 + mi! * 60 + s!;
}

/** Whole hundredths of a second, split into hours, minutes, seconds and hundredths. */
function parts(seconds: number): { h: number; m: number; s: number; cs: number } {
  const cents = Math.round(Math.max(0, seconds) * 100);
  return { h: Math.floor(cents / 360000), m: Math.floor((cents % 360000) / 6000), s: Math.floor((cents % 6000) / 100), cs: cents % 100 };
}

/** An xAPI / SCORM 2004 duration, e.g. 5430.5 → "PT1H30M30.5S". */
export function isoDuration(seconds: number): string {
  const { h, m, s, cs } = parts(seconds);
  const sec = cs ? `${s}.${String(cs).padStart(2, '0').replace(/0$/, '')}` : String(s);
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || cs || (!h && !m) ? `${sec}S` : ''}`;
}

/** A SCORM 1.2 CMITimespan, e.g. 5430.5 → "01:30:30.5" (hours capped at 9999). */
export function cmiTimespan(seconds: number): string {
  const { h, m, s, cs } = parts(Math.min(seconds, 9999 * 3600 + 59 * 60 + 59.99));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${cs ? `.${pad(cs).replace(/0$/, '')}` : ''}`;
}
