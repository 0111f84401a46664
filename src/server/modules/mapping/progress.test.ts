import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, createUnit, createUser, sessionFor } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type TestApp } from '../../../../test/harness.js';
import { insertCampaign, invite } from './mapping.fixtures.js';
import { computeProgress, type Counts, type UnitNode } from './progress.js';

// The response rate per unit: never a number about fewer than k invited people,
// and none that can be worked out by subtracting shown numbers.

const c = (invited: number, submitted: number): Counts => ({ invited, submitted });

describe('computeProgress (the partition rule)', () => {
  // A ─┬─ U1 ── T1      B
  //    └─ U2
  const units: UnitNode[] = [
    { id: 'A', parentId: null, name: 'A' },
    { id: 'U1', parentId: 'A', name: 'U1' },
    { id: 'T1', parentId: 'U1', name: 'T1' },
    { id: 'U2', parentId: 'A', name: 'U2' },
    { id: 'B', parentId: null, name: 'B' },
  ];
  const counts = new Map<string | null, Counts>([
    ['U1', c(6, 3)],
    ['T1', c(2, 1)],
    ['U2', c(3, 2)],
    [null, c(1, 0)],
    ['B', c(5, 5)],
  ]);

  it('folds small units into their parent, and a small remainder into the smallest row', () => {
    const { rows, total } = computeProgress({ units, counts, k: 5, visibleRoots: 'all' });
    expect(total).toEqual({ invited: 17, submitted: 11, rate: 0.647 });
    expect(rows).toEqual([
      // T1 (2) is too small alone: it is part of U1's row.
      { unitId: 'U1', name: 'U1', depth: 1, invited: 8, submitted: 4, rate: 0.5, mergedUnitIds: ['T1'], includesOther: false, rollup: { invited: 8, submitted: 4, rate: 0.5 } },
      // U2 (3) folds into A, which is then still too small (3) and reaches the top with the
      // person in no unit (1): 4 < k, so that remainder joins the smallest row, B's.
      { unitId: 'B', name: 'B', depth: 0, invited: 9, submitted: 7, rate: 0.778, mergedUnitIds: ['U2'], includesOther: true, rollup: { invited: 9, submitted: 7, rate: 0.778 } },
    ]);
    // Nothing is left over to subtract: the rows add up to the total.
    expect(rows.reduce((n, r) => n + r.invited, 0)).toBe(total!.invited);
  });

  it('gives a leader only the rows anchored in their units, and no total', () => {
    expect(computeProgress({ units, counts, k: 5, visibleRoots: ['U1'] })).toMatchObject({ total: null, rows: [{ unitId: 'U1' }] });
    expect(computeProgress({ units, counts, k: 5, visibleRoots: ['A'] }).rows.map((r) => r.unitId)).toEqual(['U1']);
    // U2 is too small to stand alone, so its leader sees no row at all.
    expect(computeProgress({ units, counts, k: 5, visibleRoots: ['U2'] }).rows).toEqual([]);
  });

  it('shows the "other" bucket as a row of its own when it has k people', () => {
    const { rows } = computeProgress({ units, counts: new Map([...counts, [null, c(2, 1)]]), k: 5, visibleRoots: 'all' });
    expect(rows.map((r) => [r.unitId, r.invited, r.includesOther])).toEqual([
      ['U1', 8, false],
      ['B', 5, false],
      [null, 5, true],
    ]);
  });

  it('hides the submitted count when the whole campaign has fewer than k people', () => {
    const { rows, total } = computeProgress({ units, counts: new Map([['U1', c(3, 1)]]), k: 5, visibleRoots: 'all' });
    expect(total).toEqual({ invited: 3, submitted: null, rate: null });
    expect(rows).toEqual([{ unitId: null, name: null, depth: 0, invited: 3, submitted: null, rate: null, mergedUnitIds: ['U1'], includesOther: true, rollup: { invited: 3, submitted: null, rate: null } }]);
  });

  it('holds the rule on random unit trees', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const k = 3 + rnd(5);
      const tree: UnitNode[] = [];
      const n = 1 + rnd(25);
      for (let i = 0; i < n; i++) tree.push({ id: `u${i}`, parentId: i > 0 && rnd(4) > 0 ? `u${rnd(i)}` : null, name: `Unit ${rnd(100)}` });
      const counts = new Map<string | null, Counts>();
      for (const u of tree) {
        const invited = rnd(3) === 0 ? 0 : rnd(9);
        if (invited > 0) counts.set(u.id, c(invited, rnd(invited + 1)));
      }
      if (rnd(2)) counts.set(null, c(1 + rnd(4), 0));
      const { rows, total } = computeProgress({ units: tree, counts, k, visibleRoots: 'all' });
      const invited = [...counts.values()].reduce((s, x) => s + x.invited, 0);
      expect(total!.invited).toBe(invited);
      // Rows partition everyone…
      expect(rows.reduce((s, r) => s + r.invited, 0)).toBe(invited);
      const covered = rows.flatMap((r) => [...(r.unitId ? [r.unitId] : []), ...r.mergedUnitIds]);
      expect(new Set(covered).size).toBe(covered.length);
      for (const [id, x] of counts) if (id && x.invited > 0) expect(covered).toContain(id);
      // …no row is about fewer than k people (unless the whole campaign is, and then it says nothing)…
      if (invited >= k) {
        for (const r of rows) expect(r.invited).toBeGreaterThanOrEqual(k);
        expect(rows.reduce((s, r) => s + r.submitted!, 0)).toBe(total!.submitted);
      } else {
        expect(rows.every((r) => r.submitted === null)).toBe(true);
      }
      // …and every roll-up is a sum of rows, so subtracting shown numbers only gives rows back.
      const parent = new Map(tree.map((u) => [u.id, u.parentId]));
      const below = (anchor: string, unit: string | null): boolean => !!unit && (unit === anchor || below(anchor, parent.get(unit) ?? null));
      for (const r of rows.filter((x) => x.unitId)) {
        const sum = rows.filter((x) => x.unitId && below(r.unitId!, x.unitId)).reduce((s, x) => s + x.invited, 0);
        expect(r.rollup.invited).toBe(sum);
      }
    }
  });
});

