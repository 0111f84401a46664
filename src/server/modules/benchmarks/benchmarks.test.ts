import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createMunicipality, createNetwork, createPerson, createUnit, createUser, sessionFor, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../test/harness.js';
import type { AnalystBenchmark, MunicipalityBenchmark } from '../../../shared/api/results.js';

type Group = MunicipalityBenchmark['groups'][number];
import { loadConfig } from '../../config.js';
import { insertCampaign, starterVersion } from '../mapping/mapping.fixtures.js';
import { LEADER_SURVEY_ITEMS } from '../mapping/question-bank/question-bank.js';
import { campaignWithAnswers } from '../results/results.fixtures.js';
import { contribute, newFramework } from './benchmarks.fixtures.js';

// Comparisons through the API, on contribution rows written directly (each test
// on a framework of its own, so tests never meet): who sees what, the pooled
// figures, the threshold on municipalities, opting in, and no way to arrive at
// a figure for fewer municipalities by comparing two answers.

let t: TestApp;
let platformAnalyst: Session;
beforeAll(async () => {
  t = await createTestApp();
  platformAnalyst = await sessionFor(t.db, (await createUser(t.db, [{ role: 'analyst', scopeType: 'platform' }])).id);
});
afterAll(() => t.close());

const url = (municipalityId: string, query = '') => `/api/v1/municipalities/${municipalityId}/benchmarks${query}`;
const get = async <T = MunicipalityBenchmark>(session: Session | null, path: string) => {
  const res = await call(t.app, session, 'GET', path);
  expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
  return res.json<T>();
};
const group = (b: { groups: Group[] }, kind: string, label?: string) => b.groups.find((g) => g.kind === kind && (label === undefined || g.label === label));
const figure = (g: { competences: { code: string; average: number | null }[] } | undefined, code = 'A') => g?.competences.find((c) => c.code === code);

/** A municipality in the network (or none), of a size class, sharing nationally or not. */
async function municipality(o: { networkId?: string | null; country?: 'NO' | 'SE' | 'DK'; population?: number; shares?: boolean } = {}) {
  const m = await createMunicipality(t.db, { network_id: o.networkId ?? null, country: o.country ?? 'NO', population: o.population ?? 12000 });
  if (o.shares) await t.db.updateTable('municipalities').set({ share_national_benchmarks: true }).where('id', '=', m.id).execute();
  return m;
}

const shares = (tenant: Tenant, value = true) => t.db.updateTable('municipalities').set({ share_national_benchmarks: value }).where('id', '=', tenant.municipality.id).execute();

describe('who sees a municipality\'s comparisons', () => {
  it('advisors, administrators and leaders of the municipality; 403 for the rest of it, 404 for outsiders', async () => {
    const a = await buildTenant(t.db);
    const b = await buildTenant(t.db);
    for (const role of ['competence_advisor', 'municipal_admin', 'leader'] as const) {
      expect((await call(t.app, a.sessions[role], 'GET', url(a.municipality.id))).statusCode, role).toBe(200);
    }
    for (const role of ['employee', 'ombud', 'network_coordinator', 'analyst', 'platform_admin'] as const) {
      expect(errorCode(await call(t.app, a.sessions[role], 'GET', url(a.municipality.id))), role).toBe('FORBIDDEN');
    }
    expect(errorCode(await call(t.app, null, 'GET', url(a.municipality.id)))).toBe('UNAUTHENTICATED');
    for (const role of ['competence_advisor', 'municipal_admin', 'leader', 'network_coordinator', 'analyst'] as const) {
      expect(errorCode(await call(t.app, b.sessions[role], 'GET', url(a.municipality.id))), role).toBe('NOT_FOUND');
    }
  });

  it('has no framework and no groups before the first closed campaign, then defaults to that campaign\'s framework', async () => {
    const a = await buildTenant(t.db);
    expect(await get(a.sessions.competence_advisor, url(a.municipality.id))).toEqual({
      framework: null,
      minMunicipalities: 5,
      sharesNationally: false,
      own: null,
      competences: [],
      surveyItems: [],
      groups: [],
    });
    await insertCampaign(t.db, a.municipality.id, { state: 'open' });
    expect((await get(a.sessions.competence_advisor, url(a.municipality.id))).framework).toBeNull();
    await insertCampaign(t.db, a.municipality.id, { state: 'closed' });
    const starter = await t.db.selectFrom('framework_versions').select('framework_id').where('id', '=', await starterVersion(t.db)).executeTakeFirstOrThrow();
    const after = await get(a.sessions.competence_advisor, url(a.municipality.id, '?lang=en'));
    expect(after.framework).toEqual({ id: starter.framework_id, name: 'Digital competence in health and care' });
    // Nothing contributed yet: the groups are there, all suppressed.
    expect(after.groups.map((g) => [g.kind, g.suppressed, g.municipalities])).toEqual([
      ['network', true, null],
      ['size_class', true, null],
      ['country', true, null],
    ]);
    expect(after.own).toBeNull();
    // An unknown framework is a bad request.
    expect(errorCode(await call(t.app, a.sessions.competence_advisor, 'GET', url(a.municipality.id, '?frameworkId=00000000-0000-4000-8000-000000000000')))).toBe('VALIDATION');
  });
});

