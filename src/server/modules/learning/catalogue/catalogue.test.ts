import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, createUser, sessionFor, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../../test/harness.js';
import type { CatalogueItem } from '../../../../shared/api/learning.js';
import { starterVersion } from '../../mapping/mapping.fixtures.js';
import { insertCatalogueItem, insertPackage } from './catalogue.fixtures.js';

// The catalogue's items through the API: created, read, changed and removed
// by their owner's managers, validated like the table's checks but with
// answers a person can act on, audited, and never removed while someone has
// learnt from them.

let t: TestApp;
let a: Tenant;
let b: Tenant;
let m: string;
let starter: string;
beforeAll(async () => {
  t = await createTestApp();
  starter = await starterVersion(t.db);
  a = await buildTenant(t.db);
  b = await buildTenant(t.db);
  m = a.municipality.id;
});
afterAll(() => t.close());

const items = (tenant = a) => `/api/v1/municipalities/${tenant.municipality.id}/learning/items`;
const item = (id: string, tenant = a) => `${items(tenant)}/${id}`;
const advisor = () => a.sessions.competence_advisor;
const reason = (res: { json: () => any }) => res.json()?.error?.details?.reason;
const issuePaths = (res: { json: () => any }) => ((res.json()?.error?.details?.issues ?? []) as { path: string[] }[]).map((i) => i.path.join('.'));
const link = (over: Record<string, unknown> = {}) => ({
  kind: 'link',
  titles: { nb: 'Trygg bruk av pasientjournal', en: 'Safe use of patient records' },
  descriptions: { nb: 'Slik logger du inn og ut.' },
  languages: ['nb', 'en'],
  durationMinutes: 15,
  url: 'https://learning.example/journal',
  frameworkVersionId: starter,
  competences: [{ code: 'HC.EPR.1', level: 2 }],
  ...over,
});
async function create(body: Record<string, unknown>, session: Session | null = advisor(), tenant = a): Promise<CatalogueItem> {
  const res = await call(t.app, session, 'POST', items(tenant), body);
  expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
  return res.json<CatalogueItem>();
}
const itemCount = async () => (await t.db.selectFrom('learning_items').select('id').where('municipality_id', '=', m).execute()).length;
const auditOf = (entityId: string) =>
  t.db.selectFrom('audit_events').select(['action', 'before', 'after']).where('municipality_id', '=', m).where('entity_id', '=', entityId).orderBy('occurred_at').orderBy('id').execute();

