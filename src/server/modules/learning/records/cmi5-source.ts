import type { TenantTx } from '../../../db/tenant.js';
import { recordLearning } from './learning-records.js';
import { existingPersonIds, itemsForSource, personIdOfAgentKey } from './source-targets.js';

// cmi5 as a source, for registrations whose actor is a Mestring person (the
// LMS launches its own people as personAgent accounts; an external harness's
// actors are nobody's learning here). An AU completed or passed is progress;
// the course is done when the LMS finds it satisfied (every AU met its
// moveOn criteria), recorded in the transaction that claims "satisfied".
// A new registration that satisfies the course again after an earlier one
// did is a new round (recurring assignments), as in scorm-source.ts.

export type Cmi5RegistrationRef = { actor_key: string; package_id: string; created_at: Date };
type SatisfiedNode = { node: { kind: 'block' | 'course' }; statement: { id?: unknown } };

async function learnerAndItems(tx: TenantTx, publicUrl: string, municipalityId: string, actorKey: string, packageId: string) {
  const personId = personIdOfAgentKey(publicUrl, actorKey);
  if (!personId) return null;
  const items = await itemsForSource(tx, municipalityId, 'cmi5', [packageId]);
  if (items.length === 0 || !(await existingPersonIds(tx, municipalityId, [personId])).has(personId)) return null;
  return { personId, items };
}

/** An AU of the registration was completed or passed (the course may not be satisfied yet). */
export async function recordCmi5AuProgress(tx: TenantTx, publicUrl: string, municipalityId: string, launch: { actorKey: string; packageId: string }): Promise<void> {
  const target = await learnerAndItems(tx, publicUrl, municipalityId, launch.actorKey, launch.packageId);
  if (!target) return;
  const at = new Date();
  for (const item of target.items) await recordLearning(tx, municipalityId, target.personId, item, { status: 'in_progress', at, source: 'cmi5' });
}

/** Called with the satisfied statements just claimed; does something only when the course is among them. */
export async function recordCmi5Satisfied(tx: TenantTx, publicUrl: string, municipalityId: string, registration: Cmi5RegistrationRef, claimed: SatisfiedNode[]): Promise<void> {
  const course = claimed.find((c) => c.node.kind === 'course');
  if (!course) return;
  const target = await learnerAndItems(tx, publicUrl, municipalityId, registration.actor_key, registration.package_id);
  if (!target) return;
  const earlier = await tx
    .selectFrom('learning_progress')
    .select('item_id')
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', target.personId)
    .where('item_id', 'in', target.items.map((i) => i.id))
    .where('completed_at', '<', registration.created_at)
    .execute();
  const newRound = new Set(earlier.map((r) => r.item_id));
  const at = new Date();
  const statementId = typeof course.statement.id === 'string' ? course.statement.id : null;
  for (const item of target.items) {
    await recordLearning(tx, municipalityId, target.personId, item, { status: 'completed', at, source: 'cmi5', statementId, restart: newRound.has(item.id) });
  }
}
