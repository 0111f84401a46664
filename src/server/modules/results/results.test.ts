import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignResults, ResultRow } from '../../../shared/api/results.js';
import { buildTenant, createPerson, createUnit, createUser, sessionFor, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../test/harness.js';
import { FEW_CODES, starterVersion } from '../mapping/mapping.fixtures.js';
import { EXPORT_LABELS } from './export-labels.js';
import { campaignWithAnswers, type Respondent } from './results.fixtures.js';
import { forgetSnapshots } from './snapshot-cache.js';
import { computeCampaignResults } from './snapshot.js';

// Results of closed campaigns, and attacks on their anonymity: differencing
// between every pair and triple of published groups, small filters, crafted
// role profiles, exports, scope, and watching an open campaign.

let t: TestApp;
let tenant: Tenant;
let m: string;
const K = 5;
type Org = Awaited<ReturnType<typeof buildOrg>>;
let org: Org;

/**
 * Hjemmetjenesten (area)
 *   Sone nord: 12 nurses, 6 assistants, 1 doctor
 *     Team A: 3 nurses (too small: folds into Sone nord)
 *   Sone sør: 7 health care workers, 2 nurses
 *   Nattpatrulje: 4 nurses (too small: folds into the area)
 */
async function buildOrg() {
  const { area, unit: north, team, other: south } = tenant.units;
  const night = await createUnit(t.db, m, { parent_id: area.id, name: 'Nattpatrulje' });
  const people: { id: string; unitId: string; profession: string }[] = [];
  const add = async (unitId: string, profession: string, n: number) => {
    for (let i = 0; i < n; i++) people.push({ id: (await createPerson(t.db, m, unitId, { profession })).id, unitId, profession });
  };
  await add(north.id, 'nurse', 12);
  await add(north.id, 'assistant', 6);
  await add(north.id, 'doctor', 1);
  await add(team.id, 'nurse', 3);
  await add(south.id, 'health_care_worker', 7);
  await add(south.id, 'nurse', 2);
  await add(night.id, 'nurse', 4);
  return { area, north, team, south, night, people };
}

/** Deterministic levels 1..4 that differ between people. */
function levelsFor(i: number, shift = 0): Record<string, number | null> {
  return { 'HC.SEC.1': ((i * 7 + shift) % 4) + 1, 'HC.SEC.2': ((i * 3 + 1 + shift) % 4) + 1, 'HC.DIG.1': i % 9 === 0 ? null : ((i * 5 + 2 + shift) % 4) + 1 };
}

function respondentsOf(people: Org['people'], shift = 0): Respondent[] {
  return people.map((p, i) => ({ personId: p.id, unitId: p.unitId, profession: p.profession, levels: levelsFor(i, shift), wantsTraining: i % 4 === 0 ? ['HC.SEC.1'] : [] }));
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await buildTenant(t.db);
  m = tenant.municipality.id;
  org = await buildOrg();
  await starterVersion(t.db);
});
afterAll(async () => t?.close());

