import type { CompletionSource, LearningItemKind, LearningStatus } from '../src/server/db/schema.js';
import { withTenant, type TenantTx } from '../src/server/db/tenant.js';
import type { AppDeps } from '../src/server/http/context.js';
import { recordAudit, SYSTEM_ACTOR } from '../src/server/modules/audit/audit.repository.js';
import { recordLearning, type ItemRef } from '../src/server/modules/learning/records/learning-records.js';
import { mestringAuthority } from '../src/server/modules/lrs/lrs-auth.js';
import { storeStatements } from '../src/server/modules/lrs/statements.service.js';
import { buildLearningHistory, type HistoryPerson } from './demo/learning/demo-learning-history.js';
import type { DemoItemKey } from './demo/learning/demo-learning-items.js';
import type { DemoMunicipality, DemoScenario } from './demo/demo-scenario.js';
import { accountStory, demoStatement, type StoryStep } from './seed-demo-learning-accounts.js';

// A year of learning in one municipality. Most of it is history, inserted
// directly as rows (learning_progress + learning_completions, one multi-row
// INSERT per table) rather than replayed through recordLearning: nobody did
// these things in this database, and replaying hundreds of learners one event
// at a time would make the first start slow. The people behind the demo logins
// are different: what they did goes through recordLearning, so their
// certificates are issued the way the application issues them, and matching
// xAPI statements go into the LRS through its store function.

const DAY = 86_400_000;
const CHUNK = 500;

export type SeededItem = ItemRef & { kind: LearningItemKind; packageId: string | null };
type Staff = { advisorId: string | null };

const SOURCE: Record<LearningItemKind, CompletionSource> = { course: 'course', scorm: 'scorm', cmi5: 'cmi5', xapi: 'xapi', video: 'video', link: 'link', event: 'event' };

function subtree(m: DemoMunicipality, root: string): Set<string> {
  const codes = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of m.units) {
      if (u.parentCode && codes.has(u.parentCode) && !codes.has(u.code)) {
        codes.add(u.code);
        grew = true;
      }
    }
  }
  return codes;
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

async function loadPeople(tx: TenantTx, mid: string, m: DemoMunicipality) {
  const homeCare = subtree(m, 'HJT');
  const rows = await tx
    .selectFrom('persons as p')
    .leftJoin('person_units as pu', (j) => j.onRef('pu.municipality_id', '=', 'p.municipality_id').onRef('pu.person_id', '=', 'p.id').on('pu.is_primary', '=', true))
    .leftJoin('units as u', (j) => j.onRef('u.municipality_id', '=', 'pu.municipality_id').onRef('u.id', '=', 'pu.unit_id'))
    .select(['p.id', 'p.employee_number', 'p.profession', 'p.preferred_language', 'p.given_name', 'p.family_name', 'u.code'])
    .where('p.municipality_id', '=', mid)
    .orderBy('p.employee_number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    employeeNumber: r.employee_number,
    name: `${r.given_name} ${r.family_name}`,
    profession: r.profession,
    homeCare: homeCare.has(r.code ?? ''),
    language: (r.preferred_language === 'en' ? 'en' : 'nb') as 'nb' | 'en',
  }));
}

