import { sql, type Kysely } from 'kysely';
import type { Config } from '../src/server/config.js';
import type { DB } from '../src/server/db/schema.js';
import { withTenant, type TenantTx } from '../src/server/db/tenant.js';
import type { AppDeps } from '../src/server/http/context.js';
import { BackgroundJobs } from '../src/server/jobs/background.js';
import { createMailer } from '../src/server/mail/mailer.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../src/server/modules/audit/audit.repository.js';
import { STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION } from '../src/server/modules/frameworks/starter/starter-framework.js';
import { demoCourse, type DemoCourseKey } from './demo/learning/courses/demo-courses.js';
import { DEMO_EVENT_SESSIONS, DEMO_ITEMS, type DemoItem, type DemoItemKey } from './demo/learning/demo-learning-items.js';
import type { DemoMunicipality, DemoScenario } from './demo/demo-scenario.js';
import { importDemoPackage } from './seed-demo-learning-packages.js';
import { seedLearningHistory, type SeededItem } from './seed-demo-learning-history.js';

// The learning side of the demo, per municipality of the network: the
// catalogue (three built-in courses in nb and en, two SCORM packages imported
// through the real upload pipeline, a film, a link, a workshop with
// sessions), the assignments leaders made, and a year of completions
// (seed-demo-learning-history.ts). Idempotent: items are found by their
// English title, a municipality's assignments and history are written once.

const DAY = 86_400_000;
/** The catalogue was set up a little over a year ago, before the history starts. */
const CATALOGUE_AGE_DAYS = 400;

export type LearningSeedIds = { municipalities: Map<string, string>; units: Map<string, string>; persons: Map<string, string> };

async function userIdByEmail(db: Kysely<DB>, email: string | undefined): Promise<string | null> {
  if (!email) return null;
  const row = await db.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  return row?.id ?? null;
}

async function starterVersionId(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select('v.id')
    .where('f.key', '=', STARTER_FRAMEWORK_KEY)
    .where('v.version', '=', STARTER_FRAMEWORK_VERSION)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Services the package pipeline needs at seed time: no HTTP request, no mail. */
function seedDeps(db: Kysely<DB>, config: Config): AppDeps {
  const log = { info: () => {}, error: (obj: unknown, msg?: string) => console.error(msg ?? 'seed', obj) };
  return { db, config, mailer: createMailer({ from: 'seed@mestring.example', log: () => {} }), jobs: new BackgroundJobs(log), log };
}

type Staff = { adminId: string | null; advisorId: string | null; homeLeaderId: string | null };

async function createItem(tx: TenantTx, mid: string, item: DemoItem, x: { versionId: string | null; packageId: string | null; staff: Staff; now: number }): Promise<SeededItem> {
  const createdAt = new Date(x.now - CATALOGUE_AGE_DAYS * DAY);
  const row = await tx
    .insertInto('learning_items')
    .values({
      municipality_id: mid,
      kind: item.kind,
      status: 'published',
      titles: JSON.stringify(item.titles),
      descriptions: JSON.stringify(item.descriptions),
      languages: item.languages,
      duration_minutes: item.durationMinutes,
      framework_version_id: item.competences.length > 0 ? x.versionId : null,
      package_id: x.packageId,
      url: item.url ?? null,
      certificate_enabled: item.certificateEnabled,
      created_by: x.staff.advisorId,
      created_at: createdAt,
      updated_at: createdAt,
    })
    .returning(['id', 'certificate_enabled'])
    .executeTakeFirstOrThrow();
  if (item.competences.length > 0 && x.versionId) {
    await tx
      .insertInto('learning_item_competences')
      .values(item.competences.map((c) => ({ municipality_id: mid, item_id: row.id, competence_code: c.code, level: c.level })))
      .execute();
  }
  if (item.kind === 'course') {
    // Written and published once: the draft equals version 1 in each language.
    const course = demoCourse(item.key as DemoCourseKey);
    for (const language of ['nb', 'en'] as const) {
      const content = JSON.stringify(course.content[language]);
      await tx
        .insertInto('course_editions')
        .values({ municipality_id: mid, item_id: row.id, language, draft: content, draft_updated_at: createdAt, draft_updated_by: x.staff.advisorId, published_version: 1 })
        .execute();
      await tx
        .insertInto('course_versions')
        .values({ municipality_id: mid, item_id: row.id, language, version: 1, content, published_at: createdAt, published_by: x.staff.advisorId })
        .execute();
    }
  }
  if (item.kind === 'event') {
    await tx
      .insertInto('learning_sessions')
      .values(
        DEMO_EVENT_SESSIONS.map((s) => {
          const startsAt = new Date(x.now - (x.now % DAY) + s.startsInDays * DAY + s.hour * 3_600_000);
          return { municipality_id: mid, item_id: row.id, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 2 * 3_600_000), location: s.location, capacity: 14, created_at: createdAt };
        }),
      )
      .execute();
  }
  return { id: row.id, municipalityId: mid, certificateEnabled: row.certificate_enabled, kind: item.kind, packageId: x.packageId };
}