describe('figures', () => {
  it('pool the respondents of the group (one\'s own included), with one\'s own figures apart', async () => {
    const a = await buildTenant(t.db);
    const frameworkId = await newFramework(t.db);
    const ownCampaign = await insertCampaign(t.db, a.municipality.id, { state: 'closed', name: 'Vår kartlegging' });
    const closedAt = new Date('2026-03-01T12:00:00Z');
    await contribute(t.db, a.municipality.id, { frameworkId, campaignId: ownCampaign, closedAt, competences: { A: [10, 0, 0, 0], B: [0, 5, 0, 0] }, respondents: 12 });
    const others = [];
    for (let i = 0; i < 5; i++) {
      const m = await municipality({ networkId: a.network.id });
      others.push(m);
      await contribute(t.db, m.id, { frameworkId, competences: { A: [0, 0, 0, 2], B: [0, 0, 4, 0] } });
    }
    const body = await get(a.sessions.leader, url(a.municipality.id, `?frameworkId=${frameworkId}`));
    expect(body.framework).toEqual({ id: frameworkId, name: 'Benchmark test framework' });
    expect(body.competences).toEqual([
      { code: 'A', name: 'A' },
      { code: 'B', name: 'B' },
    ]);
    expect(body.own).toEqual({
      campaignId: ownCampaign,
      name: 'Vår kartlegging',
      closedAt: closedAt.toISOString(),
      competences: [
        { code: 'A', average: 1, share: null, respondents: 12 },
        { code: 'B', average: 2, share: null, respondents: 12 },
      ],
      surveyItems: [],
    });
    const network = group(body, 'network', a.network.name)!;
    expect(network).toMatchObject({ municipalities: 6, suppressed: false });
    // A: (10 × 1 + 5 × 2 × 4) / (10 + 10) = 2.5 (the mean of the six municipalities' means would be 3.5).
    expect(network.competences).toEqual([
      { code: 'A', average: 2.5, share: null, respondents: 12 + 5 * 4, municipalities: 6 },
      { code: 'B', average: 2.8, share: null, respondents: 32, municipalities: 6 },
    ]);
    // No one shares nationally: the national groups have no contributors.
    expect(group(body, 'size_class')).toMatchObject({ label: 'medium', country: 'NO', sizeClass: 'medium', suppressed: true, municipalities: null });
    expect(group(body, 'country')).toMatchObject({ label: 'NO', suppressed: true });
    // Which municipalities contributed is never told, only how many.
    for (const m of others) expect(JSON.stringify(body)).not.toContain(m.id);
  });

  it('use each municipality\'s latest closed campaign on the framework only', async () => {
    const a = await buildTenant(t.db);
    const frameworkId = await newFramework(t.db);
    const otherFramework = await newFramework(t.db);
    for (let i = 0; i < 5; i++) {
      const m = await municipality({ networkId: a.network.id });
      await contribute(t.db, m.id, { frameworkId, closedAt: new Date('2025-01-01'), competences: { A: [0, 0, 0, 9] } });
      await contribute(t.db, m.id, { frameworkId, closedAt: new Date('2026-01-01'), competences: { A: [3, 0, 0, 0] } });
      await contribute(t.db, m.id, { frameworkId: otherFramework, closedAt: new Date('2026-06-01'), competences: { A: [0, 0, 0, 7] } });
    }
    const network = group(await get(a.sessions.competence_advisor, url(a.municipality.id, `?frameworkId=${frameworkId}`)), 'network')!;
    expect(figure(network)).toMatchObject({ average: 1, respondents: 15, municipalities: 5 });
  });

  it('summarise leader-survey items: mean and share agreeing, share of yes, share per option', async () => {
    const a = await buildTenant(t.db);
    const frameworkId = await newFramework(t.db);
    const agree = LEADER_SURVEY_ITEMS.find((i) => i.scale === 'agree5')!;
    const yesNo = LEADER_SURVEY_ITEMS.find((i) => i.scale === 'yes_no_unsure')!;
    const multi = LEADER_SURVEY_ITEMS.find((i) => i.scale === 'multi_select')!;
    const multiCounts = multi.options!.map((_o, i) => (i === 0 ? 2 : 0));
    for (let i = 0; i < 6; i++) {
      const m = await municipality({ networkId: a.network.id });
      await contribute(t.db, m.id, { frameworkId, survey: { [agree.code]: [0, 0, 1, 1, 0], [yesNo.code]: [1, 1, 0], [multi.code]: multiCounts }, respondents: 2, answered: { [multi.code]: 2 } });
    }
    const body = await get(a.sessions.competence_advisor, url(a.municipality.id, `?frameworkId=${frameworkId}&lang=en`));
    expect(body.surveyItems.map((i) => i.code)).toEqual(LEADER_SURVEY_ITEMS.filter((i) => [agree.code, yesNo.code, multi.code].includes(i.code)).map((i) => i.code));
    expect(body.surveyItems.find((i) => i.code === agree.code)!.text).toBe(agree.text.en);
    const network = group(body, 'network')!;
    expect(network).toMatchObject({ surveySuppressed: false, surveyMunicipalities: 6, suppressed: true, municipalities: null });
    const items = new Map(network.surveyItems.map((f) => [f.code, f]));
    expect(items.get(agree.code)).toEqual({ code: agree.code, average: 3.5, share: 0.5, respondents: 12, municipalities: 6 });
    expect(items.get(yesNo.code)).toEqual({ code: yesNo.code, average: null, share: 0.5, respondents: 12, municipalities: 6 });
    expect(items.get(multi.code)).toMatchObject({ average: null, share: null, options: expect.arrayContaining([{ code: multi.options![0]!.code, share: 1 }, { code: multi.options![1]!.code, share: 0 }]) });
  });
});

