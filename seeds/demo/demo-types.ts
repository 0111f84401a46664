import type { Language, Profession, Role, UnitKind } from '../../src/shared/domain.js';

// Plain data only: the seeder, e2e fixtures and benchmarks all read the same
// scenario, so it must not depend on a database or on ids assigned at insert time.
// Everything refers to everything else by natural keys (codes, employee numbers).

export type DemoUnit = { code: string; name: string; kind: UnitKind; parentCode: string | null };

export type DemoEmployee = {
  employeeNumber: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string | null;
  profession: Profession;
  positionPct: number;
  preferredLanguage: Language;
  unitCodes: string[];
};

export type DemoGrant = {
  role: Role;
  scope: 'platform' | 'network' | 'municipality' | 'unit';
  municipalityCode?: string;
  unitCode?: string;
};

export type DemoAccount = {
  email: string;
  displayName: string;
  password: string;
  preferredLanguage: Language;
  municipalityCode: string | null;
  employeeNumber: string | null;
  grants: DemoGrant[];
  description: string;
};

export type DemoMunicipality = {
  code: string;
  country: 'NO';
  name: string;
  population: number;
  units: DemoUnit[];
  employees: DemoEmployee[];
};

export type DemoScenario = {
  network: { name: string; slug: string };
  municipalities: DemoMunicipality[];
  accounts: DemoAccount[];
};
