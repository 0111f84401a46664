import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTenant, type Tenant } from '../../../../test/factories.js';
import { packageTestConfig, tempDataDir, uploadPackage } from '../../../../test/fixtures/packages/upload.js';
import { CONTENT_HOST, commitOk, launchOk, openSession, runtimePost, scorm12Session } from '../../../../test/fixtures/scorm/runtime.js';
import { scorm12CourseZip } from '../../../../test/fixtures/scorm/scorm-packages.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import type { Commit } from '../../../shared/api/player.js';
import { packageActivityId } from '../packages/activity-ids.js';
import { launchKey, signLaunchToken } from './launch-token.js';
import { SCORM_PROFILE_ACTIVITY } from './player-statements.js';

// The runtime API on the content origin for a SCORM 1.2 course: the data a
// SCO is launched with, commits (checked, stored once, turned into xAPI
// statements), resume on the next launch, and what a launch token allows.

let t: TestApp;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let m: Tenant;
let packageId: string;

beforeAll(async () => {
  data = await tempDataDir();
  t = await createTestApp(packageTestConfig(data.dataDir));
  m = await buildTenant(t.db);
  const up = await uploadPackage(t, m.sessions.municipal_admin!, m.municipality.id, scorm12CourseZip({ masteryScore: 80 }));
  packageId = up.status.packageId;
});
afterAll(async () => {
  await t.close();
  await data.cleanup();
});

/** A fresh learner (own tenant) with the course uploaded, launched. */
async function freshLaunch() {
  const tenant = await buildTenant(t.db);
  const up = await uploadPackage(t, tenant.sessions.municipal_admin!, tenant.municipality.id, scorm12CourseZip({ masteryScore: 80 }));
  const launched = await launchOk(t, tenant.sessions.employee!, tenant.municipality.id, { packageId: up.status.packageId });
  return { tenant, packageId: up.status.packageId as string, launched };
}

async function statementsOf(tenant: Tenant, registration: string) {
  const rows = await t.db.selectFrom('xapi_statements').select(['statement', 'credential_id']).where('municipality_id', '=', tenant.municipality.id).where('registration', '=', registration).orderBy('seq').execute();
  return rows.map((r) => r.statement as any);
}

const verbs = (statements: any[]) => statements.map((s) => `${s.verb.display['en-US']} ${s.object.id.split('/').pop()}`);

