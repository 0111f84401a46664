import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, PROFESSIONS, ROLE_SCOPES, ROLES, UNIT_KINDS, sizeClassOf } from '../../src/shared/domain.js';
import { checkSurveyAnswers, missingItems } from '../../src/server/modules/mapping/leader-survey.js';
import { demoCampaignName, starterCompetenceCodes } from './demo-campaigns.js';
import { buildDemoScenario, DEMO_PASSWORD, demoAccountsMarkdown, type DemoCampaign } from './demo-scenario.js';

// The official registry lives beside the repository in the development setup
// only; users' clones lack it, so the collision check is skipped there.
const REGISTRY_NO = fileURLToPath(new URL('../../../shared/data/municipalities-no.json', import.meta.url));

const scenario = buildDemoScenario();
const employees = scenario.municipalities.flatMap((m) => m.employees);

describe('buildDemoScenario', () => {
  it('returns the same data on every call', () => {
    expect(buildDemoScenario()).toEqual(scenario);
  });

  it('has one small, one medium and one large municipality with unused codes', () => {
    expect(scenario.network).toEqual({ name: 'Fjordnettverket', slug: 'fjordnettverket' });
    const summary = scenario.municipalities.map((m) => [m.code, m.country, sizeClassOf(m.population)]);
    expect(summary).toEqual([
      ['9901', 'NO', 'small'],
      ['9902', 'NO', 'medium'],
      ['9903', 'NO', 'large'],
    ]);
  });

  it('has about 300 employees, more in larger municipalities', () => {
    expect(employees.length).toBeGreaterThanOrEqual(280);
    expect(employees.length).toBeLessThanOrEqual(320);
    const sizes = scenario.municipalities.map((m) => m.employees.length);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });

  it('keeps employee numbers and emails unique and emails on the .example domain', () => {
    for (const m of scenario.municipalities) {
      const numbers = m.employees.map((e) => e.employeeNumber);
      expect(new Set(numbers).size).toBe(numbers.length);
    }
    const emails = employees.map((e) => e.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.-]+@[a-z]+\.kommune\.example$/);
  });

  it('uses only known vocabulary and realistic position percentages', () => {
    for (const e of employees) {
      expect(PROFESSIONS).toContain(e.profession);
      expect(LANGUAGES).toContain(e.preferredLanguage);
      expect(e.positionPct).toBeGreaterThanOrEqual(20);
      expect(e.positionPct).toBeLessThanOrEqual(100);
    }
    const share = (pred: (e: (typeof employees)[number]) => boolean) => employees.filter(pred).length / employees.length;
    expect(share((e) => e.positionPct < 100)).toBeGreaterThan(0.5);
    expect(share((e) => e.profession === 'health_care_worker' || e.profession === 'assistant')).toBeGreaterThan(0.4);
    expect(share((e) => e.preferredLanguage === 'nb' || e.preferredLanguage === 'nn')).toBeGreaterThan(0.85);
    for (const language of LANGUAGES) expect(employees.some((e) => e.preferredLanguage === language)).toBe(true);
  });

  it('resolves every parent and unit reference within its municipality', () => {
    for (const m of scenario.municipalities) {
      const codes = new Set(m.units.map((u) => u.code));
      expect(codes.size).toBe(m.units.length);
      for (const u of m.units) {
        expect(UNIT_KINDS).toContain(u.kind);
        if (u.parentCode !== null) expect(codes).toContain(u.parentCode);
        else expect(u.kind).toBe('service_area');
      }
      for (const e of m.employees) {
        expect(e.unitCodes.length).toBeGreaterThanOrEqual(1);
        expect(new Set(e.unitCodes).size).toBe(e.unitCodes.length);
        for (const code of e.unitCodes) expect(codes).toContain(code);
      }
    }
    expect(employees.some((e) => e.unitCodes.length === 2)).toBe(true);
  });

  it('gives teams only to the large municipality', () => {
    const withTeams = scenario.municipalities.filter((m) => m.units.some((u) => u.kind === 'team'));
    expect(withTeams.map((m) => m.code)).toEqual(['9903']);
  });
});