const url = (campaignId: string, q = '') => `/api/v1/municipalities/${m}/campaigns/${campaignId}/results${q}`;
async function results(session: Session | null, campaignId: string, q = ''): Promise<CampaignResults> {
  const res = await call(t.app, session, 'GET', url(campaignId, q));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Every group a caller can read: totals and rows of every filter combination. */
async function everyPublishedGroup(session: Session | null, campaignId: string) {
  const unitFilters = ['', ...[org.area, org.north, org.team, org.south, org.night].map((u) => u.id)];
  const professionFilters = ['', 'nurse', 'assistant', 'doctor', 'health_care_worker'];
  const groups: { label: string; vector: number[] }[] = [];
  for (const unitId of unitFilters) {
    for (const profession of professionFilters) {
      const q = new URLSearchParams({ ...(unitId ? { unitId } : {}), ...(profession ? { profession } : {}) }).toString();
      const r = await results(session, campaignId, q ? `?${q}` : '');
      const rows: ResultRow[] = [...(r.total ? [r.total] : []), ...r.units, ...r.professions];
      for (const row of rows) groups.push({ label: `${q}:${row.key}`, vector: toVector(row) });
    }
  }
  const distinct = new Map(groups.map((g) => [g.vector.join(','), g]));
  return [...distinct.values()];
}

/** Respondents, then per competence: the level counts, don't know and wants training. */
const toVector = (row: ResultRow) => [row.respondents, ...row.competences.flatMap((c) => [...c.distribution, c.dontKnow, c.wantsTraining])];

/** Differences of pairs and triples that look like a real group (no negative count) must hold 0 or at least k people. */
function smallGroupsByDifferencing(groups: { label: string; vector: number[] }[], k: number) {
  const found: string[] = [];
  const n = groups.length;
  const isGroup = (v: number[]) => v.every((x) => x >= 0);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      if (a === b) continue;
      const d = groups[a]!.vector.map((x, i) => x - groups[b]!.vector[i]!);
      if (isGroup(d) && d[0]! > 0 && d[0]! < k) found.push(`${groups[a]!.label} − ${groups[b]!.label} = ${d[0]}`);
      for (let c = b + 1; c < n; c++) {
        if (c === a) continue;
        const e = d.map((x, i) => x - groups[c]!.vector[i]!);
        if (isGroup(e) && e[0]! > 0 && e[0]! < k) found.push(`${groups[a]!.label} − ${groups[b]!.label} − ${groups[c]!.label} = ${e[0]}`);
      }
    }
  }
  return found;
}

