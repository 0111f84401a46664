// Vocabulary shared by server and web. Codes are stable identifiers stored in the
// database and sent over the API; their labels live in the web app's i18n files.

export const LANGUAGES = ['nb', 'nn', 'sv', 'da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nb';

export const COUNTRIES = ['NO', 'SE', 'DK'] as const;
export type Country = (typeof COUNTRIES)[number];

export const SIZE_CLASSES = ['small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** small < 5,000 inhabitants; medium 5,000–20,000; large > 20,000. */
export function sizeClassOf(population: number): SizeClass {
  if (population < 5000) return 'small';
  if (population <= 20000) return 'medium';
  return 'large';
}

export const PROFESSIONS = [
  'nurse',
  'specialist_nurse',
  'health_care_worker',
  'social_educator',
  'assistant',
  'physiotherapist',
  'occupational_therapist',
  'doctor',
  'leader',
  'other',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const UNIT_KINDS = ['service_area', 'unit', 'team'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = [
  'employee',
  'leader',
  'ombud',
  'competence_advisor',
  'municipal_admin',
  'network_coordinator',
  'analyst',
  'platform_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['platform', 'network', 'municipality', 'unit'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/** Which scopes each role may be granted at. */
export const ROLE_SCOPES: Record<Role, readonly ScopeType[]> = {
  employee: ['municipality', 'unit'],
  leader: ['municipality', 'unit'],
  ombud: ['unit', 'municipality'],
  competence_advisor: ['municipality', 'network'],
  municipal_admin: ['municipality'],
  network_coordinator: ['network'],
  analyst: ['network', 'municipality', 'platform'],
  platform_admin: ['platform'],
};
