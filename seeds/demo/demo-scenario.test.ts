import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, PROFESSIONS, ROLE_SCOPES, ROLES, UNIT_KINDS, sizeClassOf } from '../../src/shared/domain.js';
import { buildDemoScenario, DEMO_PASSWORD, demoAccountsMarkdown } from './demo-scenario.js';

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
      for (const m of scenario.municipalities) {
        expect(realNames.has(m.name.toLowerCase()), m.name).toBe(false);
        expect(realCodes.has(m.code), m.code).toBe(false);
      }
    },
  );
});
