import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createUser, sessionFor, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../../test/harness.js';
import { agentAndMemberKeys, personAgent } from '../xapi/identity.js';
import { EXPORT_BATCH } from './lrs-statements.service.js';

// The statement browser and its exports, on rows written straight into
// xapi_statements (the /xapi write path is tested on its own).

let t: TestApp;
let tenant: Tenant;
let other: Tenant;
let base: string;
let publicUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await buildTenant(t.db);
  other = await buildTenant(t.db);
  base = `/api/v1/municipalities/${tenant.municipality.id}/lrs/statements`;
  publicUrl = t.deps.config.publicUrl;
});
afterAll(() => t.close());

type Json = Record<string, any>;
type Row = { id: string; stored: string; timestamp: string | null; actor: Json; verb: Json; object: Json; result: Json | null; voided: boolean };
type Page = { items: Row[]; nextCursor: string | null };

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const ATTEMPTED = 'http://adlnet.gov/expapi/verbs/attempted';

/** The filter columns as the LRS computes them: actor and object agents, object activity, and their "related" supersets. */
function indexColumns(s: Json) {
  const agents = [...agentAndMemberKeys(s.actor), ...(s.object?.objectType === 'Agent' || s.object?.objectType === 'Group' ? agentAndMemberKeys(s.object) : [])];
  const related = [...agents, ...(s.context?.instructor ? agentAndMemberKeys(s.context.instructor) : [])];
  const activities = (s.object?.objectType ?? 'Activity') === 'Activity' ? [s.object.id as string] : [];
  const relatedActivities = [...activities, ...((s.context?.contextActivities?.parent ?? []) as Json[]).map((a) => a.id as string)];
  return { agents, related, activities, relatedActivities };
}

let clock = Date.parse('2024-03-01T08:00:00Z');
/** Inserts a statement as the LRS would store it; `stored` defaults to one second after the last. */
async function store(municipalityId: string, body: Json, opts: { stored?: string; voided?: boolean } = {}): Promise<Json> {
  const id = randomUUID();
  const stored = opts.stored ?? new Date((clock += 1000)).toISOString();
  const statement: Json = { id, ...body, stored, timestamp: body.timestamp ?? stored, authority: { objectType: 'Agent', account: { homePage: `${publicUrl}/xapi`, name: 'mst_test' } }, version: '1.0.0' };
  const ix = indexColumns(statement);
  await t.db
    .insertInto('xapi_statements')
    .values({
      municipality_id: municipalityId,
      id,
      stored,
      verb_id: statement.verb.id,
      registration: null,
      agent_keys: ix.agents,
      related_agent_keys: ix.related,
      activity_ids: ix.activities,
      related_activity_ids: ix.relatedActivities,
      voided: opts.voided ?? false,
      statement: JSON.stringify(statement),
    })
    .execute();
  return statement;
}

const activity = (id: string, name?: Json) => ({ objectType: 'Activity', id, ...(name ? { definition: { name } } : {}) });
const verb = (id: string, display?: Json) => ({ id, ...(display ? { display } : {}) });

