import { Checkbox, Fieldset, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../../shared/domain';
import type { FieldErrors } from '../../../components/validation';
import type { ItemValues } from './itemForm';

type Props = { values: ItemValues; errors: FieldErrors; onChange: (patch: Partial<ItemValues>) => void };

/** The languages the content is in, and a title and description in each of them. */
export function ItemTextFields({ values, errors, onChange }: Props) {
  const { t } = useTranslation();
  const chosen = LANGUAGES.filter((l) => values.languages.includes(l));
  const toggle = (l: Language, on: boolean) => onChange({ languages: LANGUAGES.filter((x) => (x === l ? on : values.languages.includes(x))) });
  return (
    <>
      <Fieldset>
        <Fieldset.Legend>{t('catalogue.editor.languages')}</Fieldset.Legend>
        <Fieldset.Description>{t('catalogue.editor.languagesHelp')}</Fieldset.Description>
        {LANGUAGES.map((l) => (
          <Checkbox
            key={l}
            label={t(`languages.${l}`)}
            value={l}
            checked={values.languages.includes(l)}
            aria-invalid={errors.languages ? true : undefined}
            onChange={(e) => toggle(l, e.target.checked)}
          />
        ))}
        {errors.languages ? <ValidationMessage>{errors.languages}</ValidationMessage> : null}
      </Fieldset>
      <div className="catalogue-editor__languages">
        {chosen.map((l, i) => (
          <Fieldset key={l}>
            <Fieldset.Legend>{t('catalogue.editor.textsIn', { language: t(`languages.${l}`) })}</Fieldset.Legend>
            <Textfield
              label={t('catalogue.editor.title')}
              lang={l}
              value={values.titles[l]}
              error={errors[`titles.${l}`] ?? (i === 0 ? errors.titles : undefined)}
              onChange={(e) => onChange({ titles: { ...values.titles, [l]: e.target.value } })}
              autoComplete="off"
            />
            <Textfield
              label={t('catalogue.editor.description')}
              lang={l}
              multiline
              rows={4}
              value={values.descriptions[l]}
              error={errors[`descriptions.${l}`]}
              onChange={(e) => onChange({ descriptions: { ...values.descriptions, [l]: e.target.value } })}
            />
          </Fieldset>
        ))}
      </div>
    </>
  );
}