describe('demo accounts', () => {
  const accounts = scenario.accounts;

  it('share the documented password and have unique emails', () => {
    expect(new Set(accounts.map((a) => a.email)).size).toBe(accounts.length);
    for (const a of accounts) expect(a.password).toBe(DEMO_PASSWORD);
  });

  it('link only to employees that exist in the same municipality', () => {
    for (const a of accounts.filter((x) => x.employeeNumber !== null)) {
      const m = scenario.municipalities.find((x) => x.code === a.municipalityCode);
      const employee = m?.employees.find((e) => e.employeeNumber === a.employeeNumber);
      expect(employee, a.email).toBeDefined();
      expect(a.preferredLanguage).toBe(employee?.preferredLanguage);
    }
    const linked = accounts.map((a) => `${a.municipalityCode}/${a.employeeNumber}`).filter((k) => !k.endsWith('/null'));
    expect(new Set(linked).size).toBe(linked.length);
  });

  it('cover every role, each at a scope the role allows, with resolvable targets', () => {
    const roles = new Set(accounts.flatMap((a) => a.grants.map((g) => g.role)));
    for (const role of ROLES) expect(roles, role).toContain(role);
    for (const a of accounts) {
      for (const g of a.grants) {
        expect(ROLE_SCOPES[g.role]).toContain(g.scope);
        if (g.scope === 'municipality' || g.scope === 'unit') expect(g.municipalityCode).toBe(a.municipalityCode);
        if (g.scope === 'unit') {
          const m = scenario.municipalities.find((x) => x.code === g.municipalityCode);
          expect(m?.units.map((u) => u.code)).toContain(g.unitCode);
        }
      }
    }
  });

  it('give each municipality an admin, an advisor, two leaders, an ombud and an employee', () => {
    for (const m of scenario.municipalities) {
      const roles = accounts.filter((a) => a.municipalityCode === m.code).flatMap((a) => a.grants.map((g) => g.role));
      const count = (role: string) => roles.filter((r) => r === role).length;
      expect(count('municipal_admin')).toBe(1);
      expect(count('competence_advisor')).toBe(1);
      expect(count('leader')).toBe(2);
      expect(count('ombud')).toBeGreaterThanOrEqual(1);
      expect(accounts.some((a) => a.email === `ansatt@${m.name.toLowerCase()}.kommune.example`)).toBe(true);
    }
  });

  it('render as a markdown table with one row per login', () => {
    const markdown = demoAccountsMarkdown();
    expect(markdown).toContain(DEMO_PASSWORD);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(accounts.length);
    for (const a of accounts) expect(markdown).toContain(a.email);
  });
});

