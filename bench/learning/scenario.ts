import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION } from '../../src/server/modules/frameworks/starter/starter-framework.js';
import { ROLE_PROFILE_TEMPLATES } from '../../src/server/modules/role-profiles/role-profile.templates.js';
import { seedPeople, step, type Steps } from '../mapping/people.js';
import type { PlannedMunicipality } from '../mapping/plan.js';
import { slotCompletedAt, slotHash, slotItemNo, slotScore, slotStartedAt, slotStatus } from './history.js';
import { seedIdentifiedSelfAssessments } from './self-assessments.js';
import { ASSIGNMENTS, CATALOGUE, ROLE_PROFILE_TEMPLATE_KEYS, sampleCourse, type LearningSize } from './plan.js';

// Writes the learning scenario with set-based SQL as the owning role, in one
// transaction with foreign-key triggers off (as the mapping scenario does):
// the mapping benchmark's municipalities, units and employees (bench/mapping/
// people.ts), every employee's account with an employee grant (leaders also a
// unit-leader grant), then per municipality the catalogue, packages, built-in
// course content, role profiles and assignments, an identified self-assessment
// (self-assessments.ts), and per employee the
// learning_progress rows and learning_completions history. The app writes those
// two tables only through recordLearning(); the bench bulk-inserts the same
// rows directly, because 6 million calls would take hours. The helper tables
// bench_plan, bench_item_ids and bench_people stay for statements.ts; dropHelpers() removes them.

export type LearningCounts = { municipalities: number; employees: number; items: number; assignments: number; progress: number; completions: number };

export async function seedLearning(
  outer: Kysely<DB>,
  plan: PlannedMunicipality[],
  size: LearningSize,
  options: { publicUrl: string; anchor: Date; log: (m: string) => void },
): Promise<{ municipalityIds: string[]; steps: Steps }> {
  const steps: Steps = [];
  const { log } = options;
  const municipalityIds = await outer.transaction().execute(async (db) => {
    const superuser = (await sql<{ s: boolean }>`select rolsuper as s from pg_roles where rolname = current_user`.execute(db)).rows[0]?.s;
    if (superuser) await sql`set local session_replication_role = replica`.execute(db);
    else log('  (not a superuser: foreign keys are checked row by row, which is slower)');
    const version = await db
      .selectFrom('framework_versions as v')
      .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
      .select('v.id')
      .where('f.key', '=', STARTER_FRAMEWORK_KEY)
      .where('v.version', '=', STARTER_FRAMEWORK_VERSION)
      .executeTakeFirstOrThrow();
    const codes = (await db.selectFrom('framework_competences').select('code').where('version_id', '=', version.id).orderBy('position').execute()).map((r) => r.code);
    const ids = await seedPeople(db, plan, { networks: size.networks, log }, steps);
    await step(steps, 'accounts and grants', log, () => accounts(db));
    await step(steps, 'catalogue, packages and courses', log, () => catalogue(db, version.id, codes, options.publicUrl));
    await step(steps, 'role profiles and assignments', log, () => assignments(db, version.id));
    await step(steps, 'identified self-assessments', log, () => seedIdentifiedSelfAssessments(db, version.id, codes));
    await step(steps, 'progress', log, () => progress(db, size, options.anchor));
    await step(steps, 'completions', log, () => completions(db, options.anchor));
    return ids;
  });
  return { municipalityIds, steps };
}

/** Every employee signs in: an account per person (leaders also lead their unit). */
async function accounts(db: Kysely<DB>) {
  await sql`create table bench_people as select municipality_id, substr(employee_number, 2)::int as n, id as person_id from persons`.execute(db);
  await sql`alter table bench_people add primary key (municipality_id, n)`.execute(db);
  await sql`insert into users (id, email, display_name, preferred_language)
    select pe.id, pe.id || '@ansatt.bench.example', pe.given_name || ' ' || pe.family_name, 'nb' from persons pe`.execute(db);
  // The person's id doubles as the account's id: one fresh uuid each, and the update needs no join.
  // Employees were hired over the last ten years (an assignment with due days counts from the later of its creation and the hiring).
  await sql`update persons set user_id = id, created_at = now() - (30 + abs(hashtext(id::text)) % 3650) * interval '1 day'`.execute(db);
  await sql`insert into role_grants (user_id, role, scope_type, municipality_id) select id, 'employee', 'municipality', municipality_id from persons`.execute(db);
  await sql`insert into role_grants (user_id, role, scope_type, municipality_id, unit_id)
    select pe.id, 'leader', 'unit', pe.municipality_id, pu.unit_id
    from persons pe join person_units pu on pu.municipality_id = pe.municipality_id and pu.person_id = pe.id
    where pe.profession = 'leader'`.execute(db);
}

