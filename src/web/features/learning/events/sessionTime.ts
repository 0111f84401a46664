// Dates and times of sessions in the user's language and the device's time
// zone, and the conversions for <input type="datetime-local"> (which has no
// zone: it means local time on this device).

const LOCALES: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

export const localeOf = (language: string): string => LOCALES[language] ?? language;

/** "torsdag 12. juni 2031 kl. 09:00–15:30" (one day) or both dates in full when it spans days. */
export function formatSessionRange(startsAt: string, endsAt: string, language: string): string {
  const format = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'full', timeStyle: 'short' });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as the value of a datetime-local input, in this device's zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an ISO instant, or null when empty or unreadable. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