describe('GET …/campaigns/:campaignId/progress', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // One at a time: the test database's pool then keeps a single connection.
  async function people(m: string, unitId: string, n: number) {
    const made = [];
    for (let i = 0; i < n; i++) made.push(await createPerson(t.db, m, unitId));
    return made;
  }

  it('shows invited and submitted per unit with small units merged, to managers and to leaders for their units, never who answered', async () => {
    const tenant = await buildTenant(t.db);
    const m = tenant.municipality.id;
    // Under "Sone nord" (unit): 6 people in the unit and 2 in "Team A"; 3 in "Sone sør" (other).
    const inUnit = await people(m, tenant.units.unit.id, 6);
    const inTeam = await people(m, tenant.units.team.id, 2);
    const inOther = await people(m, tenant.units.other.id, 3);
    const campaignId = await insertCampaign(t.db, m, { mode: 'anonymous' });
    const invited = await invite(t.db, m, campaignId, [...inUnit, ...inTeam, ...inOther].map((p) => p.id));
    const submittedPeople = [inUnit[0]!, inUnit[1]!, inTeam[0]!, inOther[0]!].map((p) => p.id);
    await t.db.updateTable('campaign_invitations').set({ submitted: true }).where('campaign_id', '=', campaignId).where('person_id', 'in', submittedPeople).execute();
    expect(invited).toHaveLength(11);

    const url = `/api/v1/municipalities/${m}/campaigns/${campaignId}/progress`;
    const res = await call(t.app, tenant.sessions.competence_advisor, 'GET', url);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.threshold).toBe(5);
    expect(body.total).toEqual({ invited: 11, submitted: 4, rate: 0.364 });
    // "Sone sør" (3) is too small: it reaches the top (via the service area) and joins the smallest row.
    expect(body.rows).toEqual([
      {
        unitId: tenant.units.unit.id,
        name: 'Sone nord',
        depth: 1,
        invited: 11,
        submitted: 4,
        rate: 0.364,
        mergedUnitIds: [tenant.units.team.id, tenant.units.other.id],
        includesOther: true,
        rollup: { invited: 11, submitted: 4, rate: 0.364 },
      },
    ]);
    for (const p of [...inUnit, ...inTeam, ...inOther]) {
      expect(res.body).not.toContain(p.id);
      expect(res.body).not.toContain(p.family_name);
    }

    // The unit's leader sees the same row (their unit); a leader of "Sone sør" alone sees none.
    const leader = await call(t.app, tenant.sessions.leader, 'GET', url);
    expect(leader.json()).toMatchObject({ total: null, rows: [{ unitId: tenant.units.unit.id, invited: 11 }] });
    const otherLeader = await createUser(t.db, [{ role: 'leader', scopeType: 'unit', municipalityId: m, unitId: tenant.units.other.id }]);
    const small = await call(t.app, await sessionFor(t.db, otherLeader.id), 'GET', url);
    expect(small.json()).toMatchObject({ total: null, rows: [] });

    expect(errorCode(await call(t.app, tenant.sessions.employee, 'GET', url))).toBe('FORBIDDEN');
  });

  it('follows the municipality\'s anonymity threshold', async () => {
    const tenant = await buildTenant(t.db);
    const m = tenant.municipality.id;
    await t.db.updateTable('municipalities').set({ anonymity_threshold: 3 }).where('id', '=', m).execute();
    const team = await createUnit(t.db, m, { kind: 'team', parent_id: tenant.units.other.id });
    const three = await people(m, team.id, 3);
    const campaignId = await insertCampaign(t.db, m, { mode: 'identified' });
    await invite(t.db, m, campaignId, three.map((p) => p.id));
    const res = await call(t.app, tenant.sessions.municipal_admin, 'GET', `/api/v1/municipalities/${m}/campaigns/${campaignId}/progress`);
    expect(res.json()).toMatchObject({ threshold: 3, rows: [{ unitId: team.id, invited: 3, submitted: 0, rate: 0, depth: 2 }] });
  });
});
