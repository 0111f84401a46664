import type { TFunction } from 'i18next';
import type { RecommendationReason } from '../../../../shared/api/assignments';

// Wording and dates for "my learning", kept apart from the components so it can be tested.

const LOCALES: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (YYYY-MM-DD) or an instant, as the reader writes dates; a calendar date never shifts a day. */
export function formatDate(value: string, language: string): string {
  const calendar = CALENDAR_DATE.test(value);
  const date = calendar ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(LOCALES[language] ?? language, { dateStyle: 'medium', ...(calendar ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** Why an item is recommended: "You are at level 2, your role needs 3 in Information security". */
export function reasonText(t: TFunction, r: RecommendationReason): string {
  const competence = r.competenceName;
  if (r.selfLevel !== null && r.requiredLevel !== null && r.selfLevel < r.requiredLevel) {
    return t('myLearning.reasonGap', { self: r.selfLevel, required: r.requiredLevel, competence });
  }
  return t('myLearning.reasonWants', { competence });
}
