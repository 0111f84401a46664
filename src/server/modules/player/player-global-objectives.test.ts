import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createPerson, createUser, sessionFor, type Tenant } from '../../../../test/factories.js';
import { NodePlayer } from '../../../../test/fixtures/packages/node-player.js';
import { GLOBAL_DATA, GLOBAL_OBJECTIVE, globalObjectiveCourseZip, type GlobalObjectiveCourseOptions } from '../../../../test/fixtures/packages/scorm-global-objectives.js';
import { packageTestConfig, tempDataDir, uploadPackage } from '../../../../test/fixtures/packages/upload.js';
import { launchOk, openSession } from '../../../../test/fixtures/scorm/runtime.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/harness.js';
import type { SessionResponse } from '../../../shared/api/player.js';
import { withTenant } from '../../db/tenant.js';

// Global objectives and shared data are global to the learner's whole system
// (adlseq:objectivesGlobalToSystem, adlcp:sharedDataGlobalToSystem, default
// true): course B reads what course A, another package, left. A course whose
// organization says "false" keeps them to its own attempt. Every course here
// maps its first SCO's primary objective to the same target objective; the
// reading courses skip that SCO when the objective is satisfied, so the SCO a
// Start delivers shows what the sequencer itself made of the global.

let t: TestApp;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let m: Tenant;
let other: Tenant;
/** Package ids in m by name. */
const pkg: Record<'writer' | 'writer2' | 'reader' | 'scoped', string> = { writer: '', writer2: '', reader: '', scoped: '' };

async function upload(tenant: Tenant, o: GlobalObjectiveCourseOptions): Promise<string> {
  const up = await uploadPackage(t, tenant.sessions.municipal_admin!, tenant.municipality.id, globalObjectiveCourseZip(o));
  if (up.status.phase !== 'stored') throw new Error(`upload ended ${up.status.phase}: ${JSON.stringify(up.status.problem)}`);
  return up.status.packageId as string;
}

const WRITER = { identifier: 'no.mestring.test.globals.writer', writes: true } as const;
const READER = { identifier: 'no.mestring.test.globals.reader', skipsWhenSatisfied: true } as const;

beforeAll(async () => {
  data = await tempDataDir();
  t = await createTestApp(packageTestConfig(data.dataDir));
  m = await buildTenant(t.db);
  other = await buildTenant(t.db);
  pkg.writer = await upload(m, WRITER);
  pkg.writer2 = await upload(m, { identifier: 'no.mestring.test.globals.writer2', writes: true });
  pkg.reader = await upload(m, READER);
  pkg.scoped = await upload(m, { identifier: 'no.mestring.test.globals.scoped', writes: true, skipsWhenSatisfied: true, globalToSystem: false });
});
afterAll(async () => {
  await t.close();
  await data.cleanup();
});

async function play(tenant: Tenant, session: Session, packageId: string) {
  const launched = await launchOk(t, session, tenant.municipality.id, { packageId });
  return { launched, player: new NodePlayer(t, await openSession(t, launched.token)) };
}

/** The first SCO: passes (or fails) its objective and, where the course may, writes the shared store. */
async function finishFirstSco(player: NodePlayer, success: 'passed' | 'failed', store?: string) {
  expect(player.course.current?.id).toBe('module1');
  await player.initialize();
  player.set({ 'cmi.completion_status': 'completed', 'cmi.success_status': success, ...(store === undefined ? {} : { 'adl.data.0.store': store }) });
  await player.terminate();
}

/** The global objective and the shared store as the launch hands them to the player. */
function launchGlobals(session: SessionResponse): { objective: Record<string, unknown> | undefined; store: string | undefined } {
  if (!session.courseState?.sequencing) return { objective: undefined, store: undefined };
  const state = JSON.parse(session.courseState.sequencing) as { globalObjectiveMap?: Record<string, Record<string, unknown>>; sharedData?: Record<string, string> };
  return { objective: state.globalObjectiveMap?.[GLOBAL_OBJECTIVE], store: state.sharedData?.[GLOBAL_DATA] };
}

async function storeRows(municipalityId: string, personId: string) {
  return withTenant(t.db, municipalityId, async (tx) => ({
    objectives: await tx.selectFrom('player_global_objectives').select(['objective_id', 'state']).where('municipality_id', '=', municipalityId).where('person_id', '=', personId).execute(),
    sharedData: await tx.selectFrom('player_shared_data').select(['target_id', 'store']).where('municipality_id', '=', municipalityId).where('person_id', '=', personId).execute(),
  }));
}

async function newLearner(tenant: Tenant) {
  const user = await createUser(t.db, [{ role: 'employee', scopeType: 'municipality', municipalityId: tenant.municipality.id }]);
  const person = await createPerson(t.db, tenant.municipality.id, tenant.units.team.id, { user_id: user.id });
  return { person, session: await sessionFor(t.db, user.id) };
}