describe('the threshold on municipalities', () => {
  it('suppresses a group with minMunicipalities − 1 others and shows one with exactly minMunicipalities others', async () => {
    const a = await buildTenant(t.db);
    const frameworkId = await newFramework(t.db);
    await contribute(t.db, a.municipality.id, { frameworkId, competences: { A: [1, 1] } });
    for (let i = 0; i < 4; i++) await contribute(t.db, (await municipality({ networkId: a.network.id })).id, { frameworkId, competences: { A: [0, 2] } });
    const four = group(await get(a.sessions.competence_advisor, url(a.municipality.id, `?frameworkId=${frameworkId}`)), 'network')!;
    expect(four).toEqual({
      kind: 'network',
      label: a.network.name,
      country: null,
      sizeClass: null,
      municipalities: null,
      suppressed: true,
      surveyMunicipalities: null,
      surveySuppressed: true,
      competences: [{ code: 'A', average: null, share: null, respondents: null, municipalities: null }],
      surveyItems: [],
    });
    await contribute(t.db, (await municipality({ networkId: a.network.id })).id, { frameworkId, competences: { A: [0, 2] } });
    const five = group(await get(a.sessions.competence_advisor, url(a.municipality.id, `?frameworkId=${frameworkId}`)), 'network')!;
    expect(five).toMatchObject({ municipalities: 6, suppressed: false, competences: [{ code: 'A', average: 1.917, respondents: 12, municipalities: 6 }] });
  });

  it('honours BENCHMARK_MIN_MUNICIPALITIES (default 5, at least 2)', async () => {
    expect(loadConfig({ NODE_ENV: 'test' }).benchmarkMinMunicipalities).toBe(5);
    expect(loadConfig({ NODE_ENV: 'test', BENCHMARK_MIN_MUNICIPALITIES: '3' }).benchmarkMinMunicipalities).toBe(3);
    expect(() => loadConfig({ NODE_ENV: 'test', BENCHMARK_MIN_MUNICIPALITIES: '1' })).toThrow(/BENCHMARK_MIN_MUNICIPALITIES/);
    // The app reads it from its config (the one object every request context shares).
    t.deps.config.benchmarkMinMunicipalities = 2;
    try {
      const a = await buildTenant(t.db);
      const frameworkId = await newFramework(t.db);
      for (let i = 0; i < 2; i++) await contribute(t.db, (await municipality({ networkId: a.network.id })).id, { frameworkId, competences: { A: [1] } });
      const res = await call(t.app, a.sessions.competence_advisor, 'GET', url(a.municipality.id, `?frameworkId=${frameworkId}`));
      expect(res.json()).toMatchObject({ minMunicipalities: 2, groups: [{ kind: 'network', suppressed: false, municipalities: 2 }, {}, {}] });
    } finally {
      t.deps.config.benchmarkMinMunicipalities = 5;
    }
  });

  it('never yields a figure for fewer municipalities by comparing the coordinator\'s view with the members\' views', async () => {
    // Five contributing members and a threshold of five: the coordinator sees the five;
    // each member would see the other four, so the members see nothing; there is no four.
    const network = await createNetwork(t.db);
    const frameworkId = await newFramework(t.db);
    const members = [];
    for (let i = 0; i < 5; i++) {
      const m = await municipality({ networkId: network.id });
      await contribute(t.db, m.id, { frameworkId, competences: { A: [i + 1, 1] } });
      members.push({ id: m.id, session: await sessionFor(t.db, (await createUser(t.db, [{ role: 'competence_advisor', scopeType: 'municipality', municipalityId: m.id }])).id) });
    }
    const coordinator = await sessionFor(t.db, (await createUser(t.db, [{ role: 'network_coordinator', scopeType: 'network', networkId: network.id }])).id);
    const analystView = await get<AnalystBenchmark>(coordinator, `/api/v1/benchmarks?frameworkId=${frameworkId}`);
    expect(analystView.groups.filter((g) => g.kind === 'network').map((g) => [g.label, g.municipalities])).toEqual([[network.name, 5]]);
    const figures: number[] = [];
    for (const member of members) {
      const view = await get(member.session, url(member.id, `?frameworkId=${frameworkId}`));
      expect(group(view, 'network')).toMatchObject({ suppressed: true, municipalities: null });
      for (const g of view.groups) for (const f of g.competences) if (f.municipalities) figures.push(f.municipalities);
      // Each member has its own figures, of course.
      expect(view.own!.competences[0]!.respondents).toBeGreaterThan(0);
    }
    for (const g of analystView.groups) for (const f of g.competences) if (f.municipalities) figures.push(f.municipalities);
    expect(figures.every((count) => count >= 5)).toBe(true);
    expect(figures).not.toContain(4);
  });
});