describe('demo campaigns', () => {
  const codes = starterCompetenceCodes();
  const of = (code: string) => scenario.campaigns.filter((c) => c.municipalityCode === code);
  const mean = (c: DemoCampaign, prefix = '') => {
    const levels = c.responses.flatMap((r) => r.answers.filter((a) => a.competenceCode.startsWith(prefix) && a.level !== null).map((a) => a.level!));
    return levels.reduce((a, b) => a + b, 0) / levels.length;
  };

  it('gives each demo municipality two campaigns half a year apart and each benchmark municipality one', () => {
    for (const m of scenario.municipalities) {
      const [first, second, ...rest] = of(m.code);
      expect(rest).toHaveLength(0);
      expect(first!.instruments).toEqual(['self_assessment', 'leader_survey']);
      expect(first!.closesDaysAgo - second!.closesDaysAgo).toBeGreaterThanOrEqual(150);
      expect(second!.closesDaysAgo).toBeGreaterThan(0);
    }
    expect(of('9903').every((c) => c.mode === 'identified')).toBe(true);
    expect([...of('9901'), ...of('9902')].every((c) => c.mode === 'anonymous')).toBe(true);
    for (const m of scenario.benchmarkMunicipalities) {
      expect(m.name).toMatch(/^Demo: /);
      expect(of(m.code).map((c) => c.mode)).toEqual(['anonymous']);
    }
  });

  it('answers every competence of the starter framework, on its scale, with some "don\'t know" and "wants training"', () => {
    const answers = scenario.campaigns.flatMap((c) => c.responses.flatMap((r) => r.answers));
    for (const c of scenario.campaigns) for (const r of c.responses) expect(r.answers.map((a) => a.competenceCode)).toEqual(codes);
    expect(answers.every((a) => a.level === null || (a.level >= 1 && a.level <= 4))).toBe(true);
    const share = (f: (a: (typeof answers)[number]) => boolean) => answers.filter(f).length / answers.length;
    expect(share((a) => a.level === null)).toBeGreaterThan(0.01);
    expect(share((a) => a.level === null)).toBeLessThan(0.1);
    expect(share((a) => a.wantsTraining)).toBeGreaterThan(0.05);
    expect(share((a) => a.wantsTraining)).toBeLessThan(0.4);
  });

  it('has response rates of about 60–85 % and at least k respondents everywhere', () => {
    for (const m of [...scenario.municipalities, ...scenario.benchmarkMunicipalities]) {
      for (const c of of(m.code)) {
        const rate = c.responses.length / m.employees.length;
        expect(rate, `${m.code} ${c.key}`).toBeGreaterThan(0.55);
        expect(rate, `${m.code} ${c.key}`).toBeLessThan(0.9);
        expect(c.responses.length).toBeGreaterThanOrEqual(5);
        const employees = new Set(m.employees.map((e) => e.employeeNumber));
        expect(c.responses.every((r) => employees.has(r.employeeNumber))).toBe(true);
        expect(c.responses.every((r) => r.submittedDaysAgo > c.closesDaysAgo && r.submittedDaysAgo < c.opensDaysAgo)).toBe(true);
      }
    }
  });

  it('improves from the first campaign to the second, most in security and welfare technology', () => {
    for (const m of scenario.municipalities) {
      const [first, second] = of(m.code);
      expect(mean(second!) - mean(first!), m.code).toBeGreaterThan(0.15);
      for (const area of ['HC.SEC.', 'HC.WT.']) expect(mean(second!, area) - mean(first!, area), `${m.code} ${area}`).toBeGreaterThan(mean(second!, 'HC.LEAD.') - mean(first!, 'HC.LEAD.'));
    }
  });

  it('lets only leaders answer the leader survey, with valid options, moving towards a strategy', () => {
    let yesBefore = 0;
    let yesAfter = 0;
    for (const m of scenario.municipalities) {
      const leaders = new Set(m.employees.filter((e) => e.profession === 'leader').map((e) => e.employeeNumber));
      for (const c of of(m.code)) {
        expect(c.leaderSurvey.length, m.code).toBeGreaterThanOrEqual(Math.min(5, leaders.size));
        for (const s of c.leaderSurvey) {
          expect(leaders.has(s.employeeNumber)).toBe(true);
          const answers = Object.entries(s.answers).map(([itemCode, optionCodes]) => ({ itemCode, optionCodes }));
          expect(checkSurveyAnswers(answers)).toEqual([]);
          expect(missingItems(answers)).toEqual([]);
          if (s.answers['LS.STRAT.1']?.[0] !== 'yes') continue;
          if (c.key === 'first') yesBefore++;
          else yesAfter++;
        }
      }
    }
    expect(yesAfter).toBeGreaterThan(yesBefore);
  });

  it('has every demo login that is an employee answer both campaigns (so "my competence" shows a profile)', () => {
    for (const a of scenario.accounts.filter((x) => x.employeeNumber)) {
      for (const c of of(a.municipalityCode!)) expect(c.responses.some((r) => r.employeeNumber === a.employeeNumber), `${a.email} ${c.key}`).toBe(true);
    }
  });

  it('has leader ratings only in Havstad, by the home-care leader, for people of that unit', () => {
    const havstad = scenario.municipalities.find((m) => m.code === '9903')!;
    const homeCare = new Set(['HJT-N', 'HJT-N-D', 'HJT-N-K']);
    for (const c of scenario.campaigns) {
      if (c.municipalityCode !== '9903') {
        expect(c.leaderRatings).toEqual([]);
        continue;
      }
      expect(c.leaderRatings.length).toBeGreaterThanOrEqual(5);
      for (const r of c.leaderRatings) {
        expect(r.raterEmail).toBe('leder.hjemmetjeneste@havstad.kommune.example');
        expect(homeCare.has(havstad.employees.find((e) => e.employeeNumber === r.employeeNumber)!.unitCodes[0]!)).toBe(true);
        expect(r.ratings.map((x) => x.competenceCode)).toEqual(codes);
      }
    }
  });

  it('names campaigns by season in the municipality\'s written standard', () => {
    expect(demoCampaignName('nb', new Date('2026-03-10T00:00:00Z'))).toBe('Digital kompetanse vår 2026');
    expect(demoCampaignName('nn', new Date('2025-09-01T00:00:00Z'))).toBe('Digital kompetanse haust 2025');
  });
});

describe('demo municipality names', () => {
  it.skipIf(!existsSync(REGISTRY_NO))(
    'do not collide with a real Norwegian municipality (skipped: ../shared/data is not present in this checkout)',
    () => {
      const registry = JSON.parse(readFileSync(REGISTRY_NO, 'utf8')) as {
        municipalities: { code: string; name: string; name_short?: string }[];
      };
      // Sami and Kven parallel names are joined with " - " in the official name.
      const realNames = new Set(
        registry.municipalities.flatMap((m) =>
          [m.name, m.name_short ?? ''].flatMap((n) => n.split(' - ')).map((n) => n.trim().toLowerCase()),
        ),
      );
      const realCodes = new Set(registry.municipalities.map((m) => m.code));
      for (const m of [...scenario.municipalities, ...scenario.benchmarkMunicipalities]) {
        expect(realNames.has(m.name.replace(/^Demo: /, '').toLowerCase()), m.name).toBe(false);
        expect(realCodes.has(m.code), m.code).toBe(false);
      }
    },
  );
});
