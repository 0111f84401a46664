import { buildDemoAccounts, DEMO_PASSWORD } from './demo-accounts.js';
import { DEMO_BENCHMARK_SPECS } from './demo-benchmark-municipalities.js';
import { buildDemoCampaigns } from './demo-campaigns.js';
import { buildDemoEmployees } from './demo-employees.js';
import { DEMO_MUNICIPALITY_SPECS, DEMO_NETWORK, type MunicipalitySpec } from './demo-municipalities.js';
import type { DemoAccount, DemoGrant, DemoMunicipality, DemoScenario } from './demo-types.js';

export type { DemoAccount, DemoAnswer, DemoCampaign, DemoEmployee, DemoGrant, DemoMunicipality, DemoScenario, DemoUnit } from './demo-types.js';
export { DEMO_PASSWORD };

const fromSpec = (spec: MunicipalitySpec): DemoMunicipality => ({
  code: spec.code,
  country: 'NO',
  name: spec.name,
  population: spec.population,
  units: spec.units.map(({ code, name, kind, parentCode }) => ({ code, name, kind, parentCode })),
  employees: buildDemoEmployees(spec),
});

/**
 * The demo network "Fjordnettverket": three fictional municipalities (small,
 * medium, large) with about 300 staff, a login for every role and two completed
 * mapping campaigns each; plus six fictional benchmark municipalities outside
 * the network that feed national comparisons. Pure and deterministic: calling
 * it twice gives deep-equal results.
 */
export function buildDemoScenario(): DemoScenario {
  const municipalities = DEMO_MUNICIPALITY_SPECS.map(fromSpec);
  const benchmarkMunicipalities = DEMO_BENCHMARK_SPECS.map(fromSpec);
  const accounts = buildDemoAccounts(municipalities);
  return {
    network: { name: DEMO_NETWORK.name, slug: DEMO_NETWORK.slug },
    municipalities,
    accounts,
    benchmarkMunicipalities,
    campaigns: buildDemoCampaigns(municipalities, benchmarkMunicipalities, accounts),
  };
}

const ROLE_LABEL: Record<DemoGrant['role'], string> = {
  employee: 'employee',
  leader: 'unit leader',
  ombud: 'digitalization ombud',
  competence_advisor: 'competence advisor',
  municipal_admin: 'municipal admin',
  network_coordinator: 'network coordinator',
  analyst: 'analyst',
  platform_admin: 'platform admin',
};

function describeRoles(account: DemoAccount, scenario: DemoScenario): string {
  // The employee grant that comes with every linked account is noise in the
  // table; show it only for the account whose sole role it is.
  const main = account.grants.filter((g) => g.role !== 'employee');
  const shown = main.length > 0 ? main : account.grants;
  const municipality = scenario.municipalities.find((m) => m.code === account.municipalityCode);
  const byRole = new Map<string, string[]>();
  for (const g of shown) {
    const units = byRole.get(g.role) ?? [];
    if (g.scope === 'unit' && g.unitCode) {
      units.push(municipality?.units.find((u) => u.code === g.unitCode)?.name ?? g.unitCode);
    }
    byRole.set(g.role, units);
  }
  return [...byRole]
    .map(([role, units]) => {
      const label = ROLE_LABEL[role as DemoGrant['role']];
      return units.length > 0 ? `${label} (${units.join('; ')})` : label;
    })
    .join('; ');
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** Markdown for the README: the password and one row per demo login. */
export function demoAccountsMarkdown(): string {
  const scenario = buildDemoScenario();
  const rows = scenario.accounts.map((a) => {
    const municipality =
      scenario.municipalities.find((m) => m.code === a.municipalityCode)?.name ??
      (a.grants.some((g) => g.scope === 'network') ? `— (${scenario.network.name})` : '—');
    return `| \`${a.email}\` | ${cell(describeRoles(a, scenario))} | ${cell(municipality)} | ${cell(a.description)} |`;
  });
  return [
    `All demo logins use the password \`${DEMO_PASSWORD}\`. The data is fictional; addresses use the reserved \`.example\` domain.`,
    '',
    '| Email | Role | Municipality | What to try |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