/** The municipality's demo items by key, creating those missing (matched by English title). */
async function ensureItems(tx: TenantTx, mid: string, packages: Map<DemoItemKey, string>, x: { versionId: string | null; staff: Staff; now: number }) {
  const existing = await tx
    .selectFrom('learning_items')
    .select(['id', 'certificate_enabled', 'kind', 'package_id', sql<string>`titles->>'en'`.as('title_en')])
    .where('municipality_id', '=', mid)
    .execute();
  const items = new Map<DemoItemKey, SeededItem>();
  let created = 0;
  for (const item of DEMO_ITEMS) {
    const found = existing.find((e) => e.title_en === item.titles.en && e.kind === item.kind);
    if (found) {
      items.set(item.key, { id: found.id, municipalityId: mid, certificateEnabled: found.certificate_enabled, kind: found.kind, packageId: found.package_id });
      continue;
    }
    items.set(item.key, await createItem(tx, mid, item, { ...x, packageId: packages.get(item.key) ?? null }));
    created++;
  }
  return { items, created };
}

/** What the leaders asked for, dated when they asked. */
async function seedAssignments(tx: TenantTx, m: DemoMunicipality, mid: string, ids: LearningSeedIds, items: Map<DemoItemKey, SeededItem>, staff: Staff, now: number) {
  const demoItemIds = [...items.values()].map((i) => i.id);
  const any = await tx.selectFrom('learning_assignments').select('id').where('municipality_id', '=', mid).where('item_id', 'in', demoItemIds).limit(1).execute();
  if (any.length > 0) return 0;
  const date = (daysFromNow: number) => new Date(now + daysFromNow * DAY).toISOString().slice(0, 10);
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const base = (key: DemoItemKey) => ({ municipality_id: mid, item_id: items.get(key)!.id, item_municipality_id: mid });
  const unitId = (code: string) => ids.units.get(`${m.code}/${code}`)!;
  const rows = [
    // Information security for everyone, every year: one assignment per service area covers every unit below it.
    ...m.units
      .filter((u) => u.parentCode === null)
      .map((u) => ({
        ...base('information-security'), target_kind: 'unit' as const, target_unit_id: unitId(u.code), due_date: date(30), recurrence_months: 12,
        note: 'Årlig gjennomgang for alle ansatte i helse og omsorg.', created_by: staff.advisorId, created_at: at(370),
      })),
    // The home-care leader's push when the dispensers arrived; its due date has passed.
    { ...base('medicine-dispenser'), target_kind: 'unit' as const, target_unit_id: unitId('HJT'), due_date: date(-14), note: 'Alle i hjemmetjenesten skal kunne følge opp medisindispensere.', created_by: staff.homeLeaderId, created_at: at(200) },
    { ...base('hand-hygiene'), target_kind: 'profession' as const, target_profession: 'health_care_worker', due_date: date(45), recurrence_months: 24, created_by: staff.advisorId, created_at: at(190) },
  ];
  await tx.insertInto('learning_assignments').values(rows).execute();
  return rows.length;
}

/** Everything learning-related of the demo, for each municipality of the network. */
export async function seedDemoLearning(db: Kysely<DB>, scenario: DemoScenario, ids: LearningSeedIds, now: Date, config: Config): Promise<void> {
  const versionId = await starterVersionId(db);
  const deps = seedDeps(db, config);
  for (const m of scenario.municipalities) {
    const mid = ids.municipalities.get(m.code)!;
    const accounts = scenario.accounts.filter((a) => a.municipalityCode === m.code);
    const byRole = (role: string, unitCode?: string) => accounts.find((a) => a.grants.some((g) => g.role === role && (unitCode === undefined || g.unitCode === unitCode)))?.email;
    const staff: Staff = {
      adminId: await userIdByEmail(db, byRole('municipal_admin')),
      advisorId: await userIdByEmail(db, byRole('competence_advisor')),
      homeLeaderId: await userIdByEmail(db, accounts.find((a) => a.email.startsWith('leder.hjemmetjeneste@'))?.email),
    };
    const actor: Actor = { userId: staff.adminId, label: 'demo seed', requestId: 'seed-demo' };
    const packages = new Map<DemoItemKey, string>();
    for (const item of DEMO_ITEMS) if (item.package) packages.set(item.key, await importDemoPackage(deps, actor, mid, item.package));

    const items = await withTenant(db, mid, async (tx) => {
      const { items, created } = await ensureItems(tx, mid, packages, { versionId, staff, now: now.getTime() });
      const assignments = await seedAssignments(tx, m, mid, ids, items, staff, now.getTime());
      if (created > 0 || assignments > 0) {
        await recordAudit(tx, mid, SYSTEM_ACTOR, { action: 'seed.demo', entityType: 'municipality', entityId: mid, after: { learningItems: created, assignments } });
      }
      return items;
    });
    await seedLearningHistory(deps, scenario, m, mid, items, staff, now);
  }
}
