import type { LearningStatus } from '../../../db/schema.js';
import type { TenantTx } from '../../../db/tenant.js';
import type { CourseSummary } from '../../player/player-statements.js';
import { recordLearning } from './learning-records.js';
import { itemsForSource } from './source-targets.js';

// The SCORM player as a source: when a commit changes an attempt's course
// completion or success, every catalogue item of kind 'scorm' built on the
// package hears of it, in the commit's transaction.
//
// SCORM keeps completion and success apart; a learner's status is one of
// them: passed or failed when the course judges success (a failed test is
// not a completion, even when every page was seen), else completed, else in
// progress.
//
// The first commit of an attempt is a start even when the course still says
// "not attempted" (SCORM 1.2 SCOs often set no status until the end).
//
// A finished attempt's result stays (recordLearning only moves up). When a
// later attempt (a recurring assignment's next round) reaches completion
// again, that is a new round: a new completion row, not a no-op.

export type ScormAttemptRef = { personId: string; packageId: string; startedAt: Date; firstCommit: boolean };

export function learnerStatusOf(course: CourseSummary): LearningStatus {
  if (course.success === 'passed') return 'passed';
  if (course.success === 'failed') return 'failed';
  return course.completion === 'completed' ? 'completed' : 'in_progress';
}

export async function recordScormCourseChange(tx: TenantTx, municipalityId: string, attempt: ScormAttemptRef, before: CourseSummary, after: CourseSummary): Promise<void> {
  if (before.completion === after.completion && before.success === after.success && !attempt.firstCommit) return;
  const status = learnerStatusOf(after);
  const items = await itemsForSource(tx, municipalityId, 'scorm', [attempt.packageId]);
  if (items.length === 0) return;
  const done = status === 'completed' || status === 'passed';
  const earlierRounds = done ? await completedBefore(tx, municipalityId, attempt.personId, items.map((i) => i.id), attempt.startedAt) : new Set<string>();
  const at = new Date();
  for (const item of items) {
    await recordLearning(tx, municipalityId, attempt.personId, item, {
      status,
      at,
      source: 'scorm',
      scoreScaled: after.scoreScaled,
      restart: earlierRounds.has(item.id),
    });
  }
}

/** Items whose current completion came from before this attempt started. */
async function completedBefore(tx: TenantTx, municipalityId: string, personId: string, itemIds: string[], attemptStartedAt: Date): Promise<Set<string>> {
  const rows = await tx
    .selectFrom('learning_progress')
    .select('item_id')
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('item_id', 'in', itemIds)
    .where('completed_at', '<', attemptStartedAt)
    .execute();
  return new Set(rows.map((r) => r.item_id));
}
