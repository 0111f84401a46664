import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../test/harness.js';

// Reading the audit trail: filters, cursor paging, and who may read it.

let t: TestApp;
let tenant: Tenant;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await buildTenant(t.db);
  base = `/api/v1/municipalities/${tenant.municipality.id}/audit-events`;
});
afterAll(() => t.close());

type AuditEvent = { id: string; occurredAt: string; actorUserId: string | null; action: string; entityType: string; entityId: string; before: unknown; after: unknown };
type Page = { items: AuditEvent[]; nextCursor: string | null };

async function get(url: string, session: Session | null = tenant.sessions.municipal_admin): Promise<Page> {
  const res = await call(t.app, session, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

/** Follows nextCursor to the end. */
async function allPages(url: string, limit: number, session?: Session | null): Promise<{ pages: Page[]; items: AuditEvent[] }> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const page: Page = await get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, session);
    pages.push(page);
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(100);
  } while (cursor);
  return { pages, items: pages.flatMap((p) => p.items) };
}

/**
 * Events written within the same millisecond, as one transaction (an import)
 * writes them: microseconds apart, and some at exactly the same instant.
 */
async function burst(entityType: string, count: number, at = '2024-05-01T10:00:00.123') {
  const values = Array.from({ length: count }, (_, i) => sql`(${tenant.municipality.id}::uuid, (${at}::timestamp + ${`${Math.floor(i / 2) * 10} microseconds`}::interval) at time zone 'UTC', 'test', 'test.burst', ${entityType}, ${`e${i}`})`);
  await sql`insert into audit_events (municipality_id, occurred_at, actor_label, action, entity_type, entity_id) values ${sql.join(values)}`.execute(t.db);
}