describe('sharing nationally', () => {
  it('puts only municipalities that share into size class and country groups; networks take every member', async () => {
    const a = await buildTenant(t.db);
    await shares(a);
    const frameworkId = await newFramework(t.db);
    await contribute(t.db, a.municipality.id, { frameworkId, competences: { A: [2, 0] } });
    for (let i = 0; i < 5; i++) await contribute(t.db, (await municipality({ shares: true })).id, { frameworkId, competences: { A: [2, 0] } });
    // Same size class and network, not sharing: in the network only (where it is alone with a, so suppressed).
    const notSharing = await municipality({ networkId: a.network.id });
    await contribute(t.db, notSharing.id, { frameworkId, competences: { A: [0, 50] } });
    // Sharing, but small: in the country group, not in a's size class. (Five of them: with fewer, the
    // country minus a's size class would single them out, and a's size class would be suppressed too.)
    for (let i = 0; i < 5; i++) await contribute(t.db, (await municipality({ shares: true, population: 1000 })).id, { frameworkId, competences: { A: [0, 2] } });

    const body = await get(a.sessions.competence_advisor, url(a.municipality.id, `?frameworkId=${frameworkId}`));
    expect(body.sharesNationally).toBe(true);
    const sizeClass = group(body, 'size_class')!;
    const country = group(body, 'country')!;
    expect([sizeClass.municipalities, figure(sizeClass)!.average]).toEqual([6, 1]);
    expect([country.municipalities, figure(country)!.average]).toEqual([11, 1.455]);
    expect(group(body, 'network')).toMatchObject({ suppressed: true });

    // The administrator stops sharing: a is no longer in the national groups (still shown, from five others).
    const res = await call(t.app, a.sessions.municipal_admin, 'PUT', `/api/v1/municipalities/${a.municipality.id}/benchmark-sharing`, { shareNationalBenchmarks: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ shareNationalBenchmarks: false });
    const after = await get(a.sessions.competence_advisor, url(a.municipality.id, `?frameworkId=${frameworkId}`));
    expect(after.sharesNationally).toBe(false);
    expect(group(after, 'size_class')!.municipalities).toBe(5);
  });

  it('is changed by the municipal administrator only, and audited', async () => {
    const a = await buildTenant(t.db);
    const b = await buildTenant(t.db);
    const path = `/api/v1/municipalities/${a.municipality.id}/benchmark-sharing`;
    for (const role of ['competence_advisor', 'leader', 'employee', 'ombud', 'network_coordinator', 'analyst', 'platform_admin'] as const) {
      expect(errorCode(await call(t.app, a.sessions[role], 'PUT', path, { shareNationalBenchmarks: true })), role).toBe('FORBIDDEN');
    }
    expect(errorCode(await call(t.app, b.sessions.municipal_admin, 'PUT', path, { shareNationalBenchmarks: true }))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, null, 'PUT', path, { shareNationalBenchmarks: true }))).toBe('UNAUTHENTICATED');
    const flag = async () => (await t.db.selectFrom('municipalities').select('share_national_benchmarks').where('id', '=', a.municipality.id).executeTakeFirstOrThrow()).share_national_benchmarks;
    expect(await flag()).toBe(false);
    expect((await call(t.app, a.sessions.municipal_admin, 'PUT', path, { shareNationalBenchmarks: true })).statusCode).toBe(200);
    expect(await flag()).toBe(true);
    await call(t.app, a.sessions.municipal_admin, 'PUT', path, { shareNationalBenchmarks: true });
    const events = await t.db.selectFrom('audit_events').selectAll().where('municipality_id', '=', a.municipality.id).where('action', '=', 'municipality.benchmark_sharing').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: a.users.municipal_admin.id, before: { shareNationalBenchmarks: false }, after: { shareNationalBenchmarks: true } });
  });
});