async function get(url: string, session: Session | null = tenant.sessions.municipal_admin): Promise<Page> {
  const res = await call(t.app, session, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

async function allPages(url: string, limit: number): Promise<Row[]> {
  const items: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const page: Page = await get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    expect(++pages).toBeLessThan(200);
  } while (cursor);
  return items;
}

describe('browsing statements', () => {
  it('pages newest first with a cursor, every statement once, also when many share one stored instant', async () => {
    const m = tenant.municipality.id;
    const tag = `https://kurs.example/paging/${randomUUID()}`;
    const same = '2024-01-15T12:00:00.000001Z';
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await store(m, { actor: { mbox: `mailto:p${i}@x.org` }, verb: verb(COMPLETED), object: activity(tag) }, { stored: same })).id);
    ids.push((await store(m, { actor: { mbox: 'mailto:late@x.org' }, verb: verb(COMPLETED), object: activity(tag) }, { stored: '2024-01-15T12:00:00.000002Z' })).id);
    ids.push((await store(m, { actor: { mbox: 'mailto:early@x.org' }, verb: verb(COMPLETED), object: activity(tag) }, { stored: '2024-01-15T12:00:00Z' })).id);
    // Newest first; within one instant, the later arrival first.
    const expected = [ids[7], ...ids.slice(0, 7).reverse(), ids[8]];
    for (const limit of [1, 2, 3, 50]) {
      const items = await allPages(`${base}?activityId=${encodeURIComponent(tag)}`, limit);
      expect(items.map((r) => r.id), `limit ${limit}`).toEqual(expected);
    }
  });

  it('summarises each statement: actor, verb and activity in the reader’s language, result and voided flag', async () => {
    const m = tenant.municipality.id;
    const tag = `https://kurs.example/summary/${randomUUID()}`;
    const person = tenant.people.inTeam;
    const s = await store(m, {
      actor: personAgent(publicUrl, person.id),
      verb: verb(COMPLETED, { 'en-US': 'completed', 'nb-NO': 'fullførte' }),
      object: activity(tag, { 'en-US': 'Hand hygiene', 'nb-NO': 'Håndhygiene' }),
      result: { success: true, completion: true, score: { scaled: 0.9, raw: 9, max: 10 } },
      timestamp: '2024-03-01T07:59:00Z',
    });
    const voided = await store(m, { actor: { name: 'Ola Vikar', mbox: 'mailto:ola@x.org' }, verb: verb(ATTEMPTED), object: activity(tag) }, { voided: true });

    const [newer, older] = (await get(`${base}?activityId=${encodeURIComponent(tag)}`)).items;
    expect(older).toEqual({
      id: s.id,
      stored: s.stored,
      timestamp: '2024-03-01T07:59:00Z',
      actor: { objectType: 'Agent', display: `${person.given_name} ${person.family_name}`, ifi: `${person.id} (${publicUrl})`, personId: person.id },
      verb: { id: COMPLETED, display: 'fullførte' },
      object: { objectType: 'Activity', id: tag, name: 'Håndhygiene' },
      result: { success: true, completion: true, scaled: 0.9 },
      voided: false,
    });
    expect(newer).toMatchObject({ id: voided.id, actor: { display: 'Ola Vikar', ifi: 'mailto:ola@x.org', personId: null }, result: null, voided: true });

    const english = (await get(`${base}?activityId=${encodeURIComponent(tag)}&lang=en`)).items[1]!;
    expect(english.verb.display).toBe('completed');
    expect(english.object.name).toBe('Hand hygiene');
    // Without ?lang, the user's own language decides.
    const englishReader = await createUser(t.db, [{ role: 'competence_advisor', scopeType: 'municipality', municipalityId: m }], { language: 'en' });
    const asEnglishReader = await get(`${base}?activityId=${encodeURIComponent(tag)}`, await sessionFor(t.db, englishReader.id));
    expect(asEnglishReader.items[1]!.verb.display).toBe('completed');
  });

  it('filters by person (their Mestring account as actor or object), by e-mail, activity, verb and stored time', async () => {
    const m = tenant.municipality.id;
    const tag = `https://kurs.example/filters/${randomUUID()}`;
    const module1 = `${tag}/module-1`;
    const kari = tenant.people.inTeam;
    const asActor = await store(m, { actor: personAgent(publicUrl, kari.id), verb: verb(COMPLETED), object: activity(tag) }, { stored: '2024-02-01T10:00:00Z' });
    const asObject = await store(m, { actor: { mbox: 'mailto:leder@x.org' }, verb: verb('https://w3id.org/xapi/adl/verbs/mentored'), object: { objectType: 'Agent', ...personAgent(publicUrl, kari.id) } }, { stored: '2024-02-02T10:00:00Z' });
    const asInstructor = await store(m, { actor: { mbox: 'mailto:elev@x.org' }, verb: verb(ATTEMPTED), object: activity(module1), context: { instructor: personAgent(publicUrl, kari.id), contextActivities: { parent: [{ id: tag }] } } }, { stored: '2024-02-03T10:00:00Z' });
    const byMail = await store(m, { actor: { mbox: 'mailto:Per.Hansen@Example.org' }, verb: verb(ATTEMPTED), object: activity(tag) }, { stored: '2024-02-04T10:00:00Z' });
    const elsewhere = await store(other.municipality.id, { actor: personAgent(publicUrl, kari.id), verb: verb(COMPLETED), object: activity(tag) }, { stored: '2024-02-01T11:00:00Z' });

    const ids = async (q: string) => (await get(`${base}?${q}`)).items.map((r) => r.id);
    const forKari = await ids(`personId=${kari.id}&since=2024-01-31T00:00:00Z&until=2024-02-05T00:00:00Z`);
    expect(forKari).toEqual([asObject.id, asActor.id]);
    expect(forKari).not.toContain(asInstructor.id);
    expect(forKari).not.toContain(elsewhere.id);
    expect(await ids(`email=${encodeURIComponent('per.hansen@example.org')}`)).toEqual([byMail.id]);
    // The activity filter is the statement's object; a parent in the context does not count.
    expect(await ids(`activityId=${encodeURIComponent(tag)}`)).toEqual([byMail.id, asActor.id]);
    expect(await ids(`activityId=${encodeURIComponent(module1)}`)).toEqual([asInstructor.id]);
    expect(await ids(`activityId=${encodeURIComponent(tag)}&verbId=${encodeURIComponent(ATTEMPTED)}`)).toEqual([byMail.id]);
    // since is exclusive and until inclusive, as in xAPI.
    expect(await ids(`activityId=${encodeURIComponent(tag)}&since=2024-02-01T10:00:00Z`)).toEqual([byMail.id]);
    expect(await ids(`activityId=${encodeURIComponent(tag)}&until=2024-02-01T10:00:00Z`)).toEqual([asActor.id]);
    expect(await ids(`activityId=${encodeURIComponent(tag)}&since=2024-02-01T10:00:00%2B01:00&until=2024-02-01T11:00:00%2B01:00`)).toEqual([asActor.id]);
  });

  it.each([
    ['a person and an e-mail at once', () => `personId=${tenant.people.inTeam.id}&email=a@b.org`, 'email'],
    ["another municipality's person", () => `personId=${other.people.inTeam.id}`, 'personId'],
    ['an unknown person', () => `personId=${randomUUID()}`, 'personId'],
    ['a malformed person id', () => 'personId=42', 'personId'],
    ['a malformed e-mail', () => 'email=not-an-address', 'email'],
    ['an activity id that is no IRI', () => 'activityId=kurs 1', 'activityId'],
    ['a verb id that is no IRI', () => 'verbId=completed', 'verbId'],
    ['a date that is no timestamp', () => 'since=yesterday', 'since'],
    ['since after until', () => 'since=2024-02-02T00:00:00Z&until=2024-02-01T00:00:00Z', 'until'],
    ['a bad cursor', () => 'cursor=nonsense', 'cursor'],
    ['a limit of 0', () => 'limit=0', 'limit'],
    ['a limit of 201', () => 'limit=201', 'limit'],
    ['an unknown language', () => 'lang=de', 'lang'],
  ])('refuses %s with VALIDATION naming the field', async (_what, query, field) => {
    const res = await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}?${query()}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION');
    const paths = (res.json().error.details.issues as { path: string[] }[]).map((i) => i.path.at(-1));
    expect(paths).toContain(field);
  });
});