describe('the municipal audit trail', () => {
  it('pages with a cursor through events of the same millisecond: every event once, newest first', async () => {
    await burst('burst', 25);
    const expected = await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('municipality_id', '=', tenant.municipality.id)
      .where('entity_type', '=', 'burst')
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const limit of [1, 3, 7, 25, 200]) {
      const { pages, items } = await allPages(`${base}?entityType=burst`, limit);
      expect(items.map((e) => e.id), `limit ${limit}`).toEqual(expected.map((e) => e.id));
      expect(pages.length).toBe(Math.max(1, Math.ceil(25 / limit)));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
  });

  it('records changes made through the API, filterable by action, entity type and actor', async () => {
    const units = `/api/v1/municipalities/${tenant.municipality.id}/units`;
    const a = await call(t.app, tenant.sessions.municipal_admin, 'POST', units, { name: 'Audit A', kind: 'team' });
    await call(t.app, tenant.sessions.municipal_admin, 'PATCH', `${units}/${a.json().id}`, { name: 'Audit A2' });
    const person = await call(t.app, tenant.sessions.competence_advisor, 'PATCH', `/api/v1/municipalities/${tenant.municipality.id}/people/${tenant.people.inTeam.id}`, { givenName: 'Endret' });
    expect(person.statusCode).toBe(200);

    expect((await get(`${base}?entityType=unit`)).items.map((e) => e.action)).toEqual(['unit.update', 'unit.create']);
    expect((await get(`${base}?action=unit.create`)).items.map((e) => e.entityId)).toEqual([a.json().id]);
    const byAdvisor = await get(`${base}?actorUserId=${tenant.users.competence_advisor.id}`);
    expect(byAdvisor.items).toHaveLength(1);
    expect(byAdvisor.items[0]).toMatchObject({ action: 'person.update', entityId: tenant.people.inTeam.id, before: { givenName: 'Kari' }, after: { givenName: 'Endret' } });
    expect((await get(`${base}?actorUserId=${randomUUID()}`)).items).toEqual([]);
  });

  it('filters by time: from is inclusive, to is exclusive', async () => {
    await burst('window', 6, '2023-01-01T00:00:00.000');
    const all = (await get(`${base}?entityType=window`)).items;
    expect(all).toHaveLength(6);
    const from = encodeURIComponent('2023-01-01T00:00:00.000Z');
    const to = encodeURIComponent('2023-01-01T00:00:00.001Z');
    expect((await get(`${base}?entityType=window&from=${from}`)).items).toHaveLength(6);
    expect((await get(`${base}?entityType=window&to=${from}`)).items).toHaveLength(0);
    expect((await get(`${base}?entityType=window&from=${from}&to=${to}`)).items).toHaveLength(6);
    expect((await get(`${base}?entityType=window&from=${to}`)).items).toHaveLength(0);
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['wrong shape', Buffer.from('2024-01-01T00:00:00.000Z').toString('base64url')],
    ['bad date', Buffer.from(`yesterday|${randomUUID()}`).toString('base64url')],
    ['bad id', Buffer.from('2024-01-01T00:00:00.000Z|nope').toString('base64url')],
    ['36-dash id', Buffer.from(`2024-01-01T00:00:00.000Z|${'-'.repeat(36)}`).toString('base64url')],
    ['non-ISO date', Buffer.from(`Mon, 01 Jan 2024 00:00:00 GMT|${randomUUID()}`).toString('base64url')],
    ['impossible date', Buffer.from(`2024-02-30T00:00:00.000Z|${randomUUID()}`).toString('base64url')],
  ])('rejects a %s cursor with 400', async (_what, cursor) => {
    const res = await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}?cursor=${encodeURIComponent(cursor)}`);
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
  });

  it('rejects a limit outside 1..200', async () => {
    for (const limit of [0, 201, 'x']) expect((await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}?limit=${limit}`)).statusCode).toBe(400);
  });

  it('is "not found" for another municipality\'s administrator and for unknown municipalities', async () => {
    const other = await buildTenant(t.db);
    const foreign = await call(t.app, other.sessions.municipal_admin, 'GET', base);
    expect(foreign.statusCode).toBe(404);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    expect((await call(t.app, tenant.sessions.municipal_admin, 'GET', `/api/v1/municipalities/${randomUUID()}/audit-events`)).statusCode).toBe(404);
    expect((await get(`/api/v1/municipalities/${other.municipality.id}/audit-events?entityType=burst`, other.sessions.municipal_admin)).items).toEqual([]);
  });

  it('is forbidden to roles inside the municipality other than its administrator', async () => {
    for (const role of ['employee', 'leader', 'competence_advisor', 'platform_admin'] as const) {
      expect(errorCode(await call(t.app, tenant.sessions[role], 'GET', base)), role).toBe('FORBIDDEN');
    }
  });
});

describe('the network audit trail', () => {
  it('pages through a network\'s events and shows no other network\'s', async () => {
    const other = await buildTenant(t.db);
    const at = '2024-06-01T08:00:00.500';
    for (const [network, prefix] of [[tenant.network.id, 'mine'], [other.network.id, 'theirs']] as const) {
      const values = Array.from({ length: 9 }, (_, i) => sql`(${network}::uuid, (${at}::timestamp + ${`${i * 3} microseconds`}::interval) at time zone 'UTC', 'test', 'test.burst', 'burst', ${`${prefix}${i}`})`);
      await sql`insert into platform_audit_events (network_id, occurred_at, actor_label, action, entity_type, entity_id) values ${sql.join(values)}`.execute(t.db);
    }
    const { items } = await allPages(`/api/v1/networks/${tenant.network.id}/audit-events?entityType=burst`, 2, tenant.sessions.network_coordinator);
    expect(items.map((e) => e.entityId)).toEqual(Array.from({ length: 9 }, (_, i) => `mine${8 - i}`));
    expect((await call(t.app, other.sessions.network_coordinator, 'GET', `/api/v1/networks/${tenant.network.id}/audit-events`)).statusCode).toBe(404);
  });
});
