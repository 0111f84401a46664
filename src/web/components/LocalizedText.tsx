import type { Localized } from '../../shared/api/frameworks';
import { useLocalize } from '../i18n/localize';

/**
 * Framework text in the UI language, or in the fallback language it exists in;
 * then marked with `lang` so screen readers pronounce it right.
 */
export function LocalizedText({ value, fallback = '' }: { value: Localized | null | undefined; fallback?: string }) {
  const { lng, pick } = useLocalize();
  const { text, lang } = pick(value);
  if (!text) return <>{fallback}</>;
  return lang && lang !== lng ? <span lang={lang}>{text}</span> : <>{text}</>;
}
