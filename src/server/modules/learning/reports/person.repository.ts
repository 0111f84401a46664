import type { TenantTx } from '../../../db/tenant.js';

// One person's learning for the drill-down: who they are, where they work,
// their latest scores and the completions of items nobody assigned them.

export async function findPerson(tx: TenantTx, municipalityId: string, personId: string) {
  return tx
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'employee_number', 'profession', 'active'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', personId)
    .executeTakeFirst();
}

export async function unitsOfPerson(tx: TenantTx, municipalityId: string, personId: string) {
  return tx
    .selectFrom('person_units as pu')
    .innerJoin('units as u', (j) => j.onRef('u.municipality_id', '=', 'pu.municipality_id').onRef('u.id', '=', 'pu.unit_id'))
    .select(['u.id', 'u.name', 'pu.is_primary'])
    .where('pu.municipality_id', '=', municipalityId)
    .where('pu.person_id', '=', personId)
    .orderBy('pu.is_primary', 'desc')
    .orderBy('u.name')
    .execute();
}

export async function itemsByIds(tx: TenantTx, municipalityId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return tx.selectFrom('learning_items').select(['id', 'titles', 'kind']).where('municipality_id', '=', municipalityId).where('id', 'in', itemIds).execute();
}

export async function scoresOf(tx: TenantTx, municipalityId: string, personId: string) {
  return tx.selectFrom('learning_progress').select(['item_id', 'score_scaled']).where('municipality_id', '=', municipalityId).where('person_id', '=', personId).execute();
}

/** Completions of items other than the given ones, newest first (at most 500: a lifetime of own-choice learning). */
export async function otherCompletions(tx: TenantTx, municipalityId: string, personId: string, exceptItemIds: string[]) {
  let q = tx
    .selectFrom('learning_completions as c')
    .leftJoin('learning_items as li', (j) => j.onRef('li.municipality_id', '=', 'c.municipality_id').onRef('li.id', '=', 'c.item_id'))
    .select(['c.item_id', 'c.outcome', 'c.completed_at', 'c.score_scaled', 'c.source', 'li.titles', 'li.kind'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.person_id', '=', personId);
  if (exceptItemIds.length > 0) q = q.where('c.item_id', 'not in', exceptItemIds);
  return q.orderBy('c.completed_at', 'desc').limit(500).execute();
}