describe('a SCORM 1.2 session', () => {
  it('hands the SCO its launch data: learner, entry, mastery score, data from the manifest', async () => {
    const launched = await launchOk(t, m.sessions.employee!, m.municipality.id, { packageId });
    const session = await openSession(t, launched.token);
    expect(session).toMatchObject({ attemptId: launched.attemptId, kind: 'scorm12', title: 'Infection control basics', lastSeq: 0, startAt: 'lesson1', appOrigin: t.deps.config.publicUrl });
    const person = m.people.self;
    expect(session.learner).toEqual({ id: person.id, name: `${person.family_name}, ${person.given_name}` });
    expect(session.items).toHaveLength(1);
    const cmi = session.items[0]!.cmi as any;
    expect(cmi.cmi.core).toMatchObject({ student_id: person.id, entry: 'ab-initio', credit: 'credit', lesson_mode: 'normal', total_time: '00:00:00' });
    expect(cmi.cmi.student_data).toMatchObject({ mastery_score: '80' });
    expect(cmi.cmi.launch_data).toBe('lesson=1');
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now());
    // The content link in the answer serves the SCO from the same origin.
    const page = await t.app.inject({ method: 'GET', url: new URL(session.contentBaseUrl + session.items[0]!.launchUrl).pathname, headers: { host: CONTENT_HOST } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Record progress');
  });

  it('stores committed run-time data and writes initialized, completed, passed and suspended statements, then resumes with it', async () => {
    const { tenant, packageId: course, launched } = await freshLaunch();
    const session = await openSession(t, launched.token);
    const sco = scorm12Session(session.items[0]!.cmi!);
    await commitOk(t, session.token, [{ seq: 1, item: 'lesson1', events: ['initialize'], cmi: sco.cmi() }]);
    sco.set({ 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '85', 'cmi.core.score.min': '0', 'cmi.core.score.max': '100', 'cmi.suspend_data': 'page=3;a=1', 'cmi.core.lesson_location': 'page-3', 'cmi.core.exit': 'suspend', 'cmi.core.session_time': '00:02:30' });
    const committed = await commitOk(t, session.token, [{ seq: 2, item: 'lesson1', events: [], cmi: sco.cmi() }]);
    expect(committed.lastSeq).toBe(2);
    sco.api.LMSFinish('');
    await commitOk(t, committed.token, [{ seq: 3, item: 'lesson1', events: ['terminate'], cmi: sco.cmi() }]);

    const attempt = await t.db.selectFrom('player_attempts').selectAll().where('id', '=', launched.attemptId).executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({ completion_status: 'completed', success_status: 'passed', score_scaled: 0.85, total_time_seconds: 150, last_seq: 3, current_item: 'lesson1' });
    expect(attempt.completed_at).not.toBeNull();
    const state = await t.db.selectFrom('player_sco_states').selectAll().where('attempt_id', '=', launched.attemptId).executeTakeFirstOrThrow();
    expect(state).toMatchObject({ item_identifier: 'lesson1', completion_status: 'completed', success_status: 'passed', score_raw: 85, score_min: 0, score_max: 100, total_time_seconds: 150, last_exit: 'suspend', sessions: 1 });
    expect((state.cmi as any).cmi.suspend_data).toBe('page=3;a=1');

    const statements = await statementsOf(tenant, launched.attemptId);
    expect(verbs(statements)).toEqual(['initialized lesson1', 'completed lesson1', 'passed lesson1', 'completed ' + course, 'passed ' + course, 'suspended lesson1']);
    const courseId = packageActivityId(t.deps.config.publicUrl, course);
    const passed = statements.find((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/passed' && s.object.id !== courseId);
    expect(passed.actor).toEqual({ objectType: 'Agent', name: `${tenant.people.self.given_name} ${tenant.people.self.family_name}`, account: { homePage: t.deps.config.publicUrl, name: tenant.people.self.id } });
    expect(passed.object).toMatchObject({ id: `${courseId}/lesson1`, definition: { type: 'http://adlnet.gov/expapi/activities/lesson' } });
    expect(passed.result).toEqual({ score: { scaled: 0.85, raw: 85, min: 0, max: 100 }, success: true, completion: true });
    expect(passed.context.registration).toBe(launched.attemptId);
    expect(passed.context.contextActivities.parent).toEqual([expect.objectContaining({ id: courseId, definition: expect.objectContaining({ type: 'http://adlnet.gov/expapi/activities/course' }) })]);
    expect(passed.context.contextActivities.category).toEqual([{ objectType: 'Activity', id: SCORM_PROFILE_ACTIVITY }]);
    expect(passed.authority).toEqual({ objectType: 'Agent', name: 'Mestring player', account: { homePage: `${t.deps.config.publicUrl}/xapi`, name: 'mestring-player' } });
    const suspended = statements.at(-1);
    expect(suspended.result).toMatchObject({ duration: 'PT2M30S', success: true, completion: true });
    const outbox = await t.db.selectFrom('player_statement_outbox').select('statement_id').where('attempt_id', '=', launched.attemptId).execute();
    expect(outbox).toEqual([]);

    // Leave and come back: the SCO resumes where it was.
    const again = await launchOk(t, tenant.sessions.employee!, tenant.municipality.id, { packageId: course });
    expect(again.attemptId).toBe(launched.attemptId);
    const resumed = await openSession(t, again.token);
    expect(resumed.lastSeq).toBe(0);
    const cmi = resumed.items[0]!.cmi as any;
    expect(cmi.cmi.core).toMatchObject({ entry: 'resume', lesson_status: 'passed', lesson_location: 'page-3', total_time: '00:02:30' });
    expect(cmi.cmi.core.exit).toBeUndefined();
    expect(cmi.cmi.core.session_time).toBeUndefined();
    expect(cmi.cmi.suspend_data).toBe('page=3;a=1');
    const sco2 = scorm12Session(cmi);
    expect(sco2.api.LMSGetValue('cmi.core.entry')).toBe('resume');
    expect(sco2.api.LMSGetValue('cmi.suspend_data')).toBe('page=3;a=1');
    await commitOk(t, resumed.token, [{ seq: 1, item: 'lesson1', events: ['initialize'], cmi: sco2.cmi() }]);
    const after = await statementsOf(tenant, launched.attemptId);
    expect(verbs(after).at(-1)).toBe('resumed lesson1');
    // No status changed, so no second completed or passed.
    expect(verbs(after).filter((v) => v.startsWith('passed'))).toHaveLength(2);
  });

  it('applies a retried commit once (same seq: no second session time, no duplicate statements)', async () => {
    const { tenant, launched } = await freshLaunch();
    const session = await openSession(t, launched.token);
    const sco = scorm12Session(session.items[0]!.cmi!);
    sco.set({ 'cmi.core.lesson_status': 'completed', 'cmi.core.session_time': '00:01:00' });
    const batch: Commit[] = [{ seq: 1, item: 'lesson1', events: ['initialize', 'terminate'], cmi: sco.cmi() }];
    await commitOk(t, session.token, batch);
    const retried = await commitOk(t, session.token, batch);
    expect(retried.lastSeq).toBe(1);
    const attempt = await t.db.selectFrom('player_attempts').select(['total_time_seconds', 'last_seq']).where('id', '=', launched.attemptId).executeTakeFirstOrThrow();
    expect(attempt).toEqual({ total_time_seconds: 60, last_seq: 1 });
    expect(verbs(await statementsOf(tenant, launched.attemptId)).filter((v) => v.startsWith('completed lesson1'))).toHaveLength(1);
  });

  it('accepts the batch navigator.sendBeacon posts as text/plain', async () => {
    const { launched } = await freshLaunch();
    const session = await openSession(t, launched.token);
    const sco = scorm12Session(session.items[0]!.cmi!);
    sco.set({ 'cmi.suspend_data': 'left in a hurry', 'cmi.core.exit': 'suspend' });
    const res = await runtimePost(t, 'commit', JSON.stringify({ token: session.token, commits: [{ seq: 1, item: 'lesson1', events: ['initialize', 'terminate'], cmi: sco.cmi() }] }), { 'content-type': 'text/plain;charset=UTF-8' });
    expect(res.statusCode).toBe(200);
    const state = await t.db.selectFrom('player_sco_states').select('cmi').where('attempt_id', '=', launched.attemptId).executeTakeFirstOrThrow();
    expect((state.cmi as any).cmi.suspend_data).toBe('left in a hurry');
  });
});

describe('the statement outbox', () => {
  it('stores what the LRS accepts and drops (and logs) a statement it refuses, so later ones are not held back', async () => {
    const { tenant, launched } = await freshLaunch();
    const session = await openSession(t, launched.token);
    const broken = { id: randomUUID(), actor: { objectType: 'Agent' }, verb: { id: 'not an iri' }, object: { id: 'urn:x' } };
    await t.db.insertInto('player_statement_outbox').values({ municipality_id: tenant.municipality.id, statement_id: broken.id, attempt_id: launched.attemptId, position: 0, statement: JSON.stringify(broken) }).execute();
    const sco = scorm12Session(session.items[0]!.cmi!);
    const errors = vi.spyOn(t.deps.log, 'error').mockImplementation(() => {});
    try {
      await commitOk(t, session.token, [{ seq: 1, item: 'lesson1', events: ['initialize'], cmi: sco.cmi() }]);
      expect(errors).toHaveBeenCalledWith(expect.objectContaining({ statementId: broken.id }), expect.stringContaining('refused'));
    } finally {
      errors.mockRestore();
    }
    expect(verbs(await statementsOf(tenant, launched.attemptId))).toEqual(['initialized lesson1']);
    expect(await t.db.selectFrom('player_statement_outbox').select('statement_id').where('attempt_id', '=', launched.attemptId).execute()).toEqual([]);
  });
});

describe('commit validation', () => {
  async function attemptState(attemptId: string) {
    const a = await t.db.selectFrom('player_attempts').select(['last_seq', 'completion_status', 'updated_at']).where('id', '=', attemptId).executeTakeFirstOrThrow();
    const scos = await t.db.selectFrom('player_sco_states').select('item_identifier').where('attempt_id', '=', attemptId).execute();
    return { ...a, scos: scos.length };
  }

  it.each([
    ['a status outside the vocabulary', { cmi: { core: { lesson_status: 'done' } } }, 'CMI_INVALID'],
    ['a score that is no number', { cmi: { core: { score: { raw: 'lots' } } } }, 'CMI_INVALID'],
    // scorm-again lets SCORM 1.2 content store 64000 characters, as real content needs; not more.
    ['suspend data longer than the data model allows', { cmi: { suspend_data: 'x'.repeat(64001) } }, 'CMI_INVALID'],
    ['a key that is no data model element', { cmi: { 'core.lesson_status': 'passed' } }, 'CMI_INVALID'],
    ['an array where an object belongs', { cmi: { core: [] } }, 'CMI_INVALID'],
    ['members besides cmi', { cmi: {}, adl: {} }, 'CMI_INVALID'],
  ])('refuses %s and changes nothing', async (_what, cmi, reason) => {
    const { launched } = await freshLaunch();
    const session = await openSession(t, launched.token);
    const before = await attemptState(launched.attemptId);
    const res = await runtimePost(t, 'commit', { token: session.token, commits: [{ seq: 1, item: 'lesson1', events: ['initialize'], cmi }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: { reason } });
    expect(await attemptState(launched.attemptId)).toEqual(before);
  });

  it('refuses a prototype key (the JSON parser already does)', async () => {
    const { launched } = await freshLaunch();
    const session = await openSession(t, launched.token);
    const body = `{"token":"${session.token}","commits":[{"seq":1,"item":"lesson1","events":[],"cmi":{"cmi":{"__proto__":{"polluted":"yes"}}}}]}`;
    const res = await runtimePost(t, 'commit', body, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await t.db.selectFrom('player_sco_states').select('item_identifier').where('attempt_id', '=', launched.attemptId).execute()).length).toBe(0);
  });

  it('refuses an item that is no SCO of the course, a SCORM 2004 course report, and a malformed batch', async () => {
    const { launched } = await freshLaunch();
    const session = await openSession(t, launched.token);
    const cmi = scorm12Session(session.items[0]!.cmi!).cmi();
    const unknown = await runtimePost(t, 'commit', { token: session.token, commits: [{ seq: 1, item: 'lesson9', events: [], cmi }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toMatchObject({ reason: 'UNKNOWN_ITEM' });
    const report = { state: { suspended: false, suspendedRuntimeData: {} }, completionStatus: 'completed', successStatus: 'passed', scoreScaled: 1, ended: true, currentItem: null };
    const course = await runtimePost(t, 'commit', { token: session.token, commits: [{ seq: 1, course: report }] });
    expect(course.statusCode).toBe(400);
    expect(course.json().error.details).toMatchObject({ reason: 'COURSE_REPORT_UNEXPECTED' });
    for (const commits of [[{ seq: 0, item: 'lesson1', cmi }], [{ seq: 1, item: 'lesson1', events: ['explode'], cmi }], [{ seq: 1, item: 'lesson1', cmi, extra: 1 }]]) {
      const res = await runtimePost(t, 'commit', { token: session.token, commits });
      expect(res.statusCode, JSON.stringify(commits)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    const a = await t.db.selectFrom('player_attempts').select(['last_seq', 'completion_status']).where('id', '=', launched.attemptId).executeTakeFirstOrThrow();
    expect(a).toEqual({ last_seq: 0, completion_status: 'not_attempted' });
  });
});

describe('launch tokens', () => {
  it('refuses a forged token, a token for another attempt, and an expired one', async () => {
    const { launched } = await freshLaunch();
    const { launched: otherLaunch } = await freshLaunch();
    const parts = launched.token.split('.');
    const forged = [...parts.slice(0, -1), parts.at(-1)!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))].join('.');
    const swapped = [parts[0], parts[1], otherLaunch.attemptId, ...parts.slice(3)].join('.');
    for (const token of [forged, swapped, 'p1.nonsense', `${launched.token}x`]) {
      const res = await runtimePost(t, 'session', { token });
      expect(res.statusCode, token).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'LAUNCH_INVALID' } });
    }
    const key = await launchKey(t.db);
    const [, municipalityId, attemptId, launchId] = parts as [string, string, string, string];
    const expired = signLaunchToken(key, { municipalityId, attemptId, launchId, expiresAt: Math.floor(Date.now() / 1000) - 1 });
    const res = await runtimePost(t, 'commit', { token: expired, commits: [] });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details).toMatchObject({ reason: 'LAUNCH_EXPIRED' });
  });

  it('stops working once the attempt is launched again (a forgotten tab cannot overwrite newer data)', async () => {
    const { tenant, packageId: course, launched } = await freshLaunch();
    const first = await openSession(t, launched.token);
    await launchOk(t, tenant.sessions.employee!, tenant.municipality.id, { packageId: course });
    const cmi = scorm12Session(first.items[0]!.cmi!).cmi();
    const res = await runtimePost(t, 'commit', { token: first.token, commits: [{ seq: 1, item: 'lesson1', events: ['initialize'], cmi }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toMatchObject({ reason: 'LAUNCH_SUPERSEDED' });
  });

  it('is renewed by every runtime call and is only ever answered on the content host', async () => {
    const { launched } = await freshLaunch();
    const heartbeat = await commitOk(t, launched.token, []);
    expect(heartbeat.token).toMatch(/^p1\./);
    expect(new Date(heartbeat.expiresAt).getTime()).toBeGreaterThan(Date.now() + 20 * 60_000);
    const onApp = await t.app.inject({ method: 'POST', url: '/content/player/api/commit', headers: { host: 'localhost:3000', 'content-type': 'application/json' }, payload: JSON.stringify({ token: heartbeat.token, commits: [] }) });
    expect(onApp.statusCode).toBe(404);
  });
});
