import type { TFunction } from 'i18next';
import type { Assignment } from '../../../../shared/api/assignments';
import type { Me } from '../../../../shared/api/auth';
import type { MeMunicipality } from '../../../app/municipality';

// Paths of the assignments API and a client-side mirror of assignments.policy.ts:
// it only decides what to show; the server checks every request again.

export const assignmentsPath = (municipalityId: string) => `/municipalities/${municipalityId}/learning/assignments`;
export const assignmentPath = (municipalityId: string, id: string) => `${assignmentsPath(municipalityId)}/${id}`;

export type AssignAccess = { any: boolean; wholeMunicipality: boolean; unitIds: string[] };

export function assignAccess(me: Me, municipality: MeMunicipality | null): AssignAccess {
  if (!municipality) return { any: false, wholeMunicipality: false, unitIds: [] };
  const here = me.grants.filter((g) => g.municipalityId === municipality.id);
  const wholeMunicipality = here.some((g) => g.scopeType === 'municipality' && (g.role === 'municipal_admin' || g.role === 'competence_advisor' || g.role === 'leader'));
  const unitIds = here.filter((g) => g.scopeType === 'unit' && g.role === 'leader').map((g) => g.unitId!);
  return { any: wholeMunicipality || unitIds.length > 0, wholeMunicipality, unitIds };
}

/** The deadline as words: a date, "30 days after start", or none. */
export function deadlineText(t: TFunction, a: Pick<Assignment, 'dueDate' | 'dueDays'>, formatDate: (d: string) => string): string {
  if (a.dueDate) return formatDate(a.dueDate);
  if (a.dueDays) return t('assignments.daysAfterStart', { count: a.dueDays });
  return t('assignments.noDeadline');
}

export function targetText(t: TFunction, a: Pick<Assignment, 'target' | 'targetName'>): string {
  const name = a.target.kind === 'profession' ? t(`professions.${a.target.profession}`) : a.targetName;
  return `${t(`assignments.targetKinds.${a.target.kind}`)}: ${name}`;
}
