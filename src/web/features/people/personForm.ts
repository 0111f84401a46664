import type { Person } from '../../../shared/api/people';
import { DEFAULT_LANGUAGE, type Language, type Profession } from '../../../shared/domain';

/** The form's own state: strings as typed, converted on submit. */
export type PersonFormValues = {
  employeeNumber: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  profession: Profession | '';
  positionPct: string;
  preferredLanguage: Language;
  unitIds: string[];
  primaryUnitId: string;
  active: boolean;
};

export function emptyPerson(language: Language = DEFAULT_LANGUAGE): PersonFormValues {
  return {
    employeeNumber: '', givenName: '', familyName: '', email: '', phone: '', profession: '', positionPct: '100',
    preferredLanguage: language, unitIds: [], primaryUnitId: '', active: true,
  };
}

export function fromPerson(p: Person): PersonFormValues {
  return {
    employeeNumber: p.employeeNumber, givenName: p.givenName, familyName: p.familyName, email: p.email ?? '',
    phone: p.phone ?? '', profession: p.profession, positionPct: String(p.positionPct), preferredLanguage: p.preferredLanguage,
    unitIds: [...p.unitIds], primaryUnitId: p.primaryUnitId ?? '', active: p.active,
  };
}

/** The request body, before validation against the shared personInput schema. */
export function toBody(v: PersonFormValues): Record<string, unknown> {
  const pct = v.positionPct.trim().replace(',', '.');
  const primary = v.unitIds.includes(v.primaryUnitId) ? v.primaryUnitId : (v.unitIds[0] ?? null);
  return {
    employeeNumber: v.employeeNumber,
    givenName: v.givenName,
    familyName: v.familyName,
    email: v.email.trim() ? v.email.trim() : null,
    phone: v.phone.trim() ? v.phone.trim() : null,
    profession: v.profession === '' ? undefined : v.profession,
    positionPct: pct === '' ? undefined : Number(pct),
    preferredLanguage: v.preferredLanguage,
    unitIds: v.unitIds,
    primaryUnitId: primary,
    active: v.active,
  };
}