describe('campaign results', () => {
  let closed: string;
  beforeAll(async () => {
    closed = await campaignWithAnswers(t.db, m, { invited: org.people.map((p) => p.id), respondents: respondentsOf(org.people), competenceCodes: FEW_CODES, name: 'Kartlegging høst' });
  });

  it('are not shown while a campaign is open, however many have answered', async () => {
    const open = await campaignWithAnswers(t.db, m, { invited: org.people.map((p) => p.id), respondents: respondentsOf(org.people), competenceCodes: FEW_CODES, state: 'open' });
    const r = await results(tenant.sessions.competence_advisor, open);
    expect(r.state).toBe('not_closed');
    expect([r.total, r.respondents, r.units.length, r.professions.length]).toEqual([null, null, 0, 0]);
    expect(await t.db.selectFrom('campaign_results').select('campaign_id').where('campaign_id', '=', open).execute()).toEqual([]);
  });

  it('gives unit rows in which small units are merged, and profession rows', async () => {
    const r = await results(tenant.sessions.competence_advisor, closed);
    expect(r.state).toBe('ready');
    expect(r.threshold).toBe(K);
    expect(r.respondents).toBe(35);
    expect(r.total!.respondents).toBe(35);
    const byKey = new Map(r.units.map((u) => [u.key, u]));
    expect(byKey.get(`unit:${org.north.id}`)!.respondents).toBe(22);
    expect(byKey.get(`unit:${org.north.id}`)!.mergedUnitIds).toEqual([org.team.id]);
    // Nattpatrulje (4) is too small and so is the area above it (nothing of its
    // own): they reach the top as "other" (4 < k), which joins the smallest row.
    expect(byKey.get(`unit:${org.south.id}`)!.respondents).toBe(13);
    expect(byKey.get(`unit:${org.south.id}`)!.includesOther).toBe(true);
    expect([...byKey.keys()]).toEqual([`unit:${org.north.id}`, `unit:${org.south.id}`]);
    expect(r.units.reduce((n, u) => n + u.respondents, 0)).toBe(35);
    // The doctor (1) is counted with the assistants (6) as a mixed group.
    expect(r.professions.map((p) => [p.key, p.respondents])).toEqual([
      ['profession:nurse', 21],
      ['profession:health_care_worker', 7],
      ['mixed', 7],
    ]);
  });

  it('never publishes a group under k, and no pair or triple of published groups subtracts to one', async () => {
    const groups = await everyPublishedGroup(tenant.sessions.competence_advisor, closed);
    for (const g of groups) expect(g.vector[0], g.label).toBeGreaterThanOrEqual(K);
    expect(groups.length).toBeGreaterThan(5);
    expect(smallGroupsByDifferencing(groups, K)).toEqual([]);
  });

  it('control: the same attack finds the small team when a naive report shows Sone nord without it', async () => {
    const groups = await everyPublishedGroup(tenant.sessions.competence_advisor, closed);
    const all = respondentsOf(org.people);
    const northOnly = all.filter((r) => r.unitId === org.north.id);
    const order = (await results(tenant.sessions.competence_advisor, closed)).total!.competences.map((c) => c.code);
    const vector = [
      northOnly.length,
      ...order.flatMap((code) => {
        const dist = [1, 2, 3, 4].map((level) => northOnly.filter((r) => r.levels[code] === level).length);
        return [...dist, northOnly.filter((r) => r.levels[code] === null).length, northOnly.filter((r) => r.wantsTraining?.includes(code)).length];
      }),
    ];
    const found = smallGroupsByDifferencing([...groups, { label: 'naive:Sone nord alone', vector }], K);
    expect(found.some((f) => f.includes('naive:Sone nord alone') && f.endsWith('= 3'))).toBe(true);
  });

  it('answers a filter on a group smaller than k with nothing', async () => {
    const doctors = await results(tenant.sessions.competence_advisor, closed, '?profession=doctor');
    expect(doctors.total).toBeNull();
    expect([...doctors.units, ...doctors.professions]).toEqual([]);
    const team = await results(tenant.sessions.competence_advisor, closed, `?unitId=${org.team.id}`);
    expect(team.total).toBeNull();
  });

  it('shows a leader the rows of their own units only', async () => {
    const r = await results(tenant.sessions.leader, closed);
    expect(r.units.map((u) => u.unitId)).toEqual([org.north.id]);
    expect(r.total!.respondents).toBe(r.units[0]!.respondents);
    const elsewhere = await results(tenant.sessions.leader, closed, `?unitId=${org.south.id}`);
    expect(elsewhere.total).toBeNull();
    const groups = await everyPublishedGroup(tenant.sessions.leader, closed);
    expect(smallGroupsByDifferencing(groups, K)).toEqual([]);
  });

  it('refuses employees and ombud (403) and hides other tenants’ campaigns (404)', async () => {
    expect((await call(t.app, tenant.sessions.employee, 'GET', url(closed))).statusCode).toBe(403);
    expect((await call(t.app, tenant.sessions.ombud, 'GET', url(closed))).statusCode).toBe(403);
    const other = await buildTenant(t.db);
    const res = await call(t.app, other.sessions.competence_advisor, 'GET', url(closed));
    expect(res.statusCode).toBe(404);
    const foreign = await call(t.app, other.sessions.competence_advisor, 'GET', `/api/v1/municipalities/${other.municipality.id}/campaigns/${closed}/results`);
    expect([foreign.statusCode, errorCode(foreign)]).toEqual([404, 'NOT_FOUND']);
  });

  it('stays frozen when units are renamed or moved after closing', async () => {
    const before = await results(tenant.sessions.competence_advisor, closed);
    await t.db.updateTable('units').set({ name: 'Omdøpt' }).where('id', '=', org.south.id).execute();
    await t.db.updateTable('units').set({ parent_id: org.south.id }).where('id', '=', org.night.id).execute();
    const after = await results(tenant.sessions.competence_advisor, closed);
    expect(after.units).toEqual(before.units);
    await t.db.updateTable('units').set({ name: 'Sone sør' }).where('id', '=', org.south.id).execute();
    await t.db.updateTable('units').set({ parent_id: org.area.id }).where('id', '=', org.night.id).execute();
  });
});