describe('system-global objectives and shared data', () => {
  it('course B starts from the objective and the shared store course A wrote', async () => {
    const learner = await newLearner(m);
    // Before A: B knows nothing and delivers its first SCO.
    const before = await play(m, learner.session, pkg.reader);
    expect(before.player.session.courseState).toBeNull();
    expect(before.player.course.current?.id).toBe('module1');
    await before.player.navigate('suspendAll');

    const a = await play(m, learner.session, pkg.writer);
    await finishFirstSco(a.player, 'passed', 'notes from A');
    const rows = await storeRows(m.municipality.id, learner.person.id);
    expect(rows.objectives).toHaveLength(1);
    expect(rows.objectives[0]).toMatchObject({ objective_id: GLOBAL_OBJECTIVE, state: { satisfiedStatus: true, satisfiedStatusKnown: true } });
    expect(rows.sharedData).toEqual([{ target_id: GLOBAL_DATA, store: 'notes from A' }]);

    // B resumes its suspended attempt with A's values in the state it is handed.
    const resumed = await play(m, learner.session, pkg.reader);
    expect(resumed.launched.resumed).toBe(true);
    expect(launchGlobals(resumed.player.session)).toMatchObject({ objective: { satisfiedStatus: true, satisfiedStatusKnown: true }, store: 'notes from A' });
    // A new attempt at B too, and its sequencer skips the first SCO on it.
    const fresh = await launchOk(t, learner.session, m.municipality.id, { packageId: pkg.reader, newAttempt: true });
    const b = new NodePlayer(t, await openSession(t, fresh.token));
    expect(launchGlobals(b.session)).toMatchObject({ objective: { satisfiedStatus: true, satisfiedStatusKnown: true }, store: 'notes from A' });
    expect(b.course.current?.id).toBe('module2');
    // B only reads: playing it leaves the store as A left it.
    await b.initialize();
    b.set({ 'cmi.completion_status': 'completed' });
    await b.terminate();
    expect(await storeRows(m.municipality.id, learner.person.id)).toEqual(rows);
  });

  it('a course that scopes its objectives to itself neither reads nor writes them', async () => {
    const learner = await newLearner(m);
    const a = await play(m, learner.session, pkg.writer);
    await finishFirstSco(a.player, 'passed', 'notes from A');
    const rows = await storeRows(m.municipality.id, learner.person.id);
    expect(rows.objectives).toHaveLength(1);

    // The scoped course is handed nothing and delivers its first SCO despite A.
    const scoped = await play(m, learner.session, pkg.scoped);
    expect(scoped.player.session.courseState).toBeNull();
    expect(scoped.player.course.current?.id).toBe('module1');
    // It fails its own objective and writes its own store: the learner's store does not change.
    await finishFirstSco(scoped.player, 'failed', 'notes from the scoped course');
    expect(await storeRows(m.municipality.id, learner.person.id)).toEqual(rows);

    // Another learner who passes only the scoped course has nothing in the store, and B starts from scratch.
    const second = await newLearner(m);
    const own = await play(m, second.session, pkg.scoped);
    await finishFirstSco(own.player, 'passed', 'kept to the course');
    expect(await storeRows(m.municipality.id, second.person.id)).toEqual({ objectives: [], sharedData: [] });
    const b = await play(m, second.session, pkg.reader);
    expect(b.player.session.courseState).toBeNull();
    expect(b.player.course.current?.id).toBe('module1');
  });

  it('another learner and another municipality see none of it', async () => {
    const learner = await newLearner(m);
    const a = await play(m, learner.session, pkg.writer);
    await finishFirstSco(a.player, 'passed', 'notes from A');

    const colleague = await newLearner(m);
    const theirs = await play(m, colleague.session, pkg.reader);
    expect(theirs.player.session.courseState).toBeNull();
    expect(theirs.player.course.current?.id).toBe('module1');

    // The same course in another municipality, whose learner's person id cannot match anyway; its store is empty of m's rows.
    const elsewhere = await upload(other, READER);
    const foreign = await play(other, other.sessions.employee!, elsewhere);
    expect(foreign.player.session.courseState).toBeNull();
    expect(foreign.player.course.current?.id).toBe('module1');
    const seen = await withTenant(t.db, other.municipality.id, (tx) => tx.selectFrom('player_global_objectives').select('municipality_id').execute());
    expect(seen.every((r) => r.municipality_id === other.municipality.id)).toBe(true);
    const seenData = await withTenant(t.db, other.municipality.id, (tx) => tx.selectFrom('player_shared_data').select('municipality_id').execute());
    expect(seenData.every((r) => r.municipality_id === other.municipality.id)).toBe(true);
    // A's row is there for m: the filters above had something to exclude.
    const mine = await withTenant(t.db, m.municipality.id, (tx) => tx.selectFrom('player_global_objectives').select('person_id').where('person_id', '=', learner.person.id).execute());
    expect(mine).toHaveLength(1);
  });

  it('a course that only carries a value it was handed does not overwrite a newer one another course wrote', async () => {
    const learner = await newLearner(m);
    const a = await play(m, learner.session, pkg.writer);
    await finishFirstSco(a.player, 'passed');

    // writer2 opens with "passed"; meanwhile a new attempt at A fails the objective.
    const w2 = await play(m, learner.session, pkg.writer2);
    expect(launchGlobals(w2.player.session).objective).toMatchObject({ satisfiedStatus: true });
    const again = await launchOk(t, learner.session, m.municipality.id, { packageId: pkg.writer, newAttempt: true });
    const a2 = new NodePlayer(t, await openSession(t, again.token));
    await finishFirstSco(a2, 'failed');
    const failed = (await storeRows(m.municipality.id, learner.person.id)).objectives[0]!.state;
    expect(failed).toMatchObject({ satisfiedStatus: false, satisfiedStatusKnown: true });

    // writer2 saves without touching the objective: the store keeps A's newer "failed".
    await w2.player.navigate('suspendAll');
    expect((await storeRows(m.municipality.id, learner.person.id)).objectives[0]!.state).toEqual(failed);

    // Resumed, writer2 is handed "failed"; passing its own first SCO then writes "passed".
    const resumed = await play(m, learner.session, pkg.writer2);
    expect(resumed.launched.resumed).toBe(true);
    expect(launchGlobals(resumed.player.session).objective).toMatchObject({ satisfiedStatus: false, satisfiedStatusKnown: true });
    await finishFirstSco(resumed.player, 'passed');
    expect((await storeRows(m.municipality.id, learner.person.id)).objectives[0]!.state).toMatchObject({ satisfiedStatus: true, satisfiedStatusKnown: true });
  });
});