describe('analysts and network coordinators', () => {
  it('see national groups and their networks, never one municipality, never who contributed', async () => {
    const a = await buildTenant(t.db);
    const b = await buildTenant(t.db);
    const frameworkId = await newFramework(t.db);
    const ids: string[] = [];
    // a's network: five members contributing. b's network: five too. Sweden: six sharing, medium.
    for (const network of [a.network.id, b.network.id]) {
      for (let i = 0; i < 5; i++) {
        const m = await municipality({ networkId: network });
        ids.push(m.id);
        await contribute(t.db, m.id, { frameworkId, competences: { A: [1, 1] } });
      }
    }
    for (let i = 0; i < 6; i++) {
      const m = await municipality({ country: 'SE', shares: true });
      ids.push(m.id);
      await contribute(t.db, m.id, { frameworkId, competences: { A: [0, 3] } });
    }
    // A single sharing municipality in Denmark: its figure is never shown.
    const lonely = await municipality({ country: 'DK', shares: true, population: 50000 });
    ids.push(lonely.id);
    await contribute(t.db, lonely.id, { frameworkId, competences: { A: [7, 0] } });

    const q = `/api/v1/benchmarks?frameworkId=${frameworkId}`;
    const platform = await get<AnalystBenchmark>(platformAnalyst, q);
    const networkLabels = platform.groups.filter((g) => g.kind === 'network' && !g.suppressed).map((g) => g.label);
    expect(networkLabels).toEqual(expect.arrayContaining([a.network.name, b.network.name]));
    expect(platform.groups.filter((g) => g.kind === 'country' && g.country === 'SE')).toMatchObject([{ label: 'SE', municipalities: 6, suppressed: false }]);
    expect(platform.groups.filter((g) => g.kind === 'size_class' && g.country === 'SE').map((g) => [g.label, g.suppressed])).toEqual([['medium', false]]);
    const denmark = platform.groups.filter((g) => g.country === 'DK');
    expect(denmark.length).toBeGreaterThan(0);
    expect(denmark.every((g) => g.suppressed && g.municipalities === null && g.competences.every((f) => f.average === null))).toBe(true);
    for (const id of ids) expect(JSON.stringify(platform)).not.toContain(id);

    // A network analyst and a coordinator see their own network and the national groups.
    for (const session of [a.sessions.analyst, a.sessions.network_coordinator]) {
      const view = await get<AnalystBenchmark>(session, q);
      expect(view.groups.filter((g) => g.kind === 'network').map((g) => g.label)).toEqual([a.network.name]);
      expect(view.groups.some((g) => g.kind === 'country' && g.label === 'SE' && !g.suppressed)).toBe(true);
    }
    // Filters.
    expect((await get<AnalystBenchmark>(platformAnalyst, `${q}&networkId=${b.network.id}`)).groups.map((g) => g.label)).toEqual([b.network.name]);
    expect((await get<AnalystBenchmark>(platformAnalyst, `${q}&country=SE&sizeClass=medium`)).groups.map((g) => [g.kind, g.label])).toEqual([['size_class', 'medium']]);
    expect(errorCode(await call(t.app, a.sessions.analyst, 'GET', `${q}&networkId=${b.network.id}`))).toBe('NOT_FOUND');
  });

  it('is refused to everyone else (403) and to anonymous callers (401)', async () => {
    const a = await buildTenant(t.db);
    for (const role of ['employee', 'leader', 'ombud', 'competence_advisor', 'municipal_admin'] as const) {
      expect(errorCode(await call(t.app, a.sessions[role], 'GET', '/api/v1/benchmarks')), role).toBe('FORBIDDEN');
    }
    expect(errorCode(await call(t.app, null, 'GET', '/api/v1/benchmarks'))).toBe('UNAUTHENTICATED');
    expect((await call(t.app, a.sessions.platform_admin, 'GET', '/api/v1/benchmarks')).statusCode).toBe(200);
  });
});

