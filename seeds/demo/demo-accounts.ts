import type { Language, Profession } from '../../src/shared/domain.js';
import { DEMO_NETWORK } from './demo-municipalities.js';
import type { DemoAccount, DemoEmployee, DemoGrant, DemoMunicipality, DemoUnit } from './demo-types.js';

/** One password for every demo login, printed in the README; never used outside demo data. */
export const DEMO_PASSWORD = 'Mestring-demo-2026!';

type Plan = {
  slug: string;
  adminName: string;
  homeCareUnit: string;
  careHomeUnit: string;
  careHomeLocal: string;
  ombud: { local: string; unitCodes: string[] }[];
  /** The plain employee sits in the home-care leader's unit so both views can be compared. */
  employeeLanguage: Language;
};

// Per municipality: which units the demo leaders and ombud look after. The
// people themselves are picked from the generated staff, so the logins always
// point at real employee records.
const PLANS: Record<string, Plan> = {
  '9901': {
    slug: 'solvik', adminName: 'Tore Vikane', homeCareUnit: 'HJT-1', careHomeUnit: 'HH-LT', careHomeLocal: 'leder.helsehus',
    ombud: [{ local: 'ombud', unitCodes: ['HJT-1', 'HH-LT'] }], employeeLanguage: 'nn',
  },
  '9902': {
    slug: 'bergheim', adminName: 'Ingunn Aasland', homeCareUnit: 'HJT-N', careHomeUnit: 'SH-A2', careHomeLocal: 'leder.sykehjem',
    ombud: [{ local: 'ombud', unitCodes: ['HJT-N'] }], employeeLanguage: 'nb',
  },
  '9903': {
    slug: 'havstad', adminName: 'Henning Steinsland', homeCareUnit: 'HJT-N', careHomeUnit: 'HH-LT', careHomeLocal: 'leder.helsehus',
    ombud: [
      { local: 'ombud', unitCodes: ['HJT-N'] },
      { local: 'ombud.helsehus', unitCodes: ['HH-LT', 'HH-D'] },
    ],
    employeeLanguage: 'sv',
  },
};

function subtree(units: DemoUnit[], rootCode: string): Set<string> {
  const codes = new Set([rootCode]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parentCode && codes.has(u.parentCode) && !codes.has(u.code)) {
        codes.add(u.code);
        grew = true;
      }
    }
  }
  return codes;
}

function pickEmployee(
  m: DemoMunicipality,
  unitCode: string,
  professions: Profession[],
  taken: Set<string>,
  language?: Language,
): DemoEmployee {
  const codes = subtree(m.units, unitCode);
  const found = m.employees.find(
    (e) =>
      !taken.has(e.employeeNumber) &&
      codes.has(e.unitCodes[0] ?? '') &&
      professions.includes(e.profession) &&
      (language === undefined || e.preferredLanguage === language),
  );
  if (!found) throw new Error(`demo data: no ${professions.join('/')} in ${m.code}/${unitCode}`);
  taken.add(found.employeeNumber);
  return found;
}

function unitName(m: DemoMunicipality, code: string): string {
  return m.units.find((u) => u.code === code)?.name ?? code;
}

