import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, createUser, sessionFor, type Tenant } from '../../../../test/factories.js';
import { cmi5Zip } from '../../../../test/fixtures/packages/packages.js';
import { packageTestConfig, tempDataDir, uploadPackage } from '../../../../test/fixtures/packages/upload.js';
import { launch, launchOk, openSession, CONTENT_HOST } from '../../../../test/fixtures/scorm/runtime.js';
import { scorm12CourseZip } from '../../../../test/fixtures/scorm/scorm-packages.js';
import { call, errorCode, type Session, type TestApp, createTestApp } from '../../../../test/harness.js';
import { PLAYER_TENANT_TABLES } from '../../db/migrations/0008_player.js';
import { PLAYER_GLOBAL_TENANT_TABLES } from '../../db/migrations/0011_player_global_objectives.js';

// The app side of the player: who may launch what, which attempt a launch
// continues, and the courses list. The runtime (commits, resume, statements)
// is in player-runtime.test.ts.

let t: TestApp;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let m: Tenant;
let other: Tenant;
let packageId: string;
let versionId: string;
let learner: Session;

async function upload(tenant: Tenant, zip: Buffer) {
  const up = await uploadPackage(t, tenant.sessions.municipal_admin!, tenant.municipality.id, zip);
  if (up.status.phase !== 'stored') throw new Error(`upload ended ${up.status.phase}: ${JSON.stringify(up.status.problem)}`);
  return { packageId: up.status.packageId as string, versionId: up.status.packageVersionId as string };
}

beforeAll(async () => {
  data = await tempDataDir();
  t = await createTestApp(packageTestConfig(data.dataDir));
  m = await buildTenant(t.db);
  other = await buildTenant(t.db);
  ({ packageId, versionId } = await upload(m, scorm12CourseZip({ scoCount: 2, masteryScore: 80 })));
  learner = m.sessions.employee!;
});
afterAll(async () => {
  await t.close();
  await data.cleanup();
});

const base = (tenant: Tenant) => `/api/v1/municipalities/${tenant.municipality.id}/player`;