async function catalogue(db: Kysely<DB>, versionId: string, codes: string[], publicUrl: string) {
  const items = sql.join(
    CATALOGUE.map(
      (i) =>
        sql`(${i.no}, ${i.kind}, ${i.title.nb}, ${i.title.en}, ${i.minutes}, ${i.status}, ${i.networkOwned}, ${i.competences.map((c) => codes[c % codes.length]!)}::text[])`,
    ),
  );
  await sql`create table bench_items (no int primary key, kind text, title_nb text, title_en text, minutes int, status text, network_owned boolean, competences text[])`.execute(db);
  await sql`insert into bench_items values ${items}`.execute(db);
  // Each item's activity id: what its statements name as object or parent.
  await sql`create table bench_item_ids as
    select x.*,
      case when x.kind in ('scorm', 'cmi5') then gen_random_uuid() end as package_id,
      case x.kind
        when 'scorm' then 'https://kurs.bench.example/scorm/' || x.no
        when 'cmi5' then 'https://kurs.bench.example/cmi5/' || x.no || '/au-1'
        when 'xapi' then 'https://kurs.bench.example/xapi/' || x.no
        else ${publicUrl}::text || '/xapi/activities/learning/' || x.id end as activity_root
    from (select p.municipality_id, p.idx, bi.no, bi.kind, gen_random_uuid() as id from bench_plan p cross join bench_items bi) x`.execute(db);
  await sql`alter table bench_item_ids add primary key (municipality_id, no)`.execute(db);
  await sql`insert into packages (municipality_id, id, family, identifier, title, latest_version, created_at, updated_at)
    select x.municipality_id, x.package_id, x.kind, x.activity_root, bi.title_nb, 1, now() - interval '700 days', now() - interval '700 days'
    from bench_item_ids x join bench_items bi on bi.no = x.no where x.package_id is not null`.execute(db);
  await sql`with v as (
      insert into package_versions (municipality_id, package_id, version, kind, title, manifest, file_count, size_bytes, uploaded_at)
      select x.municipality_id, x.package_id, 1, case x.kind when 'scorm' then 'scorm2004_4th' else 'cmi5' end, bi.title_nb,
        jsonb_build_object('identifier', x.activity_root, 'title', bi.title_nb, 'organizations', jsonb_build_array(jsonb_build_object('identifier', 'org', 'items', jsonb_build_array(jsonb_build_object('identifier', 'sco-1', 'title', bi.title_nb))))),
        42, 18000000, now() - interval '700 days'
      from bench_item_ids x join bench_items bi on bi.no = x.no where x.package_id is not null
      returning municipality_id, id, package_id, title)
    insert into package_launchables (municipality_id, package_version_id, position, identifier, activity_id, title, kind, launch_url, details)
    select v.municipality_id, v.id, 1, 'sco-1', x.activity_root, v.title, case x.kind when 'scorm' then 'sco' else 'au' end, 'index.html', '{}'::jsonb
    from v join bench_item_ids x on x.municipality_id = v.municipality_id and x.package_id = v.package_id`.execute(db);
  await sql`insert into learning_items (municipality_id, id, kind, owner_network_id, status, titles, descriptions, languages, duration_minutes, framework_version_id,
      package_id, url, xapi_activity_id, certificate_enabled, created_at, updated_at)
    select x.municipality_id, x.id, x.kind, case when bi.network_owned then m.network_id end, bi.status,
      jsonb_build_object('nb', bi.title_nb, 'en', bi.title_en),
      jsonb_build_object('nb', 'Lær om ' || lower(bi.title_nb) || ' i tjenesten din: hva som gjelder, hvordan du gjør det, og hvem du spør.', 'en', 'Learn about ' || lower(bi.title_en) || ' in your service.'),
      array['nb', 'en'], bi.minutes, ${versionId}::uuid, x.package_id,
      case when bi.kind in ('video', 'link') then 'https://video.bench.example/film/' || bi.no end,
      case when bi.kind = 'xapi' then x.activity_root end,
      bi.kind <> 'link', now() - (730 - bi.no * 5) * interval '1 day', now() - (400 - bi.no * 5) * interval '1 day'
    from bench_item_ids x join bench_items bi on bi.no = x.no join municipalities m on m.id = x.municipality_id`.execute(db);
  await sql`insert into learning_item_competences (municipality_id, item_id, competence_code, level)
    select x.municipality_id, x.id, c.code, 2 + c.k % 2
    from bench_item_ids x join bench_items bi on bi.no = x.no cross join lateral unnest(bi.competences) with ordinality as c(code, k)`.execute(db);
  // Built-in courses: one published version in bokmål each.
  const courses = CATALOGUE.filter((i) => i.kind === 'course');
  await sql`create table bench_courses (no int primary key, content jsonb not null)`.execute(db);
  await sql`insert into bench_courses values ${sql.join(courses.map((i) => sql`(${i.no}, ${JSON.stringify(sampleCourse(i.title.nb))}::jsonb)`))}`.execute(db);
  await sql`insert into course_editions (municipality_id, item_id, language, draft, draft_updated_at, published_version)
    select x.municipality_id, x.id, 'nb', c.content, now() - interval '500 days', 1 from bench_item_ids x join bench_courses c on c.no = x.no`.execute(db);
  await sql`insert into course_versions (municipality_id, item_id, language, version, content, published_at)
    select x.municipality_id, x.id, 'nb', 1, c.content, now() - interval '500 days' from bench_item_ids x join bench_courses c on c.no = x.no`.execute(db);
  await sql`drop table bench_courses`.execute(db);
}