describe('creating, changing and deleting an item', () => {
  it('creates a draft owned by the municipality, tagged and named in the reader\'s language, and audits it', async () => {
    const created = await create(link());
    expect(created).toMatchObject({
      kind: 'link',
      status: 'draft',
      owner: { type: 'municipality', municipalityId: m },
      title: 'Trygg bruk av pasientjournal',
      description: 'Slik logger du inn og ut.',
      languages: ['nb', 'en'],
      durationMinutes: 15,
      url: 'https://learning.example/journal',
      packageId: null,
      certificateEnabled: true,
      editable: true,
      myStatus: null,
    });
    expect(created.competences).toEqual([{ code: 'HC.EPR.1', level: 2, name: expect.stringMatching(/\S/) }]);
    expect((await auditOf(created.id)).map((e) => e.action)).toEqual(['learning_item.create']);
  });

  it('publishes at once when asked to', async () => {
    const created = await create(link({ status: 'published' }));
    expect(created.status).toBe('published');
    expect((await call(t.app, a.sessions.employee, 'GET', item(created.id))).json().myStatus).toBe('not_started');
  });

  it('saves changes, refuses a stale save with 409 STALE and changes nothing then', async () => {
    const created = await create(link());
    const saved = await call(t.app, advisor(), 'PATCH', item(created.id), { titles: { nb: 'Journal 2' }, durationMinutes: 20, expectedUpdatedAt: created.updatedAt });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ title: 'Journal 2', durationMinutes: 20 });
    const stale = await call(t.app, advisor(), 'PATCH', item(created.id), { titles: { nb: 'Journal 3' }, expectedUpdatedAt: created.updatedAt });
    expect(stale.statusCode).toBe(409);
    expect(reason(stale)).toBe('STALE');
    expect((await call(t.app, advisor(), 'GET', item(created.id))).json().title).toBe('Journal 2');
    expect((await auditOf(created.id)).map((e) => e.action)).toEqual(['learning_item.create', 'learning_item.update']);
  });

  it('replaces competence tags, and checks them against a new framework version', async () => {
    const created = await create(link());
    const res = await call(t.app, advisor(), 'PATCH', item(created.id), { competences: [{ code: 'HC.SEC.1', level: 3 }, { code: 'HC.SEC.2', level: null }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CatalogueItem>().competences.map((c) => [c.code, c.level])).toEqual([
      ['HC.SEC.1', 3],
      ['HC.SEC.2', null],
    ]);
    // Dropping the framework while tags stay would leave them meaningless.
    const orphan = await call(t.app, advisor(), 'PATCH', item(created.id), { frameworkVersionId: null });
    expect(errorCode(orphan)).toBe('VALIDATION');
    expect(issuePaths(orphan)).toEqual(['frameworkVersionId']);
    const cleared = await call(t.app, advisor(), 'PATCH', item(created.id), { frameworkVersionId: null, competences: [] });
    expect(cleared.json()).toMatchObject({ frameworkVersionId: null, competences: [] });
  });

  it('publishes, archives and brings back, but never returns a published item to draft', async () => {
    const created = await create(link());
    for (const status of ['published', 'archived', 'published', 'archived'] as const) {
      const res = await call(t.app, advisor(), 'PATCH', item(created.id), { status });
      expect(res.statusCode, `${status}: ${res.body}`).toBe(200);
      expect(res.json().status).toBe(status);
    }
    const back = await call(t.app, advisor(), 'PATCH', item(created.id), { status: 'draft' });
    expect(back.statusCode).toBe(409);
    expect(reason(back)).toBe('STATUS_TRANSITION');
    const actions = (await auditOf(created.id)).map((e) => e.action);
    expect(actions).toEqual(['learning_item.create', 'learning_item.publish', 'learning_item.archive', 'learning_item.publish', 'learning_item.archive']);
  });

  it('deletes an unused item (audited), and refuses with ITEM_IN_USE once anyone has progress, a completion or an assignment', async () => {
    const unused = await create(link());
    expect((await call(t.app, advisor(), 'DELETE', item(unused.id))).statusCode).toBe(200);
    expect(errorCode(await call(t.app, advisor(), 'GET', item(unused.id)))).toBe('NOT_FOUND');
    expect((await auditOf(unused.id)).map((e) => e.action)).toEqual(['learning_item.create', 'learning_item.delete']);

    const started = await create(link());
    await call(t.app, advisor(), 'PATCH', item(started.id), { status: 'published' });
    expect((await call(t.app, a.sessions.employee, 'POST', `${item(started.id)}/complete`)).statusCode).toBe(200);
    const refused = await call(t.app, advisor(), 'DELETE', item(started.id));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ reason: 'ITEM_IN_USE', progress: 1, completions: 1 });
    expect(refused.json().error.message).toMatch(/archive/i);

    const assigned = await create(link());
    await t.db
      .insertInto('learning_assignments')
      .values({ municipality_id: m, item_id: assigned.id, item_municipality_id: m, target_kind: 'unit', target_unit_id: a.units.unit.id })
      .execute();
    const busy = await call(t.app, advisor(), 'DELETE', item(assigned.id));
    expect(reason(busy)).toBe('ITEM_IN_USE');
    expect(await t.db.selectFrom('learning_items').select('id').where('id', 'in', [started.id, assigned.id]).execute()).toHaveLength(2);
  });
});