/** The bulk history: rows exactly as recordLearning would have left them. */
async function insertHistory(tx: TenantTx, mid: string, people: HistoryPerson[], items: Map<DemoItemKey, SeededItem>, now: Date, seed: number, staff: Staff) {
  const history = buildLearningHistory(people, now, seed);
  const language = new Map(people.map((p) => [p.id, p.language]));
  const sessions = await tx.selectFrom('learning_sessions').select(['id', 'starts_at', 'ends_at']).where('municipality_id', '=', mid).where('item_id', '=', items.get('event')!.id).orderBy('starts_at').execute();
  const past = sessions.find((s) => s.ends_at.getTime() < now.getTime());
  const event = past ? history.pastSession.filter((r) => r.attended).map((r) => ({ personId: r.personId, item: 'event' as const, outcome: 'completed' as const, score: null, startedAt: past.starts_at, completedAt: past.ends_at })) : [];
  const completions = [...history.completions, ...event];
  const courseFields = (key: DemoItemKey, personId: string) =>
    items.get(key)!.kind === 'course' ? { language: language.get(personId) ?? 'nb', course_version: 1 } : { language: null, course_version: null };

  await insertChunked(completions, (chunk) =>
    tx.insertInto('learning_completions').values(chunk.map((c) => ({
      municipality_id: mid, person_id: c.personId, item_id: items.get(c.item)!.id, item_municipality_id: mid, outcome: c.outcome,
      score_scaled: c.score, source: SOURCE[items.get(c.item)!.kind], completed_at: c.completedAt, recorded_at: c.completedAt,
    }))).execute());
  const progress = [
    ...completions.map((c) => ({ personId: c.personId, item: c.item, status: c.outcome as LearningStatus, score: c.score, startedAt: c.startedAt, lastActivityAt: c.completedAt, completedAt: c.completedAt as Date | null, currentLessonId: null as string | null })),
    ...history.open.map((o) => ({ ...o, completedAt: null })),
  ];
  await insertChunked(progress, (chunk) =>
    tx.insertInto('learning_progress').values(chunk.map((p) => ({
      municipality_id: mid, person_id: p.personId, item_id: items.get(p.item)!.id, item_municipality_id: mid, status: p.status,
      ...courseFields(p.item, p.personId), current_lesson_id: p.currentLessonId, score_scaled: p.score,
      started_at: p.startedAt, last_activity_at: p.lastActivityAt, completed_at: p.completedAt,
    }))).execute());

  // New hires: each got the patient-record course on their first day, due 30 days later.
  if (history.newHires.length > 0) {
    await tx.insertInto('learning_assignments').values(history.newHires.map((h) => ({
      municipality_id: mid, item_id: items.get('patient-record')!.id, item_municipality_id: mid, target_kind: 'person' as const, target_person_id: h.personId,
      due_days: 30, note: 'Del av opplæringen for nyansatte.', created_by: staff.advisorId, created_at: h.hiredAt,
    }))).execute();
  }
  if (past && history.pastSession.length > 0) {
    await tx.insertInto('learning_registrations').values(history.pastSession.map((r) => ({
      municipality_id: mid, session_id: past.id, person_id: r.personId, status: 'registered' as const,
      registered_at: new Date(past.starts_at.getTime() - 20 * DAY), attended: r.attended, attendance_marked_at: new Date(past.ends_at.getTime() + 3_600_000),
    }))).execute();
  }
  return { completions: completions.length, progress: progress.length, sessions };
}

/** A demo login's own learning, through recordLearning; returns the xAPI statements that go with it. */
async function recordStory(tx: TenantTx, mid: string, steps: StoryStep[], items: Map<DemoItemKey, SeededItem>, publicUrl: string): Promise<object[]> {
  const statements: object[] = [];
  for (const s of steps) {
    const item = items.get(s.item)!;
    const statement = demoStatement(publicUrl, mid, s, item);
    await recordLearning(tx, mid, s.personId, item, {
      status: s.status, at: s.at, source: SOURCE[item.kind], scoreScaled: s.score, statementId: statement.id,
      ...(item.kind === 'course' ? { language: s.language, courseVersion: 1, currentLessonId: s.currentLessonId ?? null } : {}),
    });
    statements.push(statement);
    if (s.lessonsDone && item.kind === 'course') {
      await tx.insertInto('lesson_progress').values(s.lessonsDone.map((lessonId) => ({
        municipality_id: mid, person_id: s.personId, item_id: item.id, lesson_id: lessonId, language: s.language, course_version: 1, completed: true, updated_at: s.at,
      }))).execute();
    }
  }
  return statements;
}

export async function seedLearningHistory(deps: AppDeps, scenario: DemoScenario, m: DemoMunicipality, mid: string, items: Map<DemoItemKey, SeededItem>, staff: Staff, now: Date): Promise<void> {
  const itemIds = [...items.values()].map((i) => i.id);
  const statements = await withTenant(deps.db, mid, async (tx) => {
    const done = await tx.selectFrom('learning_completions').select('id').where('municipality_id', '=', mid).where('item_id', 'in', itemIds).limit(1).execute();
    if (done.length > 0) return [];
    const people = await loadPeople(tx, mid, m);
    const accounts = scenario.accounts.filter((a) => a.municipalityCode === m.code && a.employeeNumber);
    const accountNumbers = new Set(accounts.map((a) => a.employeeNumber));
    const bulk = await insertHistory(tx, mid, people.filter((p) => !accountNumbers.has(p.employeeNumber)), items, now, Number(m.code), staff);

    const steps = accountStory(accounts, people, bulk.sessions, now);
    const statements = await recordStory(tx, mid, steps.learning, items, deps.config.publicUrl);
    if (steps.registrations.length > 0) await tx.insertInto('learning_registrations').values(steps.registrations.map((r) => ({ municipality_id: mid, ...r }))).execute();
    await recordAudit(tx, mid, SYSTEM_ACTOR, { action: 'seed.demo', entityType: 'municipality', entityId: mid, after: { learningCompletions: bulk.completions, learningProgress: bulk.progress, demoLoginEvents: steps.learning.length } });
    return statements;
  });
  if (statements.length === 0) return;
  // The LRS's own validation and storage, under the Mestring authority (as the player writes).
  await storeStatements(deps, mestringAuthority(deps.config.publicUrl, mid, 'Mestring', 'mestring-demo'), '1.0.3', statements, new Map());
}
