import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, type TestApp } from '../../../../../test/harness.js';
import { courseUrl, insertCourseItem, publishCourse, sampleCourse } from './course-test-helpers.js';

// Every learner step is an xAPI statement in the municipality's LRS, written
// in the same transaction as the progress it describes.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const ADL = (verb: string) => `http://adlnet.gov/expapi/verbs/${verb}`;
const verbsOf = async (m: Tenant) =>
  (await t.db.selectFrom('xapi_statements').select(['verb_id', 'statement', 'stored']).where('municipality_id', '=', m.municipality.id).orderBy('stored').orderBy('seq').execute()).map(
    (r) => r.verb_id.replace('http://adlnet.gov/expapi/verbs/', ''),
  );
const statements = async (m: Tenant) =>
  (await t.db.selectFrom('xapi_statements').select('statement').where('municipality_id', '=', m.municipality.id).orderBy('stored').orderBy('seq').execute()).map((r) => r.statement as any);

async function course(m: Tenant) {
  const item = await insertCourseItem(t.db, m.municipality.id);
  await publishCourse(t, m.sessions.municipal_admin!, m.municipality.id, item, 'nb', sampleCourse());
  return item;
}
const post = (m: Tenant, item: string, path: string, body?: unknown) => call(t.app, m.sessions.employee, 'POST', `${courseUrl(m.municipality.id, item)}/${path}`, body);

describe('course statements', () => {
  it('describes a whole round with ADL verbs, one registration, the learner as actor and "Mestring courses" as authority', async () => {
    const m = await buildTenant(t.db);
    const item = await course(m);
    const started = (await post(m, item, 'start', {})).json();
    await post(m, item, 'lessons/intro/open');
    await post(m, item, 'lessons/intro/complete');
    await post(m, item, 'start', {});
    await post(m, item, 'lessons/check/open');
    await post(m, item, 'lessons/check/quiz', { answers: { q1: ['a'], q2: ['a'] } });
    await post(m, item, 'lessons/check/quiz', { answers: { q1: ['b'], q2: ['a', 'b'] } });
    await post(m, item, 'lessons/check/complete');

    expect(await verbsOf(m)).toEqual([
      'initialized',
      'experienced',
      'completed',
      'resumed',
      'experienced',
      'answered',
      'answered',
      'failed',
      'answered',
      'answered',
      'passed',
      'completed',
      'passed',
    ]);
    const all = await statements(m);
    const base = `${t.deps.config.publicUrl}/xapi/activities/courses/${item}`;
    for (const s of all) {
      expect(s.context.registration).toBe(started.round.registration);
      expect(s.actor.account).toEqual({ homePage: t.deps.config.publicUrl, name: m.people.self.id });
      expect(s.authority.name).toBe('Mestring courses');
    }
    const [firstAnswer] = all.filter((s) => s.verb.id === ADL('answered'));
    expect(firstAnswer.object.id).toBe(`${base}/lessons/check/questions/q1`);
    expect(firstAnswer.result).toEqual({ response: 'a', success: false });
    expect(firstAnswer.context.contextActivities.parent[0].id).toBe(`${base}/lessons/check`);
    const quizFailed = all.find((s) => s.verb.id === ADL('failed'));
    expect(quizFailed.result).toMatchObject({ success: false, score: { scaled: 0, raw: 0, max: 2 } });
    const courseDone = all[all.length - 1];
    expect(courseDone.object.id).toBe(base);
    expect(courseDone.result).toMatchObject({ completion: true, success: true, score: { scaled: 1 } });
    expect(courseDone.result.duration).toMatch(/^PT/);

    const completion = await t.db.selectFrom('learning_completions').select('statement_id').where('item_id', '=', item).executeTakeFirstOrThrow();
    expect(completion.statement_id).toBe(courseDone.id);
  });

  it('starts a restart with "initialized" under a new registration', async () => {
    const m = await buildTenant(t.db);
    const item = await course(m);
    const first = (await post(m, item, 'start', {})).json().round.registration;
    const second = (await post(m, item, 'restart', {})).json().round.registration;
    const all = await statements(m);
    expect(all.map((s) => [s.verb.id, s.context.registration])).toEqual([
      [ADL('initialized'), first],
      [ADL('initialized'), second],
    ]);
  });

  it('leaves neither progress nor statements when a step fails half-way', async () => {
    const m = await buildTenant(t.db);
    const item = await course(m);
    await post(m, item, 'start', {});
    const before = await verbsOf(m);
    // The quiz stores its statements, then records progress: make that last write fail.
    await sql
      .raw(
        `create or replace function refuse_progress() returns trigger language plpgsql as $$ begin
           if new.item_id = '${item}' then raise exception 'refused for the test'; end if; return new; end $$`,
      )
      .execute(t.db);
    await sql.raw('create trigger refuse_progress before update on learning_progress for each row execute function refuse_progress()').execute(t.db);
    try {
      const res = await post(m, item, 'lessons/check/quiz', { answers: { q1: ['b'], q2: ['a', 'b'] } });
      expect(res.statusCode).toBe(500);
    } finally {
      await sql.raw('drop trigger refuse_progress on learning_progress').execute(t.db);
      await sql.raw('drop function refuse_progress()').execute(t.db);
    }
    expect(await verbsOf(m)).toEqual(before);
    const view = (await call(t.app, m.sessions.employee, 'GET', `${courseUrl(m.municipality.id, item)}/learn`)).json();
    expect(view.round.lessons[1].quiz.attempts).toBe(0);
  });

  it('writes no statement for a refused step', async () => {
    const m = await buildTenant(t.db);
    const item = await course(m);
    await post(m, item, 'start', {});
    expect((await post(m, item, 'lessons/check/complete')).statusCode).toBe(409);
    expect((await post(m, item, 'lessons/check/quiz', { answers: { q1: ['zz'], q2: ['a'] } })).statusCode).toBe(400);
    expect(await verbsOf(m)).toEqual(['initialized']);
  });
});