function municipalityAccounts(m: DemoMunicipality, plan: Plan): DemoAccount[] {
  const at = (local: string) => `${local}@${plan.slug}.kommune.example`;
  const taken = new Set<string>();
  const inMunicipality: DemoGrant = { role: 'employee', scope: 'municipality', municipalityCode: m.code };
  // Accounts linked to an employee also hold the employee role, so leaders and
  // ombud can answer their own self-assessment like everyone else.
  const linked = (e: DemoEmployee, email: string, grants: DemoGrant[], description: string): DemoAccount => ({
    email, displayName: `${e.givenName} ${e.familyName}`, password: DEMO_PASSWORD, preferredLanguage: e.preferredLanguage,
    municipalityCode: m.code, employeeNumber: e.employeeNumber, grants: [...grants, inMunicipality], description,
  });
  const unitGrant = (role: 'leader' | 'ombud', unitCode: string): DemoGrant => ({ role, scope: 'unit', municipalityCode: m.code, unitCode });

  const advisor = pickEmployee(m, 'STAB', ['specialist_nurse'], taken);
  const homeLeader = pickEmployee(m, plan.homeCareUnit, ['leader'], taken);
  const careLeader = pickEmployee(m, plan.careHomeUnit, ['leader'], taken);
  // Picked before the ombud so the person cast with the wanted language is not taken.
  const employee = pickEmployee(m, plan.homeCareUnit, ['health_care_worker', 'assistant'], taken, plan.employeeLanguage);
  const accounts: DemoAccount[] = [
    {
      email: at('admin'), displayName: plan.adminName, password: DEMO_PASSWORD, preferredLanguage: 'nb',
      municipalityCode: m.code, employeeNumber: null,
      grants: [{ role: 'municipal_admin', scope: 'municipality', municipalityCode: m.code }],
      description: `Import staff and units, manage users and roles in ${m.name}.`,
    },
    linked(advisor, at('kompetanse'), [{ role: 'competence_advisor', scope: 'municipality', municipalityCode: m.code }],
      `Compare units in ${m.name}, plan learning paths, follow progress.`),
    linked(homeLeader, at('leder.hjemmetjeneste'), [unitGrant('leader', plan.homeCareUnit)],
      `See the competence profile of ${unitName(m, plan.homeCareUnit)} and assign learning.`),
    linked(careLeader, at(plan.careHomeLocal), [unitGrant('leader', plan.careHomeUnit)],
      `See the competence profile of ${unitName(m, plan.careHomeUnit)} and assign learning.`),
  ];
  for (const o of plan.ombud) {
    const [firstUnit] = o.unitCodes;
    if (!firstUnit) continue;
    const person = pickEmployee(m, firstUnit, ['health_care_worker', 'nurse'], taken);
    accounts.push(linked(person, at(o.local), o.unitCodes.map((u) => unitGrant('ombud', u)),
      `Digitalization ombud for ${o.unitCodes.map((u) => unitName(m, u)).join(' and ')}: follow up colleagues.`));
  }
  accounts.push(linked(employee, at('ansatt'), [],
    `Plain employee (prefers ${plan.employeeLanguage}): take the self-assessment, follow assigned learning.`));
  return accounts;
}

export function buildDemoAccounts(municipalities: DemoMunicipality[]): DemoAccount[] {
  const perMunicipality = municipalities.flatMap((m) => {
    const plan = PLANS[m.code];
    if (!plan) throw new Error(`demo data: no account plan for ${m.code}`);
    return municipalityAccounts(m, plan);
  });
  const network = `${DEMO_NETWORK.slug}.example`;
  return [
    ...perMunicipality,
    {
      email: `koordinator@${network}`, displayName: 'Randi Fjeldstad', password: DEMO_PASSWORD, preferredLanguage: 'nb',
      municipalityCode: null, employeeNumber: null, grants: [{ role: 'network_coordinator', scope: 'network' }],
      description: `Coordinate ${DEMO_NETWORK.name}: shared learning offers, benchmarks across member municipalities.`,
    },
    {
      email: `analytiker@${network}`, displayName: 'Sondre Mykland', password: DEMO_PASSWORD, preferredLanguage: 'nb',
      municipalityCode: null, employeeNumber: null, grants: [{ role: 'analyst', scope: 'network' }],
      description: 'Read anonymized statistics across the network; small groups stay hidden.',
    },
    {
      email: 'plattform@mestring.example', displayName: 'Mestring Platform Admin', password: DEMO_PASSWORD, preferredLanguage: 'en',
      municipalityCode: null, employeeNumber: null, grants: [{ role: 'platform_admin', scope: 'platform' }],
      description: 'Manage tenants, networks and reference data (municipality registry, frameworks).',
    },
  ];
}
