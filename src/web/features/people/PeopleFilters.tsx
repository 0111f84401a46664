import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFESSIONS } from '../../../shared/domain';
import { SelectField } from '../../components/SelectField';
import { indentLabel, type UnitNode } from '../units/tree';

export type PeopleFilterValues = { q: string; unitId: string; profession: string; active: string };

type Props = {
  values: PeopleFilterValues;
  units: UnitNode[];
  onChange: (values: PeopleFilterValues) => void;
};

export function PeopleFilters({ values, units, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(values.q);
  useEffect(() => setQ(values.q), [values.q]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...values, q: q.trim() });
  };

  return (
    <form role="search" className="filters" onSubmit={submit} aria-label={t('people.filters.label')}>
      <div className="filters__search">
        <Textfield
          label={t('people.filters.search')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </div>
      <SelectField label={t('people.filters.unit')} value={values.unitId} onChange={(e) => onChange({ ...values, unitId: e.target.value })}>
        <option value="">{t('people.filters.allUnits')}</option>
        {units.map((n) => (
          <option key={n.unit.id} value={n.unit.id}>
            {indentLabel(n)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('people.filters.profession')}
        value={values.profession}
        onChange={(e) => onChange({ ...values, profession: e.target.value })}
      >
        <option value="">{t('people.filters.allProfessions')}</option>
        {PROFESSIONS.map((p) => (
          <option key={p} value={p}>
            {t(`professions.${p}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('people.filters.status')} value={values.active} onChange={(e) => onChange({ ...values, active: e.target.value })}>
        <option value="true">{t('people.filters.activeOnly')}</option>
        <option value="false">{t('people.filters.inactiveOnly')}</option>
        <option value="all">{t('people.filters.all')}</option>
      </SelectField>
    </form>
  );
}
