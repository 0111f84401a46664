import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor } from '../test/factories.js';
import { NodePlayer } from '../test/fixtures/packages/node-player.js';
import { packageTestConfig, tempDataDir } from '../test/fixtures/packages/upload.js';
import { launchOk, openSession } from '../test/fixtures/scorm/runtime.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { courseContent } from '../src/shared/api/learning-content.js';
import { loadScoRuntime } from './demo/learning/packages/sco-runtime.test-helper.js';
import { welfareModule1, welfareModule2 } from './demo/learning/packages/welfare-technology-scorm2004.js';
import { FOLLOW_UP_MONTH } from './demo/learning/demo-learning-history.js';
import { seedDemo } from './seed-demo.js';

// The learning part of the demo (seed-demo-learning.ts) on a fresh database:
// catalogue, packages, assignments, a year of completions, the demo logins'
// own records and certificates, and a second run that adds nothing.

let t: TestApp;
let data: Awaited<ReturnType<typeof tempDataDir>>;
const NOW = new Date();
beforeAll(async () => {
  data = await tempDataDir();
  t = await createTestApp(packageTestConfig(data.dataDir));
  await seedDemo(t.db, { now: NOW, config: t.deps.config });
}, 180_000);
afterAll(async () => {
  await t.close();
  await data.cleanup();
});

