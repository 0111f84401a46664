import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { AssignmentTarget, AssignmentTargetKind } from '../../../../shared/api/assignments';
import { paged } from '../../../../shared/api/common';
import { personSchema } from '../../../../shared/api/people';
import { roleProfileSchema } from '../../../../shared/api/role-profiles';
import { unitSchema, type Unit } from '../../../../shared/api/tenancy';
import { PROFESSIONS } from '../../../../shared/domain';
import { useApi } from '../../../api/useApi';
import { SelectField } from '../../../components/SelectField';
import type { AssignAccess } from './assignmentsApi';
import { SearchPicker } from './SearchPicker';

const peoplePage = paged(personSchema);
const unitList = z.array(unitSchema);
const profileList = z.array(roleProfileSchema);

/** Units the caller may assign to: all of them, or the subtrees of the units they lead. */
export function reachableUnits(units: Unit[], access: AssignAccess): Unit[] {
  if (access.wholeMunicipality) return units;
  const inside = new Set(access.unitIds);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && inside.has(u.parentId) && !inside.has(u.id)) {
        inside.add(u.id);
        grew = true;
      }
    }
  }
  return units.filter((u) => inside.has(u.id));
}

type Props = { municipalityId: string; access: AssignAccess; kind: AssignmentTargetKind; target: AssignmentTarget | null; onKind: (k: AssignmentTargetKind) => void; onTarget: (t: AssignmentTarget | null) => void; error?: string };

/** Who the assignment is for: one person, a unit (with sub-units), a profession or a role profile. */
export function TargetPicker({ municipalityId, access, kind, target, onKind, onTarget, error }: Props) {
  const { t } = useTranslation();
  const kinds: AssignmentTargetKind[] = access.wholeMunicipality ? ['unit', 'person', 'profession', 'role_profile'] : ['unit', 'person'];
  const units = useApi(kind === 'unit' ? `/municipalities/${municipalityId}/units` : null, unitList);
  const profiles = useApi(kind === 'role_profile' ? `/municipalities/${municipalityId}/role-profiles` : null, profileList);
  const selected = <K extends AssignmentTargetKind>(k: K) => (target?.kind === k ? (target as Extract<AssignmentTarget, { kind: K }>) : null);
  return (
    <>
      <SelectField label={t('assignments.form.targetKind')} value={kind} onChange={(e) => onKind(e.target.value as AssignmentTargetKind)}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`assignments.targetKinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {kind === 'person' ? (
        <SearchPicker
          name="target-person"
          legend={t('assignments.targetKinds.person')}
          searchLabel={t('assignments.form.personSearch')}
          emptyText={t('assignments.form.noPeople')}
          path={`/municipalities/${municipalityId}/people`}
          schema={peoplePage}
          query={(q) => ({ q: q || undefined, pageSize: 10 })}
          options={(page) => page.items.map((p) => ({ id: p.id, label: `${p.givenName} ${p.familyName}`, detail: t(`professions.${p.profession}`) }))}
          value={selected('person')?.personId ?? null}
          onChange={(personId) => onTarget({ kind: 'person', personId })}
          error={error}
        />
      ) : null}
      {kind === 'unit' ? (
        <SelectField label={t('assignments.targetKinds.unit')} value={selected('unit')?.unitId ?? ''} error={error} onChange={(e) => onTarget(e.target.value ? { kind: 'unit', unitId: e.target.value } : null)}>
          <option value="">{t('assignments.form.choose')}</option>
          {reachableUnits(units.data ?? [], access).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind === 'profession' ? (
        <SelectField label={t('assignments.targetKinds.profession')} value={selected('profession')?.profession ?? ''} error={error} onChange={(e) => onTarget(e.target.value ? { kind: 'profession', profession: e.target.value as (typeof PROFESSIONS)[number] } : null)}>
          <option value="">{t('assignments.form.choose')}</option>
          {PROFESSIONS.map((p) => (
            <option key={p} value={p}>
              {t(`professions.${p}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      {kind === 'role_profile' ? (
        <SelectField label={t('assignments.targetKinds.role_profile')} value={selected('role_profile')?.roleProfileId ?? ''} error={error} onChange={(e) => onTarget(e.target.value ? { kind: 'role_profile', roleProfileId: e.target.value } : null)}>
          <option value="">{t('assignments.form.choose')}</option>
          {(profiles.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : null}
    </>
  );
}