describe('validation of kind-specific fields and tags', () => {
  const cases: [string, () => Record<string, unknown>, string[]][] = [
    ['a link without an address', () => link({ url: undefined }), ['url']],
    ['a film with a package', () => link({ kind: 'video', packageId: randomUUID() }), ['packageId']],
    ['a SCORM item without a package but with an address', () => link({ kind: 'scorm' }), ['packageId', 'url']],
    ['an xAPI item without an activity id', () => link({ kind: 'xapi', url: undefined }), ['xapiActivityId']],
    ['an xAPI activity id that is not an IRI', () => link({ kind: 'xapi', url: undefined, xapiActivityId: 'fall prevention' }), ['xapiActivityId']],
    ['an event with an address', () => link({ kind: 'event' }), ['url']],
    ['tags without a framework', () => link({ frameworkVersionId: undefined }), ['frameworkVersionId']],
    ['an unknown competence', () => link({ competences: [{ code: 'NO.SUCH.1', level: 1 }] }), ['competences.0.code']],
    ['a level beyond the scale', () => link({ competences: [{ code: 'HC.SEC.1', level: 9 }] }), ['competences.0.level']],
    ['a competence twice', () => link({ competences: [{ code: 'HC.SEC.1', level: 1 }, { code: 'HC.SEC.1', level: 2 }] }), ['competences']],
    ['an unknown framework version', () => link({ frameworkVersionId: randomUUID() }), ['frameworkVersionId']],
  ];
  for (const [what, body, paths] of cases) {
    it(`refuses ${what} with VALIDATION naming ${paths.join(', ')}, and stores nothing`, async () => {
      const before = await itemCount();
      const res = await call(t.app, advisor(), 'POST', items(), body());
      expect(res.statusCode, res.body).toBe(400);
      expect(errorCode(res)).toBe('VALIDATION');
      expect(issuePaths(res).sort()).toEqual([...paths].sort());
      expect(await itemCount()).toBe(before);
    });
  }

  it('takes a package of this municipality and of the kind\'s family only', async () => {
    const scorm = await insertPackage(t.db, m, 'scorm');
    const cmi5 = await insertPackage(t.db, m, 'cmi5');
    const theirs = await insertPackage(t.db, b.municipality.id, 'scorm');
    const body = (kind: string, packageId: string) => link({ kind, packageId, url: undefined });
    expect((await create(body('scorm', scorm))).packageId).toBe(scorm);
    expect((await create(body('cmi5', cmi5))).packageId).toBe(cmi5);
    for (const [kind, packageId, message] of [
      ['scorm', cmi5, /cmi5 package/],
      ['cmi5', scorm, /scorm package/],
      ['scorm', theirs, /no such package/],
    ] as const) {
      const res = await call(t.app, advisor(), 'POST', items(), body(kind, packageId));
      expect(errorCode(res), `${kind} ${packageId}`).toBe('VALIDATION');
      expect(res.json().error.details.issues[0].message).toMatch(message);
    }
  });

  it('keeps the kind\'s fields on update: no address on a SCORM item, no emptying a link', async () => {
    const created = await create(link({ kind: 'scorm', url: undefined, packageId: await insertPackage(t.db, m, 'scorm') }));
    expect(issuePaths(await call(t.app, advisor(), 'PATCH', item(created.id), { url: 'https://example.org/x' }))).toEqual(['url']);
    expect(issuePaths(await call(t.app, advisor(), 'PATCH', item(created.id), { packageId: await insertPackage(t.db, m, 'cmi5') }))).toEqual(['packageId']);
    expect(errorCode(await call(t.app, advisor(), 'PATCH', item(created.id), { kind: 'link' }))).toBe('VALIDATION');
  });
});

describe('who manages which item', () => {
  it('lets only the municipality\'s administrators and advisors create its own items', async () => {
    expect((await create(link(), a.sessions.municipal_admin)).editable).toBe(true);
    for (const role of ['employee', 'leader', 'ombud', 'analyst', 'network_coordinator', 'platform_admin'] as const) {
      expect(errorCode(await call(t.app, a.sessions[role], 'POST', items(), link())), role).toBe('FORBIDDEN');
    }
    expect(errorCode(await call(t.app, null, 'POST', items(), link()))).toBe('UNAUTHENTICATED');
    expect(errorCode(await call(t.app, b.sessions.competence_advisor, 'POST', items(), link()))).toBe('NOT_FOUND');
  });

  it('lets a coordinator of the municipality\'s network create items the network owns, which only coordinators then manage', async () => {
    const coordinator = a.sessions.network_coordinator;
    const owned = await create(link({ ownerNetworkId: a.network.id }), coordinator);
    expect(owned.owner).toEqual({ type: 'network', networkId: a.network.id, networkName: a.network.name });
    expect(owned.editable).toBe(true);
    expect((await call(t.app, advisor(), 'GET', item(owned.id))).json().editable).toBe(false);
    expect(errorCode(await call(t.app, advisor(), 'PATCH', item(owned.id), { durationMinutes: 5 }))).toBe('FORBIDDEN');
    expect(errorCode(await call(t.app, advisor(), 'DELETE', item(owned.id)))).toBe('FORBIDDEN');
    expect((await call(t.app, coordinator, 'PATCH', item(owned.id), { status: 'published' })).json().status).toBe('published');
    // And the other way round: a municipality's own item is not the coordinator's to change.
    const own = await create(link());
    expect(errorCode(await call(t.app, coordinator, 'PATCH', item(own.id), { durationMinutes: 5 }))).toBe('NOT_FOUND');
  });

  it('refuses a network owner from anyone but that network\'s coordinator', async () => {
    expect(errorCode(await call(t.app, advisor(), 'POST', items(), link({ ownerNetworkId: a.network.id })))).toBe('FORBIDDEN');
    const wrong = await call(t.app, a.sessions.network_coordinator, 'POST', items(), link({ ownerNetworkId: b.network.id }));
    expect(errorCode(wrong)).toBe('VALIDATION');
    expect(issuePaths(wrong)).toEqual(['ownerNetworkId']);
    expect(errorCode(await call(t.app, a.sessions.network_coordinator, 'POST', items(), link()))).toBe('FORBIDDEN');
  });

  it('hides another municipality\'s items under this municipality\'s path', async () => {
    const theirs = await insertCatalogueItem(t.db, b.municipality.id);
    for (const [method, url] of [
      ['GET', item(theirs.id)],
      ['PATCH', item(theirs.id)],
      ['DELETE', item(theirs.id)],
    ] as const) {
      expect(errorCode(await call(t.app, advisor(), method, url, method === 'PATCH' ? { durationMinutes: 3 } : undefined)), `${method} ${url}`).toBe('NOT_FOUND');
    }
  });
});

