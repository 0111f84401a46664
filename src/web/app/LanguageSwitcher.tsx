import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../shared/domain';
import { currentLanguage, isLanguage, setLanguage } from '../i18n';

/** Header language picker; each option is written in its own language. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  return (
    <Field className="language-switcher" data-size="sm">
      <Label>{t('header.language')}</Label>
      <Select
        value={currentLanguage()}
        width="auto"
        onChange={(e) => {
          const value = e.target.value;
          if (isLanguage(value)) void setLanguage(value);
        }}
      >
        {LANGUAGES.map((lng) => (
          <Select.Option key={lng} value={lng} lang={lng}>
            {t(`languages.${lng}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