describe('through the results snapshot', () => {
  it('compares campaigns whose results were computed at closing', async () => {
    const a = await buildTenant(t.db);
    const municipalities = [a.municipality.id];
    for (let i = 0; i < 5; i++) municipalities.push((await municipality({ networkId: a.network.id })).id);
    const codes = ['HC.SEC.1', 'HC.DIG.1'];
    for (const [i, m] of municipalities.entries()) {
      await t.db.updateTable('municipalities').set({ anonymity_threshold: 3 }).where('id', '=', m).execute();
      const unit = await createUnit(t.db, m);
      const people = [await createPerson(t.db, m, unit.id), await createPerson(t.db, m, unit.id), await createPerson(t.db, m, unit.id)];
      // Municipality i: everyone at level 1 + (i mod 4) on HC.SEC.1; HC.DIG.1 "don't know".
      await campaignWithAnswers(t.db, m, {
        invited: people.map((p) => p.id),
        respondents: people.map((p) => ({ personId: p.id, unitId: unit.id, profession: 'nurse', levels: { 'HC.SEC.1': 1 + (i % 4), 'HC.DIG.1': null } })),
        competenceCodes: codes,
      });
    }
    const rows = await t.db.selectFrom('benchmark_contributions').select(['municipality_id']).where('municipality_id', 'in', municipalities).execute();
    expect(new Set(rows.map((r) => r.municipality_id)).size).toBe(6);
    const body = await get(a.sessions.competence_advisor, url(a.municipality.id, '?lang=en'));
    expect(body.framework?.name).toBe('Digital competence in health and care');
    expect(body.own?.competences.find((c) => c.code === 'HC.SEC.1')).toMatchObject({ average: 1, respondents: 3 });
    const network = group(body, 'network')!;
    // (1 + 2 + 3 + 4 + 1 + 2) × 3 / 18
    expect(network.competences.find((c) => c.code === 'HC.SEC.1')).toMatchObject({ average: 2.167, respondents: 18, municipalities: 6 });
    expect(network.competences.find((c) => c.code === 'HC.DIG.1')).toMatchObject({ average: null, respondents: 18, municipalities: 6 });
  });
});
