import { sql } from 'kysely';
import type { ItemSummary, MyLearning } from '../../../../shared/api/assignments.js';
import type { TenantTx } from '../../../db/tenant.js';
import { withTenant } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import { assignmentStatuses, todayInLearningZone, type AssignmentStatusRow } from './assignment-status.js';
import { learnerPersonId } from './assignments.policy.js';
import { pickText } from './assignments.repository.js';
import { recommendFor } from './recommendations.js';

// "My learning": what the signed-in person must do (assigned), might do
// (recommended), has started and has finished. A fixed number of indexed
// queries for one person, whatever the size of the municipality.

const MAX_COMPLETED = 100;

function summaries(tx: TenantTx, municipalityId: string, itemIds: string[], language: string): Promise<Map<string, ItemSummary>> {
  if (itemIds.length === 0) return Promise.resolve(new Map());
  return tx
    .selectFrom('learning_items')
    .select(['id', 'kind', 'titles', 'languages', 'duration_minutes'])
    .where('municipality_id', '=', municipalityId)
    .where(sql<boolean>`id = any(${itemIds}::uuid[])`)
    .execute()
    .then(
      (rows) =>
        new Map(
          rows.map((r) => [
            r.id,
            { id: r.id, kind: r.kind, title: pickText(r.titles, language, r.languages), durationMinutes: r.duration_minutes, languages: r.languages as ItemSummary['languages'] },
          ]),
        ),
    );
}

/** One row per item: the round due first (no deadline last); an unfinished one before a finished one on the same day. */
function earliestPerItem(rows: AssignmentStatusRow[]): AssignmentStatusRow[] {
  const key = (r: AssignmentStatusRow) => `${r.dueDate ?? '9999-12-31'}|${r.status === 'completed' ? 1 : 0}`;
  const best = new Map<string, AssignmentStatusRow>();
  for (const r of rows) {
    const current = best.get(r.itemId);
    if (!current || key(r) < key(current)) best.set(r.itemId, r);
  }
  return [...best.values()];
}

export async function myLearning(ctx: RequestContext, municipalityId: string, lang?: string): Promise<MyLearning> {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const personId = learnerPersonId(p, municipalityId);
  if (!personId) throw AppError.forbidden('Only employees of this municipality have their own learning here.');
  const language = lang ?? p.preferredLanguage;

  return withTenant(ctx.db, municipalityId, async (tx) => {
    const [statusRows, progress, completions] = await Promise.all([
      assignmentStatuses(tx, municipalityId, { personIds: [personId] }, todayInLearningZone()),
      tx
        .selectFrom('learning_progress')
        .select(['item_id', 'status', 'started_at', 'last_activity_at'])
        .where('municipality_id', '=', municipalityId)
        .where('person_id', '=', personId)
        .where('status', 'in', ['in_progress', 'failed'])
        .orderBy('last_activity_at', 'desc')
        .execute(),
      sql<{ item_id: string; completed_at: Date; outcome: 'completed' | 'passed'; score_scaled: number | null }>`
        select * from (
          select distinct on (item_id) item_id, completed_at, outcome, score_scaled
            from learning_completions
           where municipality_id = ${municipalityId} and person_id = ${personId}
           order by item_id, completed_at desc) latest
         order by completed_at desc limit ${MAX_COMPLETED}`
        .execute(tx)
        .then((r) => r.rows),
    ]);
    const notes = new Map(
      statusRows.length
        ? (
            await tx
              .selectFrom('learning_assignments')
              .select(['id', 'note'])
              .where('municipality_id', '=', municipalityId)
              .where(sql<boolean>`id = any(${statusRows.map((r) => r.assignmentId)}::uuid[])`)
              .execute()
          ).map((r) => [r.id, r.note])
        : [],
    );

    const perItem = earliestPerItem(statusRows);
    // A recurring round about to expire is work to do again, so it stays under "assigned".
    const open = perItem.filter((r) => r.status !== 'completed' || r.dueSoon);
    const assignedItems = new Set(statusRows.map((r) => r.itemId));
    const exclude = [...new Set([...assignedItems, ...completions.map((c) => c.item_id)])];
    const recommended = await recommendFor(tx, municipalityId, personId, exclude, language);
    const items = await summaries(tx, municipalityId, [...new Set([...exclude, ...progress.map((r) => r.item_id), ...recommended.map((r) => r.itemId)])], language);

    const dueOrder = (r: AssignmentStatusRow) => `${r.overdue ? 0 : 1}|${r.dueDate ?? '9999-12-31'}`;
    return {
      personId,
      assigned: open
        .filter((r) => items.has(r.itemId))
        .sort((x, y) => dueOrder(x).localeCompare(dueOrder(y)) || items.get(x.itemId)!.title.localeCompare(items.get(y.itemId)!.title, language))
        .map((r) => ({
          assignmentId: r.assignmentId,
          item: items.get(r.itemId)!,
          status: r.status,
          dueDate: r.dueDate,
          overdue: r.overdue,
          dueSoon: r.dueSoon,
          recurrenceMonths: r.recurrenceMonths,
          validUntil: r.validUntil,
          note: notes.get(r.assignmentId) ?? null,
        })),
      recommended: recommended.filter((r) => items.has(r.itemId)).map((r) => ({ item: items.get(r.itemId)!, reasons: r.reasons })),
      inProgress: progress
        .filter((r) => !assignedItems.has(r.item_id) && items.has(r.item_id))
        .map((r) => ({ item: items.get(r.item_id)!, status: r.status as 'in_progress' | 'failed', startedAt: r.started_at.toISOString(), lastActivityAt: r.last_activity_at.toISOString() })),
      completed: completions
        .filter((c) => items.has(c.item_id))
        .map((c) => ({ item: items.get(c.item_id)!, completedAt: c.completed_at.toISOString(), outcome: c.outcome, scoreScaled: c.score_scaled })),
    };
  });
}
