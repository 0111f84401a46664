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

/** One answer of a self-assessment; level null = "don't know". */
export type DemoAnswer = { competenceCode: string; level: number | null; wantsTraining: boolean };

/**
 * A closed mapping campaign on the built-in starter framework (all its
 * competences), targeting every employee of the municipality. Times are days
 * before the moment of seeding, so the demo's charts look the same whenever it
 * is started. Everyone is invited; `responses` are those who submitted.
 */
export type DemoCampaign = {
  municipalityCode: string;
  /** Stable within the municipality: "first", "second" or "benchmark". */
  key: string;
  /** The written standard of the campaign's name. */
  language: 'nb' | 'nn';
  mode: 'identified' | 'anonymous';
  instruments: ('self_assessment' | 'leader_survey')[];
  opensDaysAgo: number;
  closesDaysAgo: number;
  responses: { employeeNumber: string; submittedDaysAgo: number; answers: DemoAnswer[] }[];
  /** Leader-survey answers of the employees with profession "leader": item code → option codes. */
  leaderSurvey: { employeeNumber: string; submittedDaysAgo: number; answers: Record<string, string[]> }[];
  /** Identified campaigns: a leader's rating beside the person's own; level null = "cannot judge". */
  leaderRatings: { raterEmail: string; employeeNumber: string; ratings: { competenceCode: string; level: number | null }[] }[];
};

export type DemoScenario = {
  network: { name: string; slug: string };
  municipalities: DemoMunicipality[];
  accounts: DemoAccount[];
  /** Fictional municipalities outside the network that only feed national comparisons (no logins). */
  benchmarkMunicipalities: DemoMunicipality[];
  campaigns: DemoCampaign[];
};