async function assignments(db: Kysely<DB>, versionId: string) {
  const templates = ROLE_PROFILE_TEMPLATES.filter((t) => ROLE_PROFILE_TEMPLATE_KEYS.includes(t.key));
  await sql`create table bench_role_profiles as select p.municipality_id, t.key, gen_random_uuid() as id
    from bench_plan p cross join unnest(${templates.map((t) => t.key)}::text[]) as t(key)`.execute(db);
  await sql`insert into role_profiles (municipality_id, id, name, framework_version_id, profession, template_key)
    select r.municipality_id, r.id, t.name, ${versionId}::uuid, t.profession, r.key
    from bench_role_profiles r join (values ${sql.join(templates.map((t) => sql`(${t.key}, ${t.name.nb ?? t.key}, ${t.profession})`))}) as t(key, name, profession) on t.key = r.key`.execute(db);
  const requirements = templates.flatMap((t) => t.requirements.map((q) => sql`(${t.key}, ${q.competenceCode}, ${q.requiredLevel}::int)`));
  await sql`insert into role_profile_requirements (municipality_id, profile_id, competence_code, required_level)
    select r.municipality_id, r.id, q.code, q.level from bench_role_profiles r join (values ${sql.join(requirements)}) as q(key, code, level) on q.key = r.key`.execute(db);

  const rows = ASSIGNMENTS.map((a) => {
    const t = a.target;
    return sql`(${a.itemNo}::int, ${t.kind}, ${t.kind === 'unit' ? t.unitNo : null}::int, ${t.kind === 'profession' ? t.profession : null}::text,
      ${t.kind === 'role_profile' ? t.template : null}::text, ${t.kind === 'person' ? t.personNo : null}::int, ${a.dueDays ?? null}::int,
      ${a.dueInDays ?? null}::int, ${a.recurrenceMonths ?? null}::int, ${a.createdDaysAgo}::int)`;
  });
  // "everyone" is one unit assignment per service area, which together hold every unit.
  await sql`insert into learning_assignments (municipality_id, item_id, item_municipality_id, target_kind, target_person_id, target_unit_id, target_profession,
      target_role_profile_id, due_date, due_days, recurrence_months, created_at)
    select p.municipality_id, it.id, p.municipality_id, case a.kind when 'everyone' then 'unit' else a.kind end, pe.id, u.id, a.profession, rp.id,
      current_date + a.due_in_days, a.due_days, a.recurrence, now() - a.created_days_ago * interval '1 day'
    from bench_plan p cross join (values ${sql.join(rows)}) as a(item_no, kind, unit_no, profession, template, person_no, due_days, due_in_days, recurrence, created_days_ago)
    join bench_item_ids it on it.municipality_id = p.municipality_id and it.no = a.item_no
    left join generate_series(1, 4) sa on a.kind = 'everyone' and sa <= least(4, p.unit_count)
    left join units u on u.municipality_id = p.municipality_id
      and ((a.kind = 'everyone' and u.code = 'SA' || sa) or (a.kind = 'unit' and u.code = 'U' || (1 + (a.unit_no - 1) % p.unit_count)))
    left join persons pe on a.kind = 'person' and pe.municipality_id = p.municipality_id and pe.employee_number = 'E' || (1 + (a.person_no - 1) % p.employees)
    left join bench_role_profiles rp on a.kind = 'role_profile' and rp.municipality_id = p.municipality_id and rp.key = a.template
    where a.kind <> 'everyone' or sa is not null`.execute(db);
  await sql`drop table bench_role_profiles`.execute(db);
}

