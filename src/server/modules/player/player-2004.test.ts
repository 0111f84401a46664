import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../test/factories.js';
import { NodePlayer } from '../../../../test/fixtures/packages/node-player.js';
import { packageTestConfig, tempDataDir, uploadPackage } from '../../../../test/fixtures/packages/upload.js';
import { launchOk, openSession, runtimePost } from '../../../../test/fixtures/scorm/runtime.js';
import { scorm2004CourseZip } from '../../../../test/fixtures/scorm/scorm-packages.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { courseReport } from '../../../web/player/course-report.js';

// A SCORM 2004 course with two SCOs in flow order, driven the way the browser
// player drives it: the shared CourseSession runs the sequencer, the SCO calls
// the API, and after every Terminate and navigation the player commits the
// SCO's data and the course report. Leaving suspends the course; the next
// launch resumes it.

let t: TestApp;
let data: Awaited<ReturnType<typeof tempDataDir>>;

beforeAll(async () => {
  data = await tempDataDir();
  t = await createTestApp(packageTestConfig(data.dataDir));
});
afterAll(async () => {
  await t.close();
  await data.cleanup();
});

async function setUp() {
  const tenant = await buildTenant(t.db);
  const up = await uploadPackage(t, tenant.sessions.municipal_admin!, tenant.municipality.id, scorm2004CourseZip());
  return { tenant, packageId: up.status.packageId as string };
}

async function play(tenant: Tenant, packageId: string) {
  const launched = await launchOk(t, tenant.sessions.employee!, tenant.municipality.id, { packageId });
  return { launched, player: new NodePlayer(t, await openSession(t, launched.token)) };
}

const verbsOf = async (tenant: Tenant, registration: string) =>
  (await t.db.selectFrom('xapi_statements').select('statement').where('municipality_id', '=', tenant.municipality.id).where('registration', '=', registration).orderBy('seq').execute()).map(
    (r) => `${(r.statement as any).verb.display['en-US']} ${(r.statement as any).object.id.split('/').pop()}`,
  );

