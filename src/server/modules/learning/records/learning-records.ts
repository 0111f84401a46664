import type { CompletionSource, LearningStatus } from '../../../db/schema.js';
import type { TenantTx } from '../../../db/tenant.js';
import { syncLearnerTargets } from '../assignments/assignment-targets.js';
import { issueCertificateForCompletion } from '../certificates/certificate-issuer.js';

// The one way any source (built-in courses, the SCORM player, cmi5, xAPI
// statements, films, links, attendance, a manual entry) says what a learner did
// with an item. It keeps learning_progress (the current state) and appends to
// learning_completions (the history that trends, recurrence and certificates
// read), in the caller's transaction so the source's own rows and these
// commit together.
//
// Status only moves up (in_progress < failed < completed < passed), so a
// learner who revisits a passed course does not un-pass it; `restart` (a new
// attempt, a recurring assignment's next round) starts over at in_progress.
// A completion row is written when the learner reaches completed or passed
// from anything below; completed → passed in the same round updates that row
// (one course taken once counts once in a trend).

export type ItemRef = { id: string; municipalityId: string; certificateEnabled: boolean };

export type LearningEvent = {
  status: LearningStatus;
  at: Date;
  source: CompletionSource;
  scoreScaled?: number | null;
  statementId?: string | null;
  language?: string | null;
  courseVersion?: number | null;
  currentLessonId?: string | null;
  /** Start a new round: the previous outcome stays in the history, progress begins again. */
  restart?: boolean;
};

const RANK: Record<LearningStatus, number> = { in_progress: 0, failed: 1, completed: 2, passed: 3 };
const isDone = (s: LearningStatus | undefined) => s === 'completed' || s === 'passed';

export type RecordResult = { status: LearningStatus; completionId: string | null; newCompletion: boolean };

export async function recordLearning(tx: TenantTx, municipalityId: string, personId: string, item: ItemRef, event: LearningEvent): Promise<RecordResult> {
  const result = await applyLearning(tx, municipalityId, personId, item, event);
  // The learner's assignment rows carry their progress and latest completion (migration 0013).
  await syncLearnerTargets(tx, municipalityId, personId, item.id);
  return result;
}

async function applyLearning(tx: TenantTx, municipalityId: string, personId: string, item: ItemRef, event: LearningEvent): Promise<RecordResult> {
  const current = await tx
    .selectFrom('learning_progress')
    .select(['status', 'completed_at'])
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('item_id', '=', item.id)
    .forUpdate()
    .executeTakeFirst();

  const before = event.restart ? undefined : current?.status;
  const status: LearningStatus = before && RANK[before] > RANK[event.status] ? before : event.status;
  const reachesDone = isDone(status) && !isDone(before);
  const upgradesToPassed = before === 'completed' && status === 'passed';
  const score = event.scoreScaled ?? null;

  const common = {
    status,
    last_activity_at: event.at,
    ...(event.language !== undefined ? { language: event.language } : {}),
    ...(event.courseVersion !== undefined ? { course_version: event.courseVersion } : {}),
    ...(event.currentLessonId !== undefined ? { current_lesson_id: event.currentLessonId } : {}),
    ...(score !== null && (status === event.status || event.restart) ? { score_scaled: score } : {}),
    ...(reachesDone ? { completed_at: event.at } : event.restart ? { completed_at: null } : {}),
  };
  if (current) {
    await tx
      .updateTable('learning_progress')
      .set({ ...common, ...(event.restart ? { started_at: event.at } as object : {}) })
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('item_id', '=', item.id)
      .execute();
  } else {
    await tx
      .insertInto('learning_progress')
      .values({ municipality_id: municipalityId, person_id: personId, item_id: item.id, item_municipality_id: item.municipalityId, started_at: event.at, ...common })
      .execute();
  }

  if (reachesDone) {
    const { id } = await tx
      .insertInto('learning_completions')
      .values({
        municipality_id: municipalityId,
        person_id: personId,
        item_id: item.id,
        item_municipality_id: item.municipalityId,
        outcome: status as 'completed' | 'passed',
        score_scaled: score,
        source: event.source,
        statement_id: event.statementId ?? null,
        completed_at: event.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (item.certificateEnabled) await issueCertificateForCompletion(tx, municipalityId, id);
    return { status, completionId: id, newCompletion: true };
  }
  if (upgradesToPassed) {
    const latest = await tx
      .selectFrom('learning_completions')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('item_id', '=', item.id)
      .orderBy('completed_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest) {
      await tx.updateTable('learning_completions').set({ outcome: 'passed', score_scaled: score }).where('municipality_id', '=', municipalityId).where('id', '=', latest.id).execute();
      return { status, completionId: latest.id, newCompletion: false };
    }
  }
  return { status, completionId: null, newCompletion: false };
}
