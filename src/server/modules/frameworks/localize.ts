import type { Localized } from '../../../shared/api/frameworks.js';
import { LANGUAGES, type Language } from '../../../shared/domain.js';

// Texts stored in several languages (framework names, question texts), picked
// the way the questionnaire picks them: the asked-for language first, then the
// reader's, then the municipality's, then English and Norwegian Bokmål.

export function languageChain(...preferred: (string | null | undefined)[]): Language[] {
  const chain = [...preferred, 'en', 'nb', ...LANGUAGES].filter((l): l is Language => !!l && (LANGUAGES as readonly string[]).includes(l));
  return [...new Set(chain)];
}

export function pick(text: unknown, chain: readonly Language[]): string | null {
  const t = (text ?? null) as Localized | null;
  if (!t || typeof t !== 'object') return null;
  for (const lang of chain) if (t[lang]) return t[lang]!;
  return Object.values(t).find((v) => !!v) ?? null;
}