describe('a SCORM 2004 course with sequencing', () => {
  it('delivers the first SCO, continues to the second, suspends on leaving and resumes there with the SCO\'s data', async () => {
    const { tenant, packageId } = await setUp();
    const { launched, player } = await play(tenant, packageId);
    expect(player.session.kind).toBe('scorm2004_4th');
    expect(player.session.courseState).toBeNull();
    expect(player.session.items.map((i) => i.identifier)).toEqual(['module1', 'module2']);
    expect(player.course.current?.id).toBe('module1');

    await player.initialize();
    expect(player.api.GetValue('cmi.entry')).toBe('ab-initio');
    expect(player.api.GetValue('cmi.learner_id')).toBe(tenant.people.self.id);
    player.set({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.9', 'cmi.suspend_data': 'module1-progress', 'cmi.session_time': 'PT1M30S' });
    await player.terminate();
    expect(player.course.navigationState().continue).toBe(true);
    await player.navigate('continue');
    expect(player.course.current?.id).toBe('module2');

    await player.initialize();
    player.set({ 'cmi.suspend_data': 'module2-progress', 'cmi.location': 'page-2', 'cmi.exit': 'suspend', 'cmi.session_time': 'PT45S' });
    await player.terminate();
    // The learner leaves with Exit: the player suspends the whole course.
    await player.navigate('suspendAll');

    const attempt = await t.db.selectFrom('player_attempts').selectAll().where('id', '=', launched.attemptId).executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({ suspended: true, ended_at: null, current_item: 'module2', total_time_seconds: 135 });
    expect((attempt.sequencing_state as any).suspendedRuntimeData.module2.cmi.suspend_data).toBe('module2-progress');
    const scos = await t.db.selectFrom('player_sco_states').select(['item_identifier', 'completion_status', 'success_status', 'score_scaled']).where('attempt_id', '=', launched.attemptId).orderBy('item_identifier').execute();
    expect(scos).toEqual([
      { item_identifier: 'module1', completion_status: 'completed', success_status: 'passed', score_scaled: 0.9 },
      { item_identifier: 'module2', completion_status: 'unknown', success_status: 'unknown', score_scaled: null },
    ]);
    expect(await verbsOf(tenant, launched.attemptId)).toEqual(['initialized module1', 'completed module1', 'passed module1', 'terminated module1', 'initialized module2', 'suspended module2']);

    // Come back: the course resumes at the second SCO, which gets its data back.
    const again = await play(tenant, packageId);
    expect(again.launched.attemptId).toBe(launched.attemptId);
    expect(again.player.session.courseState?.suspended).toBe(true);
    expect(again.player.course.current?.id).toBe('module2');
    await again.player.initialize();
    expect(again.player.api.GetValue('cmi.entry')).toBe('resume');
    expect(again.player.api.GetValue('cmi.suspend_data')).toBe('module2-progress');
    expect(again.player.api.GetValue('cmi.location')).toBe('page-2');
    expect((await verbsOf(tenant, launched.attemptId)).at(-1)).toBe('resumed module2');
  });

  it('completes the course when the sequencer rolls both SCOs up, ends the attempt on exit, and starts a new one next time', async () => {
    const { tenant, packageId } = await setUp();
    const { launched, player } = await play(tenant, packageId);
    for (const module of ['module1', 'module2']) {
      expect(player.course.current?.id).toBe(module);
      await player.initialize();
      player.set({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.8' });
      await player.terminate();
      if (module === 'module1') await player.navigate('continue');
    }
    const report = courseReport(player.course);
    expect(report).toMatchObject({ completionStatus: 'completed', successStatus: 'passed' });
    await player.navigate('exitAll');
    const attempt = await t.db.selectFrom('player_attempts').selectAll().where('id', '=', launched.attemptId).executeTakeFirstOrThrow();
    expect(attempt).toMatchObject({ completion_status: 'completed', success_status: 'passed', end_reason: 'finished', suspended: false });
    expect(attempt.ended_at).not.toBeNull();
    const verbs = await verbsOf(tenant, launched.attemptId);
    expect(verbs.filter((v) => v.endsWith(packageId))).toEqual([`completed ${packageId}`, `passed ${packageId}`]);

    // A late commit from the ended launch changes nothing.
    const late = await runtimePost(t, 'commit', { token: player.token, commits: [{ seq: 99, item: 'module1', events: [], cmi: { cmi: { completion_status: 'incomplete' } } }] });
    expect(late.statusCode).toBe(200);
    const still = await t.db.selectFrom('player_sco_states').select('completion_status').where('attempt_id', '=', launched.attemptId).where('item_identifier', '=', 'module1').executeTakeFirstOrThrow();
    expect(still.completion_status).toBe('completed');

    const next = await play(tenant, packageId);
    expect(next.launched.resumed).toBe(false);
    expect(next.launched.attemptId).not.toBe(launched.attemptId);
    expect(next.player.course.current?.id).toBe('module1');
    await next.player.initialize();
    expect(next.player.api.GetValue('cmi.entry')).toBe('ab-initio');
  });

  it('checks the course report: SCO data in it is validated, unknown items refused', async () => {
    const { tenant, packageId } = await setUp();
    const { player } = await play(tenant, packageId);
    const report = courseReport(player.course);
    const bad = { ...report, state: { ...report.state, suspendedRuntimeData: { module1: { cmi: { completion_status: 'finished' } } } } };
    const res = await runtimePost(t, 'commit', { token: player.token, commits: [{ seq: 1, course: bad }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ reason: 'CMI_INVALID' });
    const unknown = { ...report, state: { ...report.state, suspendedRuntimeData: { elsewhere: { cmi: {} } } } };
    const res2 = await runtimePost(t, 'commit', { token: player.token, commits: [{ seq: 1, course: unknown }] });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.details).toMatchObject({ reason: 'UNKNOWN_ITEM' });
    const notJson = { ...report, state: { ...report.state, sequencing: '{not json' } };
    const res3 = await runtimePost(t, 'commit', { token: player.token, commits: [{ seq: 1, course: notJson }] });
    expect(res3.statusCode).toBe(400);
  });
});