describe('gaps against role profiles', () => {
  let campaign: string;
  beforeAll(async () => {
    campaign = await campaignWithAnswers(t.db, m, { invited: org.people.map((p) => p.id), respondents: respondentsOf(org.people, 1), competenceCodes: FEW_CODES });
  });

  async function createProfile(body: Record<string, unknown>) {
    const res = await call(t.app, tenant.sessions.competence_advisor, 'POST', `/api/v1/municipalities/${m}/role-profiles`, { frameworkVersionId: await starterVersion(t.db), ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  it('counts who is below the level their profession requires', async () => {
    const before = await results(tenant.sessions.competence_advisor, campaign);
    expect(before.total!.competences.every((c) => c.withRequirement === 0 && c.gap === null)).toBe(true);
    await createProfile({ name: 'Sykepleiere', profession: 'nurse', requirements: [{ competenceCode: 'HC.SEC.1', requiredLevel: 3 }] });
    const r = await results(tenant.sessions.competence_advisor, campaign, '?profession=nurse');
    const sec = r.total!.competences.find((c) => c.code === 'HC.SEC.1')!;
    expect(sec.required).toBe(3);
    expect(sec.withRequirement).toBe(sec.answered);
    expect(sec.belowRequired).toBe(sec.distribution[0]! + sec.distribution[1]!);
    expect(r.topGaps[0]?.competenceCode).toBe('HC.SEC.1');
    expect(r.learning.find((l) => l.competenceCode === 'HC.SEC.1')).toEqual({ competenceCode: 'HC.SEC.1', items: [] });
  });

  it('does not let a profile written for one person’s cell reveal that person', async () => {
    const before = await results(tenant.sessions.competence_advisor, campaign);
    // The one doctor in Sone nord: a profile for exactly that unit and profession.
    await createProfile({ name: 'Lege i sone nord', profession: 'doctor', unitId: org.north.id, requirements: [{ competenceCode: 'HC.SEC.2', requiredLevel: 4 }] });
    const after = await results(tenant.sessions.competence_advisor, campaign);
    const rows = (r: CampaignResults) => new Map([...(r.total ? [r.total] : []), ...r.units, ...r.professions].map((x) => [x.key, x]));
    const a = rows(before);
    const b = rows(after);
    for (const [key, row] of b) {
      const old = a.get(key)!;
      for (const c of row.competences) {
        const o = old.competences.find((x) => x.code === c.code)!;
        const changed = c.withRequirement - o.withRequirement;
        expect(changed === 0 || Math.abs(changed) >= K, `${key} ${c.code}: ${changed}`).toBe(true);
        const below = c.belowRequired - o.belowRequired;
        expect(below === 0 || Math.abs(c.withRequirement - o.withRequirement) >= K, `${key} ${c.code} below ${below}`).toBe(true);
      }
    }
  });
});

describe('exports', () => {
  let campaign: string;
  beforeAll(async () => {
    campaign = await campaignWithAnswers(t.db, m, { invited: org.people.map((p) => p.id), respondents: respondentsOf(org.people, 2), competenceCodes: FEW_CODES, name: 'Kartlegging «vår» 2026' });
  });

  it('CSV holds the same k-anonymous rows as the screen', async () => {
    const screen = await results(tenant.sessions.competence_advisor, campaign, '?lang=en');
    const res = await call(t.app, tenant.sessions.competence_advisor, 'GET', `${url(campaign)}/export?format=csv&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="kartlegging-var-2026-results.csv"');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0]!.split(',');
    const col = header.indexOf(EXPORT_LABELS.en.respondents);
    const counts = lines.slice(1).map((l) => Number(l.split(',')[col]));
    expect(counts.every((n) => n >= K)).toBe(true);
    const rowCount = [screen.total!, ...screen.units, ...screen.professions].length;
    expect(lines.length - 1).toBe(rowCount * FEW_CODES.length);
  });

  it('XLSX has the heatmap, details and about sheets, and a leader gets only their units', async () => {
    const res = await call(t.app, tenant.sessions.leader, 'GET', `${url(campaign)}/export?format=xlsx&lang=nb`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const l = EXPORT_LABELS.nb;
    expect(wb.worksheets.map((w) => w.name)).toEqual([l.sheets.heatmap, l.sheets.details, l.sheets.about]);
    const heat = wb.getWorksheet(l.sheets.heatmap)!;
    const names: string[] = [];
    heat.eachRow((row, i) => {
      if (i > 1) names.push(String(row.getCell(1).value));
    });
    expect(names).toEqual([l.all, expect.stringContaining('Sone nord')]);
  });

  it('is refused like the results (403 employee, 404 other tenant)', async () => {
    expect((await call(t.app, tenant.sessions.employee, 'GET', `${url(campaign)}/export?format=csv`)).statusCode).toBe(403);
    const other = await buildTenant(t.db);
    expect((await call(t.app, other.sessions.municipal_admin, 'GET', `${url(campaign)}/export?format=xlsx`)).statusCode).toBe(404);
    expect(errorCode(await call(t.app, tenant.sessions.competence_advisor, 'GET', `${url(campaign)}/export?format=pdf`))).toBe('VALIDATION');
  });
});

describe('trend and the benchmark pool', () => {
  it('shows before/after across closed campaigns on the framework', async () => {
    const t2 = await buildTenant(t.db);
    const mid = t2.municipality.id;
    const people: Respondent[] = [];
    for (let i = 0; i < 8; i++) {
      const p = await createPerson(t.db, mid, t2.units.unit.id);
      people.push({ personId: p.id, unitId: t2.units.unit.id, profession: 'nurse', levels: { 'HC.SEC.1': 1 + (i % 2), 'HC.SEC.2': 2, 'HC.DIG.1': 2 } });
    }
    const first = await campaignWithAnswers(t.db, mid, { invited: people.map((p) => p.personId), respondents: people, competenceCodes: FEW_CODES, name: 'Før' });
    await t.db.updateTable('campaigns').set({ closed_at: new Date(Date.now() - 180 * 86400_000) }).where('id', '=', first).execute();
    await t.db.updateTable('campaigns').set({ closes_at: new Date(Date.now() - 170 * 86400_000), opens_at: new Date(Date.now() - 200 * 86400_000) }).where('id', '=', first).execute();
    const better = people.map((p) => ({ ...p, levels: { 'HC.SEC.1': 3, 'HC.SEC.2': 3, 'HC.DIG.1': 2 } }));
    await campaignWithAnswers(t.db, mid, { invited: people.map((p) => p.personId), respondents: better, competenceCodes: FEW_CODES, name: 'Etter' });
    const res = await call(t.app, t2.sessions.competence_advisor, 'GET', `/api/v1/municipalities/${mid}/results/trend`);
    expect(res.statusCode, res.body).toBe(200);
    const trend = res.json();
    expect(trend.points.map((p: { name: string }) => p.name)).toEqual(['Før', 'Etter']);
    const sec = (i: number) => trend.points[i].competences.find((c: { code: string }) => c.code === 'HC.SEC.1').average;
    expect(sec(0)).toBe(1.5);
    expect(sec(1)).toBe(3);
    // Whole-campaign figures went to the pool (8 respondents ≥ k).
    const pool = await t.db.selectFrom('benchmark_contributions').selectAll().where('municipality_id', '=', mid).where('kind', '=', 'competence').execute();
    expect(pool).toHaveLength(6);
    expect(pool.every((p) => p.respondents === 8)).toBe(true);
  });

  it('puts nothing in the pool from a campaign under k, and computes a campaign only once', async () => {
    const t3 = await buildTenant(t.db);
    const mid = t3.municipality.id;
    const few: Respondent[] = [];
    for (let i = 0; i < 4; i++) {
      const p = await createPerson(t.db, mid, t3.units.unit.id);
      few.push({ personId: p.id, unitId: t3.units.unit.id, profession: 'nurse', levels: { 'HC.SEC.1': 2, 'HC.SEC.2': 2, 'HC.DIG.1': 2 } });
    }
    const c = await campaignWithAnswers(t.db, mid, { invited: few.map((p) => p.personId), respondents: few, competenceCodes: FEW_CODES });
    expect(await computeCampaignResults(t.db, mid, c)).toBe(false);
    expect(await t.db.selectFrom('benchmark_contributions').selectAll().where('municipality_id', '=', mid).execute()).toEqual([]);
    const r = await call(t.app, t3.sessions.competence_advisor, 'GET', `/api/v1/municipalities/${mid}/campaigns/${c}/results`);
    expect(r.json().state).toBe('too_few_respondents');
    expect(r.json().total).toBeNull();
  });
});

describe('leader survey results', () => {
  it('are shown only when at least k leaders answered', async () => {
    const t4 = await buildTenant(t.db);
    const mid = t4.municipality.id;
    const leaders: string[] = [];
    for (let i = 0; i < 6; i++) leaders.push((await createPerson(t.db, mid, t4.units.unit.id, { profession: 'leader' })).id);
    const campaignId = await campaignWithAnswers(t.db, mid, { invited: [], respondents: [], competenceCodes: FEW_CODES, instruments: ['leader_survey'], mode: 'identified', compute: false });
    const survey = async (answering: number) => {
      await t.db.deleteFrom('campaign_results').where('campaign_id', '=', campaignId).execute();
      forgetSnapshots();
      await t.db.deleteFrom('benchmark_contributions').where('campaign_id', '=', campaignId).execute();
      await t.db.deleteFrom('campaign_invitations').where('campaign_id', '=', campaignId).execute();
      for (const [i, personId] of leaders.entries()) {
        const inv = await t.db
          .insertInto('campaign_invitations')
          .values({ municipality_id: mid, campaign_id: campaignId, person_id: personId, instrument: 'leader_survey', unit_id: t4.units.unit.id, submitted: i < answering })
          .returning('id')
          .executeTakeFirstOrThrow();
        await t.db
          .insertInto('leader_survey_answers')
          .values({ municipality_id: mid, invitation_id: inv.id, item_code: 'LS.TASK.1', option_codes: [i % 2 ? 'agree' : 'strongly_agree'] })
          .execute();
      }
      await computeCampaignResults(t.db, mid, campaignId);
      const res = await call(t.app, t4.sessions.competence_advisor, 'GET', `/api/v1/municipalities/${mid}/campaigns/${campaignId}/results?lang=en`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as CampaignResults;
    };
    const few = await survey(4);
    expect(few.state).toBe('no_self_assessment');
    expect(few.leaderSurvey!.respondents).toBeNull();
    expect(few.leaderSurvey!.items.every((i) => i.options.every((o) => o.count === null))).toBe(true);
    const enough = await survey(5);
    expect(enough.leaderSurvey!.respondents).toBe(5);
    const item = enough.leaderSurvey!.items.find((i) => i.code === 'LS.TASK.1')!;
    expect(item.options.find((o) => o.code === 'strongly_agree')!.count).toBe(3);
    expect(item.options.find((o) => o.code === 'agree')!.count).toBe(2);
    expect(item.average).toBe(4.6);
    const pool = await t.db.selectFrom('benchmark_contributions').selectAll().where('campaign_id', '=', campaignId).where('code', '=', 'LS.TASK.1').executeTakeFirstOrThrow();
    expect(pool.counts).toEqual([0, 0, 0, 2, 3]);
  });
});

describe('the unit leader', () => {
  it('of another unit sees none of Sone nord', async () => {
    const southLeader = await createUser(t.db, [{ role: 'leader', scopeType: 'unit', municipalityId: m, unitId: org.south.id }]);
    const session = await sessionFor(t.db, southLeader.id);
    const campaign = await campaignWithAnswers(t.db, m, { invited: org.people.map((p) => p.id), respondents: respondentsOf(org.people, 3), competenceCodes: FEW_CODES });
    const r = await results(session, campaign);
    expect(r.units.map((u) => u.unitId)).toEqual([org.south.id]);
    const north = await results(session, campaign, `?unitId=${org.north.id}`);
    expect(north.total).toBeNull();
  });
});
