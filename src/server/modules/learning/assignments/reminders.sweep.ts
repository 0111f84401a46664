import { sql } from 'kysely';
import { withTenant } from '../../../db/tenant.js';
import type { AppDeps } from '../../../http/context.js';
import { learningReminderMail } from '../../../mail/learning-templates.js';
import { assignmentStatusSql, ensureAssignmentTargets, todayInLearningZone } from './assignment-status.js';
import { pickText } from './assignments.repository.js';

// E-mail reminders about assigned learning. Every hour (LEARNING_REMINDER_INTERVAL_MINUTES)
// the sweep finds, per municipality and with the same rules as every screen
// (assignmentStatusSql):
//   due_soon  the round is due within REMIND_DAYS_BEFORE days and is not done
//             (or, for a recurring assignment, its completion is about to expire);
//   overdue   the round's due date has passed and it is not done.
// learning_reminders holds one row per (assignment, person, due date, kind),
// so each is sent once; a new round (a new due date) is reminded anew.
//
// The row is claimed (inserted) before the mail goes out and removed again if
// sending fails, so two processes never send the same reminder and a failed
// one is retried by the next sweep. People without an e-mail address are
// skipped (and counted in the log) until they have one.

export const REMIND_DAYS_BEFORE = 7;

type Candidate = {
  assignment_id: string;
  person_id: string;
  due_date: string;
  kind: 'due_soon' | 'overdue';
  email: string | null;
  given_name: string;
  preferred_language: string;
  titles: Record<string, string>;
  languages: string[];
};

export type SweepResult = { sent: number; failed: number; withoutEmail: number };

async function remindMunicipality(deps: Pick<AppDeps, 'db' | 'mailer' | 'log' | 'config'>, municipalityId: string, today: string): Promise<SweepResult> {
  const claimed = await withTenant(deps.db, municipalityId, async (tx) => {
    await ensureAssignmentTargets(tx, municipalityId);
    const { rows } = await sql<Candidate>`
      select s.assignment_id, s.person_id, s.due_date, k.kind, p.email, p.given_name, p.preferred_language, i.titles, i.languages
        from (${assignmentStatusSql(municipalityId, {}, today)}) s
        cross join lateral (select case
              when s.overdue then 'overdue'
              when s.due_date between ${today}::date and ${today}::date + ${REMIND_DAYS_BEFORE}::int and (not s.satisfied or s.valid_until is not null) then 'due_soon'
            end as kind) k
        join persons p on p.municipality_id = ${municipalityId} and p.id = s.person_id
        join learning_items i on i.municipality_id = ${municipalityId} and i.id = s.item_id and i.status <> 'archived'
       where k.kind is not null
         and not exists (select 1 from learning_reminders r
                          where r.municipality_id = ${municipalityId} and r.assignment_id = s.assignment_id
                            and r.person_id = s.person_id and r.due_date = s.due_date and r.kind = k.kind)`.execute(tx);
    const reachable = rows.filter((r) => r.email);
    if (reachable.length === 0) return { rows: [] as Candidate[], withoutEmail: rows.length };
    const inserted = await tx
      .insertInto('learning_reminders')
      .values(reachable.map((r) => ({ municipality_id: municipalityId, assignment_id: r.assignment_id, person_id: r.person_id, due_date: r.due_date, kind: r.kind })))
      .onConflict((oc) => oc.doNothing())
      .returning(['assignment_id', 'person_id', 'kind'])
      .execute();
    const mine = new Set(inserted.map((r) => `${r.assignment_id}|${r.person_id}|${r.kind}`));
    return { rows: reachable.filter((r) => mine.has(`${r.assignment_id}|${r.person_id}|${r.kind}`)), withoutEmail: rows.length - reachable.length };
  });

  const result: SweepResult = { sent: 0, failed: 0, withoutEmail: claimed.withoutEmail };
  const link = `${deps.config.publicUrl}/my-learning`;
  for (const r of claimed.rows) {
    const mail = learningReminderMail(r.kind, r.preferred_language, { name: r.given_name, title: pickText(r.titles, r.preferred_language, r.languages), dueDate: r.due_date, link });
    try {
      await deps.mailer.send({ to: r.email!, ...mail });
      result.sent++;
    } catch (err) {
      result.failed++;
      deps.log.error({ err, municipalityId, assignmentId: r.assignment_id, personId: r.person_id }, 'learning reminder not sent; will retry');
      await withTenant(deps.db, municipalityId, (tx) =>
        tx
          .deleteFrom('learning_reminders')
          .where('municipality_id', '=', municipalityId)
          .where('assignment_id', '=', r.assignment_id)
          .where('person_id', '=', r.person_id)
          .where('due_date', '=', r.due_date)
          .where('kind', '=', r.kind)
          .execute(),
      );
    }
  }
  if (result.withoutEmail > 0) deps.log.info({ municipalityId, count: result.withoutEmail }, 'learning reminders skipped: no e-mail address');
  return result;
}

/** One pass over every municipality with active assignments. `now` is for tests. */
export async function sendLearningReminders(deps: Pick<AppDeps, 'db' | 'mailer' | 'log' | 'config'>, now: Date = new Date()): Promise<SweepResult> {
  const today = todayInLearningZone(now);
  // Cross-tenant discovery runs as the owning role; the work itself runs per tenant.
  const municipalities = await deps.db.selectFrom('learning_assignments').select('municipality_id').distinct().where('archived_at', 'is', null).execute();
  const total: SweepResult = { sent: 0, failed: 0, withoutEmail: 0 };
  for (const { municipality_id } of municipalities) {
    try {
      const r = await remindMunicipality(deps, municipality_id, today);
      total.sent += r.sent;
      total.failed += r.failed;
      total.withoutEmail += r.withoutEmail;
    } catch (err) {
      deps.log.error({ err, municipalityId: municipality_id }, 'learning reminders failed for a municipality');
    }
  }
  return total;
}

export function startLearningReminderSweep(deps: Pick<AppDeps, 'db' | 'mailer' | 'log' | 'config' | 'jobs'>): () => void {
  let running = false;
  const run = () => {
    // A slow pass (a big municipality, a slow mail server) must not overlap the next one.
    if (running) return;
    running = true;
    deps.jobs.run('learning-reminders', async () => {
      try {
        await sendLearningReminders(deps);
      } finally {
        running = false;
      }
    });
  };
  run();
  const timer = setInterval(run, deps.config.learningReminderIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
