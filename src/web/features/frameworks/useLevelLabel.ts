import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersionDetail } from '../../../shared/api/frameworks';
import { useLocalize } from '../../i18n/localize';

type Level = FrameworkVersionDetail['levels'][number];

/** "2 – Selvstendig": a level with its name on the scale. */
export function useLevelLabel(levels: readonly Level[]) {
  const { t } = useTranslation();
  const { text } = useLocalize();
  return useMemo(() => {
    const names = new Map(levels.map((l) => [l.level, text(l.name)]));
    return (level: number) => {
      const name = names.get(level);
      return name ? t('frameworks.version.levelName', { level, name }) : t('frameworks.version.levelNumber', { level });
    };
  }, [levels, text, t]);
}
