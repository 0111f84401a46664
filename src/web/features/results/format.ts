import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type Formatters = {
  lang: string;
  /** A level or an average on a level scale: one decimal ("2,4"). */
  level: (value: number) => string;
  /** A gap with its sign ("+0,6", "−0,3"). */
  gap: (value: number) => string;
  int: (value: number) => string;
  /** A share 0–1 as a percentage ("42 %"). */
  pct: (value: number) => string;
  date: (iso: string) => string;
};

/** Number and date formats of the UI language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const one = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const signed = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const int = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    return {
      lang,
      level: (v) => one.format(v),
      gap: (v) => signed.format(v),
      int: (v) => int.format(v),
      pct: (v) => pct.format(v),
      date: (iso) => new Date(iso).toLocaleDateString(lang),
    };
  }, [lang]);
}
