import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureId } from '../../../../test/fixtures/cmi5/course.js';
import { api, cmi5Tenant, cmi5TestApp, importCourse, launch, learner, SimulatedAu, type Cmi5Tenant } from '../../../../test/fixtures/cmi5/harness.js';
import type { TestApp } from '../../../../test/harness.js';
import { CMI5_TENANT_TABLES } from '../../db/migrations/0009_cmi5.js';
import { withTenant } from '../../db/tenant.js';

// The cmi5 tables follow the tenant rules (municipality_id first in every
// primary key, a tenant_isolation policy), and a session token of one
// municipality opens nothing in another.

let t: TestApp;
let close: () => Promise<void>;
let a: Cmi5Tenant;
let b: Cmi5Tenant;
const launched: { registration: string; sessionId: string; url: string }[] = [];
beforeAll(async () => {
  ({ t, close } = await cmi5TestApp());
  for (const tenant of [(a = await cmi5Tenant(t)), (b = await cmi5Tenant(t))]) {
    const course = await importCourse(t, tenant, { id: fixtureId('course'), children: [{ id: fixtureId('au'), moveOn: 'NotApplicable' }, { id: fixtureId('au'), moveOn: 'Completed' }] });
    const l = await launch(t, tenant, course.courseId, { actor: learner(), auIndex: 0 });
    await api(t, tenant.credential, 'POST', `/municipalities/${tenant.municipalityId}/cmi5/registrations/${l.registration}/waive`, { auIndex: 1, reason: 'Administrative' });
    launched.push(l);
  }
});
afterAll(() => close());

describe('cmi5 tables', () => {
  it.each(CMI5_TENANT_TABLES)('%s leads its primary key with municipality_id and has the tenant_isolation policy', async (table) => {
    const pk = await sql<{ column: string }>`
      select a.attname as column from pg_index i
      join pg_class c on c.oid = i.indrelid
      cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where i.indisprimary and c.relname = ${table} order by k.position`.execute(t.db);
    expect(pk.rows[0]?.column).toBe('municipality_id');
    const policy = await sql<{ n: number }>`select count(*) as n from pg_policies where tablename = ${table} and policyname = 'tenant_isolation'`.execute(t.db);
    expect(Number(policy.rows[0]!.n)).toBe(1);
  });

  it.each(CMI5_TENANT_TABLES)('withTenant(A) sees only A’s rows in %s', async (table) => {
    const seen = await withTenant(t.db, a.municipalityId, (tx) => sql<{ municipality_id: string }>`select distinct municipality_id from ${sql.table(table)}`.execute(tx));
    expect(seen.rows.map((r) => r.municipality_id)).toEqual([a.municipalityId]);
  });

  it("refuses a session token on another municipality's data", async () => {
    const au = await new SimulatedAu(t, launched[0]!.url).prepare();
    // B's registration under A's session token: not A's launch.
    const res = await au.xapi('GET', '/statements', { query: { registration: launched[1]!.registration } });
    expect(res.statusCode).toBe(403);
    // Abandoning B's session with A's credential finds nothing.
    expect((await api(t, a.credential, 'POST', `/municipalities/${a.municipalityId}/cmi5/sessions/${launched[1]!.sessionId}/abandon`)).statusCode).toBe(404);
    expect((await api(t, a.credential, 'POST', `/municipalities/${b.municipalityId}/cmi5/sessions/${launched[1]!.sessionId}/abandon`)).statusCode).toBe(404);
  });
});
