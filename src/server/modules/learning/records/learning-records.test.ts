import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, type Tenant } from '../../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../../test/harness.js';
import { LEARNING_TENANT_TABLES } from '../../../db/migrations/0012_learning.js';
import { withTenant } from '../../../db/tenant.js';
import { recordLearning, type ItemRef } from './learning-records.js';

// recordLearning is the one door through which every source (courses, the
// player, cmi5, xAPI, films, attendance) reports what a learner did.

let t: TestApp;
let m: Tenant;
let other: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  m = await buildTenant(t.db);
  other = await buildTenant(t.db);
});
afterAll(() => t.close());

async function newItem(tenant: Tenant, certificateEnabled = false): Promise<ItemRef> {
  const row = await t.db
    .insertInto('learning_items')
    .values({ municipality_id: tenant.municipality.id, kind: 'link', status: 'published', titles: JSON.stringify({ en: 'A link' }), languages: ['en'], url: 'https://example.org/', certificate_enabled: certificateEnabled })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, municipalityId: tenant.municipality.id, certificateEnabled };
}

const at = (iso: string) => new Date(iso);

async function state(personId: string, itemId: string) {
  const progress = await t.db.selectFrom('learning_progress').selectAll().where('person_id', '=', personId).where('item_id', '=', itemId).executeTakeFirst();
  const completions = await t.db.selectFrom('learning_completions').selectAll().where('person_id', '=', personId).where('item_id', '=', itemId).orderBy('completed_at').execute();
  return { progress, completions };
}

describe('recordLearning', () => {
  it('keeps the current state, appends one completion when the learner first gets there, and never moves status down', async () => {
    const item = await newItem(m);
    const person = m.people.self.id;
    const record = (status: 'in_progress' | 'completed' | 'passed' | 'failed', iso: string, extra: object = {}) =>
      withTenant(t.db, m.municipality.id, (tx) => recordLearning(tx, m.municipality.id, person, item, { status, at: at(iso), source: 'course', ...extra }));

    expect(await record('in_progress', '2026-01-01T10:00:00Z')).toEqual({ status: 'in_progress', completionId: null, newCompletion: false });
    expect((await record('failed', '2026-01-02T10:00:00Z', { scoreScaled: 0.4 })).status).toBe('failed');
    const done = await record('completed', '2026-01-03T10:00:00Z');
    expect(done).toMatchObject({ status: 'completed', newCompletion: true });
    // Revisiting the item afterwards does not un-complete it, nor count it again.
    expect(await record('in_progress', '2026-01-04T10:00:00Z')).toEqual({ status: 'completed', completionId: null, newCompletion: false });
    // completed → passed in the same round updates that completion: a course taken once counts once.
    const passed = await record('passed', '2026-01-05T10:00:00Z', { scoreScaled: 0.9 });
    expect(passed).toEqual({ status: 'passed', completionId: done.completionId, newCompletion: false });

    const s = await state(person, item.id);
    expect(s.progress).toMatchObject({ status: 'passed', item_municipality_id: m.municipality.id, score_scaled: expect.closeTo(0.9, 5) });
    expect(s.progress!.completed_at!.toISOString()).toBe('2026-01-03T10:00:00.000Z');
    expect(s.completions).toHaveLength(1);
    expect(s.completions[0]).toMatchObject({ outcome: 'passed', source: 'course', id: done.completionId });
  });

  it('starts a new round on restart and then records a second completion', async () => {
    const item = await newItem(m);
    const person = (await createPerson(t.db, m.municipality.id, m.units.unit.id)).id;
    const record = (status: 'in_progress' | 'completed', iso: string, restart = false) =>
      withTenant(t.db, m.municipality.id, (tx) => recordLearning(tx, m.municipality.id, person, item, { status, at: at(iso), source: 'video', restart }));
    await record('completed', '2025-01-10T08:00:00Z');
    expect((await record('in_progress', '2026-01-10T08:00:00Z', true)).status).toBe('in_progress');
    const s1 = await state(person, item.id);
    expect(s1.progress).toMatchObject({ status: 'in_progress', completed_at: null });
    expect((await record('completed', '2026-01-11T08:00:00Z')).newCompletion).toBe(true);
    const s2 = await state(person, item.id);
    expect(s2.completions.map((c) => c.completed_at.toISOString())).toEqual(['2025-01-10T08:00:00.000Z', '2026-01-11T08:00:00.000Z']);
  });

  it('cannot write a row for another municipality’s person (the tenant wall holds)', async () => {
    const item = await newItem(m);
    await expect(
      withTenant(t.db, m.municipality.id, (tx) => recordLearning(tx, other.municipality.id, other.people.self.id, item, { status: 'completed', at: new Date(), source: 'manual' })),
    ).rejects.toThrow();
    expect((await state(other.people.self.id, item.id)).completions).toHaveLength(0);
  });
});

describe('the learning tables', () => {
  it.each(LEARNING_TENANT_TABLES)('%s has municipality_id first in its primary key, row-level security and a tenant policy', async (table) => {
    const pk = await sql<{ column: string }>`select a.attname as column from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
      where i.indrelid = ${table}::regclass and i.indisprimary`.execute(t.db);
    expect(pk.rows[0]?.column).toBe('municipality_id');
    const rls = await sql<{ relrowsecurity: boolean }>`select relrowsecurity from pg_class where oid = ${table}::regclass`.execute(t.db);
    expect(rls.rows[0]?.relrowsecurity).toBe(true);
    const policies = await sql<{ policyname: string }>`select policyname from pg_policies where tablename = ${table}`.execute(t.db);
    expect(policies.rows.map((p) => p.policyname)).toContain('tenant_isolation');
  });
});