describe('who reads statements', () => {
  it('lets administrators and competence advisors read; everyone else in the municipality is forbidden', async () => {
    await get(base, tenant.sessions.municipal_admin);
    await get(base, tenant.sessions.competence_advisor);
    for (const role of ['employee', 'leader', 'ombud', 'network_coordinator', 'analyst', 'platform_admin'] as const) {
      for (const url of [base, `${base}/export?format=csv`]) expect(errorCode(await call(t.app, tenant.sessions[role], 'GET', url)), `${role} ${url}`).toBe('FORBIDDEN');
    }
    expect(errorCode(await call(t.app, null, 'GET', base))).toBe('UNAUTHENTICATED');
  });

  it("is 'not found' for another municipality's staff, and never shows another municipality's statements", async () => {
    const theirs = await store(other.municipality.id, { actor: { mbox: 'mailto:theirs@x.org' }, verb: verb(COMPLETED), object: activity('https://kurs.example/theirs') });
    for (const role of ['municipal_admin', 'competence_advisor'] as const) {
      const res = await call(t.app, other.sessions[role], 'GET', base);
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect((await call(t.app, other.sessions[role], 'GET', `${base}/export?format=json`)).statusCode).toBe(404);
    }
    const mine = await allPages(base, 200);
    expect(mine.map((r) => r.id)).not.toContain(theirs.id);
    const exported = await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}/export?format=json`);
    expect(exported.body).not.toContain(theirs.id);
  });
});

describe('exporting statements', () => {
  it('writes CSV with a byte order mark, one line per statement, formula-safe cells, and audits the export with its filters', async () => {
    const m = tenant.municipality.id;
    const tag = `https://kurs.example/csv/${randomUUID()}`;
    const a = await store(m, { actor: { name: '=HYPERLINK("http://evil.example","klikk")', mbox: 'mailto:a@x.org' }, verb: verb(COMPLETED, { 'nb-NO': 'fullførte' }), object: activity(tag, { nb: 'Kurs, del 1' }), result: { success: false, score: { scaled: -0.5 } } });
    const b = await store(m, { actor: { name: 'Åse Ødegård', mbox: 'mailto:b@x.org' }, verb: verb(ATTEMPTED), object: activity(tag) }, { voided: true });

    const res = await call(t.app, tenant.sessions.competence_advisor, 'GET', `${base}/export?format=csv&activityId=${encodeURIComponent(tag)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="xapi-statements-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('id,stored,timestamp,actor,actor_ifi,verb_id,verb,object_type,object_id,object_name,success,completion,score_scaled,voided');
    expect(lines.slice(1, -1)).toEqual([
      `${b.id},${b.stored},${b.stored},Åse Ødegård,mailto:b@x.org,${ATTEMPTED},,Activity,${tag},,,,,true`,
      `${a.id},${a.stored},${a.stored},"'=HYPERLINK(""http://evil.example"",""klikk"")",mailto:a@x.org,${COMPLETED},fullførte,Activity,${tag},"Kurs, del 1",false,,-0.5,false`,
    ]);

    const audit = await t.db.selectFrom('audit_events').selectAll().where('municipality_id', '=', m).where('action', '=', 'lrs_statements.export').orderBy('occurred_at', 'desc').executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(tenant.users.competence_advisor.id);
    expect(audit.after).toMatchObject({ format: 'csv', filter: { activityId: tag, personId: null } });
  });

  it('writes JSON as an array of the full stored statements, newest first, across export batches', async () => {
    const m = tenant.municipality.id;
    const tag = `https://kurs.example/json/${randomUUID()}`;
    const count = EXPORT_BATCH * 2 + 3;
    // One insert for all rows: stored one millisecond apart.
    const start = Date.parse('2023-06-01T00:00:00Z');
    const rows = Array.from({ length: count }, (_, i) => {
      const id = randomUUID();
      const stored = new Date(start + i).toISOString();
      const statement = { id, actor: { mbox: `mailto:n${i}@x.org` }, verb: { id: COMPLETED }, object: { objectType: 'Activity', id: tag }, stored, timestamp: stored, version: '1.0.0' };
      return sql`(${m}::uuid, ${id}::uuid, ${stored}::timestamptz, ${COMPLETED}, array[${`mbox:mailto:n${i}@x.org`}]::text[], array[${`mbox:mailto:n${i}@x.org`}]::text[], array[${tag}]::text[], array[${tag}]::text[], ${JSON.stringify(statement)}::jsonb)`;
    });
    await sql`insert into xapi_statements (municipality_id, id, stored, verb_id, agent_keys, related_agent_keys, activity_ids, related_activity_ids, statement) values ${sql.join(rows)}`.execute(t.db);

    const res = await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}/export?format=json&activityId=${encodeURIComponent(tag)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const statements = JSON.parse(res.body) as Json[];
    expect(statements).toHaveLength(count);
    expect(statements[0]).toEqual({ id: expect.any(String), actor: { mbox: `mailto:n${count - 1}@x.org` }, verb: { id: COMPLETED }, object: { objectType: 'Activity', id: tag }, stored: new Date(start + count - 1).toISOString(), timestamp: expect.any(String), version: '1.0.0' });
    expect(statements.map((s) => s.actor.mbox)).toEqual(Array.from({ length: count }, (_, i) => `mailto:n${count - 1 - i}@x.org`));

    const csv = await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}/export?format=csv&activityId=${encodeURIComponent(tag)}`);
    expect(csv.body.split('\r\n')).toHaveLength(count + 2);
  });

  it('exports an empty array when nothing matches, and refuses a bad format or filter before writing anything', async () => {
    const empty = await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}/export?format=json&verbId=${encodeURIComponent('https://nothing.example/verb')}`);
    expect(empty.statusCode).toBe(200);
    expect(JSON.parse(empty.body)).toEqual([]);
    const exportsBefore = await t.db.selectFrom('audit_events').select('id').where('action', '=', 'lrs_statements.export').execute();
    for (const q of ['format=xml', '', `format=csv&personId=${other.people.inTeam.id}`]) {
      const res = await call(t.app, tenant.sessions.municipal_admin, 'GET', `${base}/export?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
    }
    const leader = await call(t.app, tenant.sessions.leader, 'GET', `${base}/export?format=csv`);
    expect(leader.statusCode).toBe(403);
    expect(await t.db.selectFrom('audit_events').select('id').where('action', '=', 'lrs_statements.export').execute()).toHaveLength(exportsBefore.length);
  });
});