/** One learning_progress row per employee and slot (see history.ts). */
async function progress(db: Kysely<DB>, size: LearningSize, anchor: Date) {
  const at = `'${anchor.toISOString()}'::timestamptz`;
  await sql`insert into learning_progress (municipality_id, person_id, item_id, item_municipality_id, status, language, course_version, current_lesson_id,
      score_scaled, started_at, last_activity_at, completed_at)
    select r.municipality_id, r.person_id, r.item_id, r.municipality_id, r.status, 'nb',
      case when r.kind = 'course' then 1 end,
      case when r.kind = 'course' then 'lesson-' || case when r.status = 'in_progress' then 1 + r.x % 5 else 6 end end,
      ${sql.raw(slotScore('r.x', 'r.status'))}, r.started,
      case when r.status in ('completed', 'passed') then r.done else r.started + (r.x % 9) * interval '1 day' end,
      case when r.status in ('completed', 'passed') then r.done end
    from (
      select q.*, ${sql.raw(slotCompletedAt(at, 'q.started', 'q.x'))} as done
      from (
        select h.*, ${sql.raw(slotStatus('h.x', 'h.kind'))} as status, ${sql.raw(slotStartedAt(at, 'h.x'))} as started
        from (
          select bp.municipality_id, bp.person_id, it.id as item_id, it.kind, ${sql.raw(slotHash('bp.n', 'p.idx', 's'))} as x
          from bench_people bp join bench_plan p on p.municipality_id = bp.municipality_id
          cross join generate_series(1, ${size.itemsPerEmployee}) s
          join bench_item_ids it on it.municipality_id = bp.municipality_id and it.no = ${slotItemNo('bp.n', 'p.idx', 's')}
        ) h
      ) q
    ) r`.execute(db);
}

/**
 * learning_completions: one row per done item, plus the previous round of
 * recurring assignments' items (a cycle earlier) where that falls within the two years.
 */
async function completions(db: Kysely<DB>, anchor: Date) {
  const recurring = ASSIGNMENTS.filter((x) => x.recurrenceMonths).map((x) => sql`(${x.itemNo}::int, ${x.recurrenceMonths!}::int)`);
  await sql`insert into learning_completions (municipality_id, person_id, item_id, item_municipality_id, outcome, score_scaled, source, statement_id, completed_at, recorded_at)
    select lp.municipality_id, lp.person_id, lp.item_id, lp.item_municipality_id, lp.status, lp.score_scaled, it.kind,
      case when it.kind in ('scorm', 'cmi5', 'xapi') then gen_random_uuid() end, c.at, c.at
    from learning_progress lp join bench_item_ids it on it.municipality_id = lp.municipality_id and it.id = lp.item_id
    left join (values ${sql.join(recurring)}) as r(no, months) on r.no = it.no
    cross join lateral (select lp.completed_at as at union all
      select lp.completed_at - r.months * interval '1 month' where r.months is not null
        and lp.completed_at - r.months * interval '1 month' > ${anchor.toISOString()}::timestamptz - interval '730 days'
        and abs(hashtext(lp.person_id::text)) % 100 < 85) c
    where lp.status in ('completed', 'passed')`.execute(db);
}

export async function countLearning(db: Kysely<DB>, municipalities: number): Promise<LearningCounts> {
  const n = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  return {
    municipalities,
    employees: await n('persons'),
    items: await n('learning_items'),
    assignments: await n('learning_assignments'),
    progress: await n('learning_progress'),
    completions: await n('learning_completions'),
  };
}

export async function dropHelpers(db: Kysely<DB>): Promise<void> {
  for (const t of ['bench_items', 'bench_item_ids', 'bench_people', 'bench_plan']) await sql`drop table if exists ${sql.table(t)}`.execute(db);
}