describe('launching a course', () => {
  it('starts an attempt on the latest version and answers a player URL on the content origin with the token in the fragment', async () => {
    const res = await launch(t, learner, m.municipality.id, { packageId });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ packageId, packageVersionId: versionId, version: 1, kind: 'scorm12', title: 'Infection control basics', resumed: false });
    const url = new URL(body.playerUrl);
    expect(url.origin).toBe(t.deps.config.contentUrl);
    expect(body.playerOrigin).toBe(t.deps.config.contentUrl);
    expect(url.pathname).toBe('/content/player/');
    expect(url.search).toBe('');
    expect(new URLSearchParams(url.hash.slice(1)).get('t')).toMatch(/^p1\./);
    expect(res.headers['cache-control']).toBe('no-store');
    const row = await t.db.selectFrom('player_attempts').selectAll().where('id', '=', body.attemptId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ municipality_id: m.municipality.id, person_id: m.people.self.id, package_id: packageId, package_version_id: versionId, kind: 'scorm12', launch_count: 1, ended_at: null });
    const audit = await t.db.selectFrom('audit_events').select(['action', 'entity_id']).where('municipality_id', '=', m.municipality.id).where('entity_id', '=', body.attemptId).execute();
    expect(audit.map((a) => a.action)).toEqual(['player.attempt.start']);
  });

  it('continues the open attempt on the next launch, and can be told to start over', async () => {
    const first = await launchOk(t, learner, m.municipality.id, { packageId });
    const again = await launchOk(t, learner, m.municipality.id, { packageId, itemId: 'lesson2' });
    expect(again.attemptId).toBe(first.attemptId);
    expect(again.resumed).toBe(true);
    expect(new URLSearchParams(new URL(again.playerUrl).hash.slice(1)).get('item')).toBe('lesson2');
    const fresh = await launchOk(t, learner, m.municipality.id, { packageId, newAttempt: true });
    expect(fresh.attemptId).not.toBe(first.attemptId);
    expect(fresh.resumed).toBe(false);
    const old = await t.db.selectFrom('player_attempts').select(['ended_at', 'end_reason']).where('id', '=', first.attemptId).executeTakeFirstOrThrow();
    expect(old.end_reason).toBe('restarted');
    expect(old.ended_at).not.toBeNull();
    const open = await t.db.selectFrom('player_attempts').select('id').where('person_id', '=', m.people.self.id).where('package_id', '=', packageId).where('ended_at', 'is', null).execute();
    expect(open.map((a) => a.id)).toEqual([fresh.attemptId]);
  });

  it('keeps a started attempt on its version when a new version is uploaded; a new attempt takes the new one', async () => {
    const tenant = await buildTenant(t.db);
    const v1 = await upload(tenant, scorm12CourseZip({ identifier: 'no.mestring.test.versions' }));
    const session = tenant.sessions.employee!;
    const first = await launchOk(t, session, tenant.municipality.id, { packageId: v1.packageId });
    const v2 = await upload(tenant, scorm12CourseZip({ identifier: 'no.mestring.test.versions', title: 'Renamed' }));
    expect(v2.packageId).toBe(v1.packageId);
    const again = await launchOk(t, session, tenant.municipality.id, { packageId: v1.packageId, versionId: v2.versionId });
    expect(again).toMatchObject({ attemptId: first.attemptId, packageVersionId: v1.versionId, version: 1 });
    const fresh = await launchOk(t, session, tenant.municipality.id, { packageId: v1.packageId, newAttempt: true });
    expect(fresh).toMatchObject({ packageVersionId: v2.versionId, version: 2 });
    const older = await launchOk(t, session, tenant.municipality.id, { packageId: v1.packageId, newAttempt: true, versionId: v1.versionId });
    expect(older).toMatchObject({ packageVersionId: v1.versionId, version: 1 });
  });

  it('refuses another municipality\'s package as not found, and unknown items and versions', async () => {
    const foreign = await upload(other, scorm12CourseZip({ identifier: 'no.mestring.test.foreign' }));
    const res = await launch(t, learner, m.municipality.id, { packageId: foreign.packageId });
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('NOT_FOUND');
    // Naming the other municipality in the path: it does not exist for this user.
    const across = await launch(t, learner, other.municipality.id, { packageId: foreign.packageId });
    expect(across.statusCode).toBe(404);
    const item = await launch(t, learner, m.municipality.id, { packageId, itemId: 'no-such-item' });
    expect(item.statusCode).toBe(400);
    expect(item.json().error.details).toMatchObject({ field: 'itemId' });
    const version = await launch(t, learner, m.municipality.id, { packageId, versionId: foreign.versionId, newAttempt: true });
    expect(version.statusCode).toBe(404);
    const extra = await launch(t, learner, m.municipality.id, { packageId, personId: m.people.inTeam.id });
    expect(extra.statusCode).toBe(400);
  });

  it('lets only people with an employee record in the municipality launch (no one launches for someone else)', async () => {
    const leader = await launch(t, m.sessions.leader!, m.municipality.id, { packageId });
    expect(leader.statusCode).toBe(403);
    expect(errorCode(leader)).toBe('FORBIDDEN');
    const admin = await launch(t, m.sessions.municipal_admin!, m.municipality.id, { packageId });
    expect(admin.statusCode).toBe(403);
    const anonymous = await call(t.app, null, 'POST', `${base(m)}/launches`, { packageId });
    expect(anonymous.statusCode).toBe(401);
  });

  it('gives a second learner an attempt of their own, which shows none of the first learner\'s data', async () => {
    const user = await createUser(t.db, [{ role: 'employee', scopeType: 'municipality', municipalityId: m.municipality.id }]);
    const person = await createPerson(t.db, m.municipality.id, m.units.team.id, { user_id: user.id, given_name: 'Ola', family_name: 'Hansen' });
    const mine = await launchOk(t, learner, m.municipality.id, { packageId });
    const theirs = await launchOk(t, await sessionFor(t.db, user.id), m.municipality.id, { packageId });
    expect(theirs.attemptId).not.toBe(mine.attemptId);
    const session = await openSession(t, theirs.token);
    expect(session.attemptId).toBe(theirs.attemptId);
    expect(session.learner).toEqual({ id: person.id, name: 'Hansen, Ola' });
    expect(JSON.stringify(session)).not.toContain(m.people.self.id);
  });

  it('refuses a cmi5 course', async () => {
    const cmi5 = await upload(m, cmi5Zip());
    const res = await launch(t, learner, m.municipality.id, { packageId: cmi5.packageId });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ reason: 'NOT_SCORM' });
  });

  it('needs a content origin', async () => {
    const noContent = await createTestApp({ ...packageTestConfig(data.dataDir), contentUrl: null });
    try {
      const tenant = await buildTenant(noContent.db);
      const res = await call(noContent.app, tenant.sessions.employee!, 'POST', `${base(tenant)}/launches`, { packageId });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details).toMatchObject({ reason: 'CONTENT_URL_MISSING' });
    } finally {
      await noContent.close();
    }
  });
});