describe('marking a film or link as done', () => {
  it('records the learner\'s completion once, with the kind as its source', async () => {
    const film = await insertCatalogueItem(t.db, m, { kind: 'video' });
    const first = await call(t.app, a.sessions.employee, 'POST', `${item(film.id)}/complete`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ myStatus: 'completed' });
    expect((await call(t.app, a.sessions.employee, 'POST', `${item(film.id)}/complete`)).json()).toEqual({ myStatus: 'completed' });
    const completions = await t.db.selectFrom('learning_completions').select(['person_id', 'source', 'outcome']).where('item_id', '=', film.id).execute();
    expect(completions).toEqual([{ person_id: a.people.self.id, source: 'video', outcome: 'completed' }]);
    expect((await call(t.app, a.sessions.employee, 'GET', item(film.id))).json().myStatus).toBe('completed');
  });

  it('answers 409 NOT_SELF_COMPLETABLE for kinds that record completion themselves', async () => {
    for (const kind of ['course', 'xapi', 'event'] as const) {
      const other = await insertCatalogueItem(t.db, m, { kind });
      const res = await call(t.app, a.sessions.employee, 'POST', `${item(other.id)}/complete`);
      expect(res.statusCode, kind).toBe(409);
      expect(reason(res), kind).toBe('NOT_SELF_COMPLETABLE');
    }
    expect(await t.db.selectFrom('learning_progress').select('item_id').where('person_id', '=', a.people.self.id).where('status', '=', 'in_progress').execute()).toEqual([]);
  });

  it('is for employees of the municipality, on published items', async () => {
    const film = await insertCatalogueItem(t.db, m, { kind: 'link' });
    expect(errorCode(await call(t.app, advisor(), 'POST', `${item(film.id)}/complete`))).toBe('FORBIDDEN');
    const draft = await insertCatalogueItem(t.db, m, { kind: 'link', status: 'draft' });
    expect(errorCode(await call(t.app, a.sessions.employee, 'POST', `${item(draft.id)}/complete`))).toBe('NOT_FOUND');
    const archived = await insertCatalogueItem(t.db, m, { kind: 'link', status: 'archived' });
    expect(errorCode(await call(t.app, a.sessions.employee, 'POST', `${item(archived.id)}/complete`))).toBe('NOT_FOUND');
    // An advisor who also works here sees the archived item, but it is out of the catalogue.
    const user = await createUser(t.db, [{ role: 'competence_advisor', scopeType: 'municipality', municipalityId: m }]);
    await createPerson(t.db, m, a.units.unit.id, { user_id: user.id });
    const res = await call(t.app, await sessionFor(t.db, user.id), 'POST', `${item(archived.id)}/complete`);
    expect(res.statusCode).toBe(409);
    expect(reason(res)).toBe('NOT_PUBLISHED');
  });
});
