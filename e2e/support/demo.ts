import { buildDemoScenario, DEMO_PASSWORD, type DemoAccount, type DemoMunicipality, type DemoUnit } from '../../seeds/demo/demo-scenario.js';

// The demo scenario the e2e server seeds on its fresh database. Specs read
// names, codes and logins from here instead of repeating them.
export const scenario = buildDemoScenario();
export { DEMO_PASSWORD };

export const ACCOUNTS = {
  admin: 'admin@havstad.kommune.example',
  advisor: 'kompetanse@havstad.kommune.example',
  leader: 'leder.hjemmetjeneste@havstad.kommune.example',
  ombud: 'ombud@havstad.kommune.example',
  employee: 'ansatt@havstad.kommune.example',
  coordinator: 'koordinator@fjordnettverket.example',
  analyst: 'analytiker@fjordnettverket.example',
  platform: 'plattform@mestring.example',
} as const;
export type AccountKey = keyof typeof ACCOUNTS;

export function account(email: string): DemoAccount {
  const found = scenario.accounts.find((a) => a.email === email);
  if (!found) throw new Error(`no demo account ${email}`);
  return found;
}

export function municipality(code: string): DemoMunicipality {
  const found = scenario.municipalities.find((m) => m.code === code);
  if (!found) throw new Error(`no demo municipality ${code}`);
  return found;
}

export const HAVSTAD = municipality('9903');
export const BERGHEIM = municipality('9902');
export const SOLVIK = municipality('9901');

export function unit(m: DemoMunicipality, code: string): DemoUnit {
  const found = m.units.find((u) => u.code === code);
  if (!found) throw new Error(`no unit ${code} in ${m.name}`);
  return found;
}

/** The unit and every unit below it (codes). */
export function subtreeCodes(m: DemoMunicipality, rootCode: string): Set<string> {
  const codes = new Set([rootCode]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of m.units) {
      if (u.parentCode && codes.has(u.parentCode) && !codes.has(u.code)) {
        codes.add(u.code);
        grew = true;
      }
    }
  }
  return codes;
}

/** The unit the Havstad home-care leader account is granted. */
export const LEADER_UNIT_CODE = (() => {
  const grant = account(ACCOUNTS.leader).grants.find((g) => g.role === 'leader');
  if (!grant?.unitCode) throw new Error('leader account has no unit grant');
  return grant.unitCode;
})();

/** Unique per run and per call: for employee numbers and names other specs will not use. */
let counter = 0;
export function uniqueSuffix(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`.toUpperCase();
}

/** A letters-only unique token (names should look like names). */
export function uniqueName(prefix: string): string {
  const digits = `${Date.now()}${(counter += 1)}`;
  const letters = [...digits].map((d) => 'abcdefghij'[Number(d)]).join('');
  return `${prefix}${letters.slice(-8)}`;
}