describe('deleting a version learners have started', () => {
  it('is refused (409 VERSION_IN_USE) so no learner loses progress; an unused version can be deleted', async () => {
    const course = await upload(m, scorm12CourseZip({ scoCount: 1, identifier: 'delete-guard-course' }));
    await launchOk(t, learner, m.municipality.id, { packageId: course.packageId });
    const admin = m.sessions.municipal_admin!;
    const refused = await call(t.app, admin, 'DELETE', `/api/v1/municipalities/${m.municipality.id}/packages/${course.packageId}/versions/${course.versionId}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual({ reason: 'VERSION_IN_USE' });
    expect(await t.db.selectFrom('player_attempts').select('id').where('package_version_id', '=', course.versionId).execute()).toHaveLength(1);
    const unused = await upload(m, scorm12CourseZip({ scoCount: 1, identifier: 'delete-guard-unused' }));
    const deleted = await call(t.app, admin, 'DELETE', `/api/v1/municipalities/${m.municipality.id}/packages/${unused.packageId}/versions/${unused.versionId}`);
    expect(deleted.statusCode).toBe(200);
  });
});

describe('the courses list', () => {
  it('lists the municipality\'s SCORM courses with the learner\'s own latest attempt only', async () => {
    const tenant = await buildTenant(t.db);
    const course = await upload(tenant, scorm12CourseZip({ identifier: 'no.mestring.test.list', scoCount: 2 }));
    await upload(tenant, cmi5Zip());
    const before = await call(t.app, tenant.sessions.employee!, 'GET', `${base(tenant)}/courses`);
    expect(before.statusCode).toBe(200);
    expect(before.json().items).toEqual([
      { packageId: course.packageId, title: 'Infection control basics', kind: 'scorm12', latestVersionId: course.versionId, itemCount: 2, attempt: null, attemptOpen: false },
    ]);
    const launched = await launchOk(t, tenant.sessions.employee!, tenant.municipality.id, { packageId: course.packageId });
    const after = (await call(t.app, tenant.sessions.employee!, 'GET', `${base(tenant)}/courses`)).json().items[0];
    expect(after.attemptOpen).toBe(true);
    expect(after.attempt).toMatchObject({ id: launched.attemptId, version: 1, completionStatus: 'not_attempted', successStatus: 'unknown', scoreScaled: null, suspended: false });
    expect(after.attempt.lastLaunchedAt).not.toBeNull();
    const leader = await call(t.app, tenant.sessions.leader!, 'GET', `${base(tenant)}/courses`);
    expect(leader.statusCode).toBe(403);
  });
});

describe('the player tables', () => {
  it.each([...PLAYER_TENANT_TABLES, ...PLAYER_GLOBAL_TENANT_TABLES])('%s has municipality_id first in its primary key, row-level security and a tenant policy', async (table) => {
    const { sql } = await import('kysely');
    const pk = await sql<{ column: string }>`select a.attname as column from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
      where i.indrelid = ${table}::regclass and i.indisprimary`.execute(t.db);
    expect(pk.rows[0]?.column).toBe('municipality_id');
    const rls = await sql<{ relrowsecurity: boolean }>`select relrowsecurity from pg_class where oid = ${table}::regclass`.execute(t.db);
    expect(rls.rows[0]?.relrowsecurity).toBe(true);
    const policies = await sql<{ policyname: string }>`select policyname from pg_policies where tablename = ${table}`.execute(t.db);
    expect(policies.rows.map((p) => p.policyname)).toContain('tenant_isolation');
  });
});

describe('the content origin', () => {
  it('serves the runtime API only there', async () => {
    const onApp = await t.app.inject({ method: 'POST', url: '/content/player/api/session', headers: { host: 'localhost:3000', 'content-type': 'application/json' }, payload: '{}' });
    expect(onApp.statusCode).toBe(404);
    const page = await t.app.inject({ method: 'GET', url: '/content/player/', headers: { host: CONTENT_HOST } });
    // The test app has no built web app: the page is missing, not served by something else.
    expect(page.statusCode).toBe(404);
    const asset = await t.app.inject({ method: 'GET', url: '/content/player/assets/..%2F..%2Fpackage.json', headers: { host: CONTENT_HOST } });
    expect(asset.statusCode).toBe(404);
  });
});
