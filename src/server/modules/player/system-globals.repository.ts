import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.js';
import { noSystemGlobals, type SystemGlobals } from './system-globals.js';

// SQL for a learner's system-global objectives and shared data stores
// (migration 0011). Every call names the municipality and the person.

/** The learner's values of the given targets. */
export async function readSystemGlobals(tx: TenantTx, municipalityId: string, personId: string, targets: { objectives: string[]; sharedData: string[] }): Promise<SystemGlobals> {
  const globals = noSystemGlobals();
  if (targets.objectives.length > 0) {
    const rows = await tx
      .selectFrom('player_global_objectives')
      .select(['objective_id', 'state'])
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('objective_id', 'in', targets.objectives)
      .execute();
    for (const r of rows) globals.objectives.set(r.objective_id, r.state as Record<string, unknown>);
  }
  if (targets.sharedData.length > 0) {
    const rows = await tx
      .selectFrom('player_shared_data')
      .select(['target_id', 'store'])
      .where('municipality_id', '=', municipalityId)
      .where('person_id', '=', personId)
      .where('target_id', 'in', targets.sharedData)
      .execute();
    for (const r of rows) globals.sharedData.set(r.target_id, r.store);
  }
  return globals;
}

/**
 * Upserts the values, stamped with the transaction's time. Last write wins:
 * a row is only replaced by a write at least as recent (transaction times of
 * concurrent writers may interleave with their commit order).
 */
export async function writeSystemGlobals(tx: TenantTx, municipalityId: string, personId: string, globals: SystemGlobals): Promise<void> {
  if (globals.objectives.size > 0) {
    await tx
      .insertInto('player_global_objectives')
      .values([...globals.objectives].map(([id, state]) => ({ municipality_id: municipalityId, person_id: personId, objective_id: id, state: JSON.stringify(state), updated_at: sql<Date>`now()` })))
      .onConflict((oc) =>
        oc
          .columns(['municipality_id', 'person_id', 'objective_id'])
          .doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), updated_at: eb.ref('excluded.updated_at') }))
          .where((eb) => eb('player_global_objectives.updated_at', '<=', eb.ref('excluded.updated_at'))),
      )
      .execute();
  }
  if (globals.sharedData.size > 0) {
    await tx
      .insertInto('player_shared_data')
      .values([...globals.sharedData].map(([id, store]) => ({ municipality_id: municipalityId, person_id: personId, target_id: id, store, updated_at: sql<Date>`now()` })))
      .onConflict((oc) =>
        oc
          .columns(['municipality_id', 'person_id', 'target_id'])
          .doUpdateSet((eb) => ({ store: eb.ref('excluded.store'), updated_at: eb.ref('excluded.updated_at') }))
          .where((eb) => eb('player_shared_data.updated_at', '<=', eb.ref('excluded.updated_at'))),
      )
      .execute();
  }
}
