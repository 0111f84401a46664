import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TenantTx } from '../../db/tenant.js';

type Db = Kysely<DB> | Transaction<DB>;

export const municipalityColumns = ['id', 'network_id', 'country', 'code', 'name', 'population', 'size_class', 'default_language', 'anonymity_threshold', 'share_national_benchmarks'] as const;

export function findMunicipality(db: Db, id: string) {
  return db.selectFrom('municipalities').select(municipalityColumns).where('id', '=', id).executeTakeFirst();
}

export function listMunicipalities(db: Db, ids: string[] | 'all') {
  let q = db.selectFrom('municipalities').select(municipalityColumns).orderBy('name');
  if (ids !== 'all') q = q.where('id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}

export function listNetworks(db: Db, ids: string[] | 'all') {
  let q = db
    .selectFrom('networks')
    .leftJoin('municipalities', 'municipalities.network_id', 'networks.id')
    .select(['networks.id', 'networks.name', 'networks.slug', (eb) => eb.fn.count<number>('municipalities.id').as('municipality_count')])
    .groupBy(['networks.id', 'networks.name', 'networks.slug'])
    .orderBy('networks.name');
  if (ids !== 'all') q = q.where('networks.id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);
  return q.execute();
}

/** The network's member municipalities, or undefined when there is no such network. */
export async function networkMembersIfExists(db: Db, networkId: string): Promise<string[] | undefined> {
  const network = await db.selectFrom('networks').select('id').where('id', '=', networkId).executeTakeFirst();
  return network ? networkMemberIds(db, networkId) : undefined;
}

export function networkMemberIds(db: Db, networkId: string) {
  return db.selectFrom('municipalities').select('id').where('network_id', '=', networkId).execute().then((r) => r.map((x) => x.id));
}

export function listUnits(tx: TenantTx, municipalityId: string) {
  return tx
    .selectFrom('units')
    .leftJoin('person_units', (j) => j.onRef('person_units.municipality_id', '=', 'units.municipality_id').onRef('person_units.unit_id', '=', 'units.id'))
    .select(['units.id', 'units.municipality_id', 'units.parent_id', 'units.code', 'units.name', 'units.kind', (eb) => eb.fn.count<number>('person_units.person_id').as('member_count')])
    .where('units.municipality_id', '=', municipalityId)
    .groupBy(['units.municipality_id', 'units.id'])
    .orderBy('units.name')
    .execute();
}

export function findUnit(tx: TenantTx, municipalityId: string, unitId: string) {
  return tx.selectFrom('units').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', unitId).executeTakeFirst();
}

/** The unit and everything below it: leaders of a unit see its teams too. */
export async function unitSubtreeIds(tx: TenantTx | Db, municipalityId: string, rootIds: string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await sql<{ id: string }>`
    with recursive tree as (
      select id from units where municipality_id = ${municipalityId} and id in (${sql.join(rootIds)})
      union
      select u.id from units u join tree t on u.parent_id = t.id where u.municipality_id = ${municipalityId}
    ) select id from tree`.execute(tx);
  return rows.rows.map((r) => r.id);
}

/** True when `candidateParent` is `unitId` itself or lies below it (the move would make a cycle). */
export async function wouldCycle(tx: TenantTx, municipalityId: string, unitId: string, candidateParent: string): Promise<boolean> {
  const below = await unitSubtreeIds(tx, municipalityId, [unitId]);
  return below.includes(candidateParent);
}
