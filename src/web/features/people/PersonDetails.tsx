import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/api/people';
import type { Unit } from '../../../shared/api/tenancy';

/** Read-only view for leaders, who may see but not change people. */
export function PersonDetails({ person, unitsById }: { person: Person; unitsById: Map<string, Unit> }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('people.fields.employeeNumber'), person.employeeNumber],
    [t('people.fields.email'), person.email ?? '–'],
    [t('people.fields.phone'), person.phone ?? '–'],
    [t('people.fields.profession'), t(`professions.${person.profession}`)],
    [t('people.fields.positionPct'), `${person.positionPct} %`],
    [t('people.fields.preferredLanguage'), t(`languages.${person.preferredLanguage}`)],
    [t('people.fields.units'), person.unitIds.map((id) => unitsById.get(id)?.name ?? '…').join(', ') || '–'],
    [t('people.fields.status'), person.active ? t('people.active') : t('people.inactive')],
    [t('people.account.title'), person.hasAccount ? t('people.account.has') : t('people.account.none')],
  ];
  return (
    <dl className="facts facts--grid">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
