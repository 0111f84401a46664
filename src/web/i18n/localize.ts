import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../shared/api/frameworks';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../shared/domain';

// Framework content (names, descriptions, level texts) comes in the languages
// its source provides. Show the UI language, else English, else Norwegian
// Bokmål, else whatever there is.

const FALLBACKS: readonly Language[] = ['en', 'nb'];

export type Picked = { text: string; lang: Language | null };

/** The text to show for a UI language, and the language it is actually in. */
export function pickLocalized(value: Localized | null | undefined, lng: Language): Picked {
  if (!value) return { text: '', lang: null };
  for (const candidate of [lng, ...FALLBACKS, ...LANGUAGES]) {
    const text = value[candidate];
    if (typeof text === 'string' && text.trim() !== '') return { text, lang: candidate };
  }
  return { text: '', lang: null };
}

export function localize(value: Localized | null | undefined, lng: Language): string {
  return pickLocalized(value, lng).text;
}

function asLanguage(lng: string | undefined): Language {
  const base = lng?.split('-')[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : DEFAULT_LANGUAGE;
}

/** The UI language and helpers bound to it; re-renders when the language changes. */
export function useLocalize() {
  const { i18n } = useTranslation();
  const lng = asLanguage(i18n.resolvedLanguage ?? i18n.language);
  const text = useCallback((value: Localized | null | undefined) => localize(value, lng), [lng]);
  const pick = useCallback((value: Localized | null | undefined) => pickLocalized(value, lng), [lng]);
  return { lng, text, pick };
}