const TABLES = [
  'learning_items', 'learning_item_competences', 'course_editions', 'course_versions', 'learning_progress', 'lesson_progress', 'learning_completions',
  'learning_assignments', 'learning_sessions', 'learning_registrations', 'certificates', 'packages', 'package_versions', 'package_uploads', 'xapi_statements',
] as const;
const counts = async () => {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n;
  return out;
};
const NETWORK = ['9901', '9902', '9903'];
const mid = async (code: string) => (await t.db.selectFrom('municipalities').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const itemId = async (m: string, titleEn: string) =>
  (await t.db.selectFrom('learning_items').select('id').where('municipality_id', '=', m).where(sql<string>`titles->>'en'`, '=', titleEn).executeTakeFirstOrThrow()).id;
const personOf = async (email: string) =>
  (await t.db.selectFrom('persons as p').innerJoin('users as u', 'u.id', 'p.user_id').select(['p.id', 'p.municipality_id']).where('u.email', '=', email).executeTakeFirstOrThrow());

describe('the demo learning seed', () => {
  it('holds the three courses, published with version 1 in nb and en, tagged with starter competences', async () => {
    const codes = new Set((await sql<{ code: string }>`select code from framework_competences`.execute(t.db)).rows.map((r) => r.code));
    for (const code of NETWORK) {
      const m = await mid(code);
      const courses = await t.db.selectFrom('learning_items').select(['id', 'status', 'languages', 'framework_version_id']).where('municipality_id', '=', m).where('kind', '=', 'course').execute();
      expect(courses, code).toHaveLength(3);
      for (const c of courses) {
        expect(c.status).toBe('published');
        expect(c.languages.sort()).toEqual(['en', 'nb']);
        expect(c.framework_version_id).not.toBeNull();
        const versions = await t.db.selectFrom('course_versions').select(['language', 'version', 'content']).where('municipality_id', '=', m).where('item_id', '=', c.id).orderBy('language').execute();
        expect(versions.map((v) => [v.language, v.version])).toEqual([['en', 1], ['nb', 1]]);
        for (const v of versions) expect(courseContent.safeParse(v.content).success).toBe(true);
        const editions = await t.db.selectFrom('course_editions').select(['language', 'published_version']).where('municipality_id', '=', m).where('item_id', '=', c.id).execute();
        expect(editions.every((e) => e.published_version === 1)).toBe(true);
        const tags = await t.db.selectFrom('learning_item_competences').select('competence_code').where('municipality_id', '=', m).where('item_id', '=', c.id).execute();
        expect(tags.length).toBeGreaterThan(0);
        for (const tag of tags) expect(codes.has(tag.competence_code), tag.competence_code).toBe(true);
      }
      const kinds = await t.db.selectFrom('learning_items').select('kind').where('municipality_id', '=', m).orderBy('kind').execute();
      expect(kinds.map((k) => k.kind)).toEqual(['course', 'course', 'course', 'event', 'link', 'scorm', 'scorm', 'video']);
    }
  });

  it('imported both SCORM packages through the upload pipeline, stored and valid', async () => {
    for (const code of NETWORK) {
      const m = await mid(code);
      const rows = await t.db
        .selectFrom('packages as p')
        .innerJoin('package_versions as v', (j) => j.onRef('v.municipality_id', '=', 'p.municipality_id').onRef('v.package_id', '=', 'p.id'))
        .innerJoin('package_uploads as u', (j) => j.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.package_id', '=', 'p.id'))
        .select(['p.identifier', 'v.kind', 'v.version', 'u.phase', 'p.id'])
        .where('p.municipality_id', '=', m)
        .orderBy('p.identifier')
        .execute();
      expect(rows.map((r) => [r.identifier, r.kind, r.version, r.phase])).toEqual([
        ['no.mestring.demo.hand-hygiene', 'scorm12', 1, 'stored'],
        ['no.mestring.demo.welfare-technology', 'scorm2004_4th', 1, 'stored'],
      ]);
      const items = await t.db.selectFrom('learning_items').select('package_id').where('municipality_id', '=', m).where('kind', '=', 'scorm').execute();
      expect(items.map((i) => i.package_id).sort()).toEqual(rows.map((r) => r.id).sort());
    }
  });

  it('plays: the demo employee launches the SCORM 2004 package, and its SCOs pass module 1, continue, and pass module 2', async () => {
    const person = await personOf('ansatt@havstad.kommune.example');
    const user = await t.db.selectFrom('users').select('id').where('email', '=', 'ansatt@havstad.kommune.example').executeTakeFirstOrThrow();
    const pkg = await t.db.selectFrom('packages').select('id').where('municipality_id', '=', person.municipality_id).where('identifier', '=', 'no.mestring.demo.welfare-technology').executeTakeFirstOrThrow();
    const launched = await launchOk(t, await sessionFor(t.db, user.id), person.municipality_id, { packageId: pkg.id });
    const player = new NodePlayer(t, await openSession(t, launched.token));
    const { Course, lms2004 } = loadScoRuntime();
    for (const [content, identifier] of [[welfareModule1, 'module1'], [welfareModule2, 'module2']] as const) {
      expect(player.course.current?.id).toBe(identifier);
      const sco = new Course(lms2004(player.api), content);
      expect(sco.start()).toBe(true);
      await player.commit(identifier, ['initialize'], false);
      for (const q of content.quiz.questions) sco.choose(q.id, q.options.filter((o) => o.correct).map((o) => o.id));
      expect(sco.submit().passed).toBe(true);
      // What the player page does when the SCO terminates: snapshot, deliver the next, commit.
      let cmi: Record<string, unknown> = {};
      player.api.on('Terminate', () => (cmi = player.api.renderCMIToJSONObject() as Record<string, unknown>));
      expect(sco.finish()).toBe(true);
      player.course.prepareDelivery();
      await player.commit(identifier, ['terminate'], true, cmi);
    }
    const scos = await t.db.selectFrom('player_sco_states').select(['item_identifier', 'completion_status', 'success_status', 'score_scaled']).where('attempt_id', '=', launched.attemptId).orderBy('item_identifier').execute();
    expect(scos).toEqual([
      { item_identifier: 'module1', completion_status: 'completed', success_status: 'passed', score_scaled: 1 },
      { item_identifier: 'module2', completion_status: 'completed', success_status: 'passed', score_scaled: 1 },
    ]);
  });

  it('has the leaders\' assignments: information security for everyone yearly, the dispenser for home care, hand hygiene for a profession, the record for new hires', async () => {
    for (const code of NETWORK) {
      const m = await mid(code);
      const of = async (title: string) =>
        t.db.selectFrom('learning_assignments').selectAll().where('municipality_id', '=', m).where('item_id', '=', await itemId(m, title)).execute();
      const security = await of('Information security and confidentiality in care');
      const topUnits = await t.db.selectFrom('units').select('id').where('municipality_id', '=', m).where('parent_id', 'is', null).execute();
      expect(security.map((a) => a.target_unit_id).sort()).toEqual(topUnits.map((u) => u.id).sort());
      for (const a of security) expect([a.recurrence_months, a.due_date !== null]).toEqual([12, true]);
      const dispenser = await of('Using a digital medicine dispenser');
      const hjt = await t.db.selectFrom('units').select('id').where('municipality_id', '=', m).where('code', '=', 'HJT').executeTakeFirstOrThrow();
      expect(dispenser.map((a) => [a.target_kind, a.target_unit_id])).toEqual([['unit', hjt.id]]);
      expect((await of('Hand hygiene and infection control')).map((a) => [a.target_kind, a.target_profession])).toEqual([['profession', 'health_care_worker']]);
      const hires = await of('Getting started with the patient record');
      expect(hires.length, code).toBeGreaterThanOrEqual(2);
      for (const a of hires) expect([a.target_kind, a.due_days, a.due_date]).toEqual(['person', 30, null]);
    }
  });

  it('has a year of completions that rise after the leaders began following up, with people in progress and overdue', async () => {
    const monthOf = (d: Date) => 11 - Math.floor((NOW.getTime() - d.getTime()) / (30 * 86_400_000));
    for (const code of NETWORK) {
      const m = await mid(code);
      // What the seed wrote (the play test above may have added a completion since).
      const rows = await t.db.selectFrom('learning_completions').select('completed_at').where('municipality_id', '=', m).where('completed_at', '<', NOW).execute();
      const perMonth = Array.from({ length: 12 }, () => 0);
      for (const r of rows) if (monthOf(r.completed_at) >= 0) perMonth[monthOf(r.completed_at)]!++;
      expect(perMonth.filter((n) => n > 0).length, `${code} ${perMonth}`).toBeGreaterThanOrEqual(10);
      const [first, second] = [perMonth.slice(0, 6), perMonth.slice(6)].map((xs) => xs.reduce((a, b) => a + b, 0));
      expect(second!, `${code} ${perMonth}`).toBeGreaterThan(first! * 1.5);
      const before = perMonth.slice(0, FOLLOW_UP_MONTH).reduce((a, b) => a + b, 0) / FOLLOW_UP_MONTH;
      expect(Math.max(...perMonth.slice(FOLLOW_UP_MONTH)), `${code} ${perMonth}`).toBeGreaterThan(before * 2);

      const open = await sql<{ status: string; n: number }>`select status, count(*)::int as n from learning_progress where municipality_id = ${m} and completed_at is null group by 1`.execute(t.db);
      expect(open.rows.find((r) => r.status === 'in_progress')?.n ?? 0, code).toBeGreaterThan(0);
      // Overdue: home-care staff without the dispenser course, whose due date has passed.
      const overdue = await sql<{ n: number }>`
        select count(distinct pu.person_id)::int as n from learning_assignments a
        join units root on root.municipality_id = a.municipality_id and root.id = a.target_unit_id
        join units u on u.municipality_id = a.municipality_id and (u.id = root.id or u.parent_id = root.id or u.parent_id in (select id from units c where c.municipality_id = a.municipality_id and c.parent_id = root.id))
        join person_units pu on pu.municipality_id = a.municipality_id and pu.unit_id = u.id
        where a.municipality_id = ${m} and a.due_date < current_date
          and not exists (select 1 from learning_completions c where c.municipality_id = a.municipality_id and c.person_id = pu.person_id and c.item_id = a.item_id)`.execute(t.db);
      expect(overdue.rows[0]!.n, code).toBeGreaterThan(0);
    }
  });

  it('keeps progress consistent with the completions', async () => {
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from learning_completions c left join learning_progress p
        on p.municipality_id = c.municipality_id and p.person_id = c.person_id and p.item_id = c.item_id
      where p.person_id is null or p.status not in ('completed', 'passed') or p.completed_at is null or p.status <> c.outcome`.execute(t.db);
    expect(orphans.rows[0]!.n).toBe(0);
    const doneWithout = await sql<{ n: number }>`
      select count(*)::int as n from learning_progress p where p.status in ('completed', 'passed')
        and not exists (select 1 from learning_completions c where c.municipality_id = p.municipality_id and c.person_id = p.person_id and c.item_id = p.item_id)`.execute(t.db);
    expect(doneWithout.rows[0]!.n).toBe(0);
  });

  it('records the demo employee\'s own learning through the application: certificate, progress, statements in the LRS', async () => {
    const person = await personOf('ansatt@bergheim.kommune.example');
    const security = await itemId(person.municipality_id, 'Information security and confidentiality in care');
    const completion = await t.db.selectFrom('learning_completions').select(['id', 'outcome', 'statement_id']).where('municipality_id', '=', person.municipality_id).where('person_id', '=', person.id).where('item_id', '=', security).executeTakeFirstOrThrow();
    expect(completion.outcome).toBe('passed');
    // Issued by the certificates slice's issuer, which recordLearning calls.
    const certificate = await t.db.selectFrom('certificates').select(['item_id', 'person_id']).where('municipality_id', '=', person.municipality_id).where('completion_id', '=', completion.id).executeTakeFirst();
    expect(certificate).toEqual({ item_id: security, person_id: person.id });
    const statement = await t.db.selectFrom('xapi_statements').select('statement').where('municipality_id', '=', person.municipality_id).where('id', '=', completion.statement_id!).executeTakeFirstOrThrow();
    expect(statement.statement).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/passed' }, actor: { account: { name: person.id } }, authority: { name: 'Mestring' } });
    const dispenser = await t.db.selectFrom('learning_progress').select(['status', 'current_lesson_id']).where('municipality_id', '=', person.municipality_id).where('person_id', '=', person.id).where('item_id', '=', await itemId(person.municipality_id, 'Using a digital medicine dispenser')).executeTakeFirstOrThrow();
    expect(dispenser).toEqual({ status: 'in_progress', current_lesson_id: 'alerts' });
  });

  it('changes nothing when run again', async () => {
    const before = await counts();
    expect(before.learning_completions).toBeGreaterThan(300);
    await seedDemo(t.db, { now: NOW, config: t.deps.config });
    expect(await counts()).toEqual(before);
  });
});
