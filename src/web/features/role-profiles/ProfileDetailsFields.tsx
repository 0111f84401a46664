import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PROFESSIONS, type Profession } from '../../../shared/domain';
import { SelectField } from '../../components/SelectField';
import type { FieldErrors } from '../../components/validation';
import { indentLabel, type UnitNode } from '../units/tree';
import type { DetailsValues } from './requirements';

type Props = {
  values: DetailsValues;
  errors: FieldErrors;
  units: UnitNode[];
  onChange: <K extends keyof DetailsValues>(key: K, value: DetailsValues[K]) => void;
};

/** Name, description, profession and unit of a role profile. */
export function ProfileDetailsFields({ values, errors, units, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="form-grid">
      <Textfield
        label={t('roleProfiles.fields.name')}
        value={values.name}
        onChange={(e) => onChange('name', e.target.value)}
        error={errors.name}
        autoComplete="off"
        required
      />
      <SelectField
        label={t('roleProfiles.fields.profession')}
        value={values.profession}
        error={errors.profession}
        onChange={(e) => onChange('profession', e.target.value as Profession | '')}
      >
        <option value="">{t('roleProfiles.fields.noProfession')}</option>
        {PROFESSIONS.map((p) => (
          <option key={p} value={p}>
            {t(`professions.${p}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('roleProfiles.fields.unit')}
        value={values.unitId}
        error={errors.unitId}
        onChange={(e) => onChange('unitId', e.target.value)}
      >
        <option value="">{t('roleProfiles.fields.noUnit')}</option>
        {units.map((n) => (
          <option key={n.unit.id} value={n.unit.id}>
            {indentLabel(n)}
          </option>
        ))}
      </SelectField>
      <Textfield
        className="form-grid__full"
        multiline
        rows={3}
        label={t('roleProfiles.fields.description')}
        value={values.description}
        onChange={(e) => onChange('description', e.target.value)}
        error={errors.description}
      />
    </div>
  );
}
