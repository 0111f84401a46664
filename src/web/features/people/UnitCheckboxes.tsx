import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { UnitNode } from '../units/tree';

type Props = {
  units: UnitNode[];
  selected: string[];
  error?: string | undefined;
  onChange: (ids: string[]) => void;
};

/** Pick the units a person belongs to, indented as in the unit tree. */
export function UnitCheckboxes({ units, selected, error, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Fieldset className="unit-checkboxes">
      <Fieldset.Legend>{t('people.fields.units')}</Fieldset.Legend>
      <Fieldset.Description>{t('people.fields.unitsHelp')}</Fieldset.Description>
      <div className="unit-checkboxes__list">
        {units.map((n) => (
          <div key={n.unit.id} style={{ paddingInlineStart: `${n.depth * 1.5}rem` }}>
            <Checkbox
              label={`${n.unit.name} (${t(`unitKinds.${n.unit.kind}`)})`}
              value={n.unit.id}
              checked={selected.includes(n.unit.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...selected, n.unit.id] : selected.filter((id) => id !== n.unit.id))
              }
            />
          </div>
        ))}
      </div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
