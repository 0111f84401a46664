import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useMunicipality } from './municipality';

/** Shown when the user may open more than one municipality; the choice is remembered. */
export function MunicipalityPicker() {
  const { t } = useTranslation();
  const { municipalities, current, select } = useMunicipality();
  if (municipalities.length === 0) return null;
  if (municipalities.length === 1) {
    return (
      <span className="municipality-name" data-testid="current-municipality">
        {municipalities[0]?.name}
      </span>
    );
  }
  return (
    <Field className="municipality-picker" data-size="sm">
      <Label>{t('header.municipality')}</Label>
      <Select value={current?.id ?? ''} width="auto" onChange={(e) => select(e.target.value)}>
        {municipalities.map((m) => (
          <Select.Option key={m.id} value={m.id}>
            {m.name}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
