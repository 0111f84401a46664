import { readFileSync } from 'node:fs';
import { LANGUAGES, type Language } from '../../src/shared/domain.js';

// The web app's own message files, so specs find controls by the text a user
// of each language sees, without repeating translations here.
type Messages = { [key: string]: string | Messages };

const messages = Object.fromEntries(
  LANGUAGES.map((lng) => [lng, JSON.parse(readFileSync(new URL(`../../src/web/i18n/${lng}.json`, import.meta.url), 'utf8')) as Messages]),
) as Record<Language, Messages>;

export { LANGUAGES, type Language };

function lookup(lng: Language, key: string): string | undefined {
  let node: string | Messages | undefined = messages[lng];
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** i18next-like lookup: `{{var}}` interpolation and `_one`/`_other` plurals by `count`. */
export function t(lng: Language, key: string, vars: Record<string, string | number> = {}): string {
  let text: string | undefined;
  if (typeof vars.count === 'number') {
    const form = new Intl.PluralRules(lng).select(vars.count);
    text = lookup(lng, `${key}_${form}`) ?? lookup(lng, `${key}_other`);
  }
  text ??= lookup(lng, key) ?? lookup('nb', key);
  if (text === undefined) throw new Error(`missing message ${key}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** Case-sensitive exact-match RegExp for a translated label. */
export function exact(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
