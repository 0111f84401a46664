import { sql, type Expression, type SqlBool } from 'kysely';
import type { ItemStatus } from '../../../../shared/api/learning.js';
import type { Language } from '../../../../shared/domain.js';
import type { LearningItemKind } from '../../../db/schema.js';
import type { TenantTx } from '../../../db/tenant.js';
import type { CatalogueVisibility } from './catalogue.policy.js';
import { titleSortKey } from './catalogue-sort.js';

// SQL of the catalogue. The list is one query (filters, page, total by a
// window, the caller's own progress by a join) plus one for the page's tags,
// so it stays fast with thousands of items (learning_items_catalogue index
// on municipality, status, kind; tags by primary key). Titles sort by a key
// built in SQL for the reader's language (catalogue-sort.ts says why it is not
// an ICU collation: PGlite's ICU has no Nordic tailorings).

export type ItemRow = {
  municipality_id: string;
  id: string;
  kind: LearningItemKind;
  owner_network_id: string | null;
  owner_network_name: string | null;
  status: ItemStatus;
  titles: Record<string, string>;
  descriptions: Record<string, string>;
  languages: string[];
  duration_minutes: number | null;
  framework_version_id: string | null;
  package_id: string | null;
  url: string | null;
  xapi_activity_id: string | null;
  certificate_enabled: boolean;
  created_at: Date;
  updated_at: Date;
};
export type TagRow = { item_id: string; competence_code: string; level: number | null; name: unknown };

const ITEM_COLUMNS = [
  'i.municipality_id',
  'i.id',
  'i.kind',
  'i.owner_network_id',
  'n.name as owner_network_name',
  'i.status',
  'i.titles',
  'i.descriptions',
  'i.languages',
  'i.duration_minutes',
  'i.framework_version_id',
  'i.package_id',
  'i.url',
  'i.xapi_activity_id',
  'i.certificate_enabled',
  'i.created_at',
  'i.updated_at',
] as const;

const items = (tx: TenantTx, municipalityId: string) =>
  tx.selectFrom('learning_items as i').leftJoin('networks as n', 'n.id', 'i.owner_network_id').where('i.municipality_id', '=', municipalityId);

/** The title in the first language of the chain the item has (every language is in the chain). */
const titleIn = (chain: readonly Language[]) => sql<string>`coalesce(${sql.join(chain.map((l) => sql`i.titles->>${l}`))})`;

/** A LIKE pattern that matches the text anywhere, with the user's %, _ and \ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

export type ListFilter = {
  q?: string;
  kind?: LearningItemKind;
  competence?: string;
  language?: Language;
  minMinutes?: number;
  maxMinutes?: number;
  statuses: readonly ItemStatus[];
};

export async function listItems(
  tx: TenantTx,
  municipalityId: string,
  f: ListFilter & { visibility: CatalogueVisibility; personId: string | null; chain: readonly Language[]; limit: number; offset: number },
) {
  let q = items(tx, municipalityId).where('i.status', 'in', [...f.statuses]);
  if (!f.visibility.allStatuses) {
    const networks = f.visibility.networkIds;
    q = q.where((eb) => (networks.length > 0 ? eb.or([eb('i.status', '=', 'published'), eb('i.owner_network_id', 'in', networks)]) : eb('i.status', '=', 'published')));
  }
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.language) q = q.where(sql<SqlBool>`${f.language} = any(i.languages)`);
  if (f.minMinutes !== undefined) q = q.where('i.duration_minutes', '>=', f.minMinutes);
  if (f.maxMinutes !== undefined) q = q.where('i.duration_minutes', '<=', f.maxMinutes);
  if (f.competence) {
    const code = f.competence;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('learning_item_competences as c').select('c.item_id').whereRef('c.municipality_id', '=', 'i.municipality_id').whereRef('c.item_id', '=', 'i.id').where('c.competence_code', '=', code)),
    );
  }
  const text = f.q?.trim();
  if (text) {
    const pattern = containing(text);
    q = q.where(
      sql<SqlBool>`(exists (select 1 from jsonb_each_text(i.titles) t where t.value ilike ${pattern})
        or exists (select 1 from jsonb_each_text(i.descriptions) d where d.value ilike ${pattern}))`,
    );
  }
  const title = titleIn(f.chain);
  return q
    .leftJoin('learning_progress as p', (join) =>
      join
        .onRef('p.municipality_id', '=', 'i.municipality_id')
        .onRef('p.item_id', '=', 'i.id')
        .on('p.person_id', '=', f.personId ?? '00000000-0000-0000-0000-000000000000'),
    )
    .select([...ITEM_COLUMNS, 'p.status as my_status', sql<number>`count(*) over ()`.as('total')])
    .orderBy(titleSortKey(title, f.chain[0] ?? 'nb'))
    .orderBy(sql`(${title}) collate "C"`)
    .orderBy('i.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

export function findItem(tx: TenantTx, municipalityId: string, itemId: string): Promise<ItemRow | undefined> {
  return items(tx, municipalityId).select(ITEM_COLUMNS).where('i.id', '=', itemId).executeTakeFirst();
}

/** Locks the item, so concurrent saves and deletes take turns. */
export function lockItem(tx: TenantTx, municipalityId: string, itemId: string): Promise<ItemRow | undefined> {
  return items(tx, municipalityId).select(ITEM_COLUMNS).where('i.id', '=', itemId).forUpdate('i').executeTakeFirst();
}

export async function myProgress(tx: TenantTx, municipalityId: string, personId: string, itemId: string) {
  const row = await tx
    .selectFrom('learning_progress')
    .select('status')
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row?.status ?? null;
}

/** The items' competence tags, with each competence's name from the item's framework version. */
export function tagsOf(tx: TenantTx, municipalityId: string, itemIds: readonly string[]): Promise<TagRow[]> {
  if (itemIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('learning_item_competences as c')
    .innerJoin('learning_items as i', (j) => j.onRef('i.municipality_id', '=', 'c.municipality_id').onRef('i.id', '=', 'c.item_id'))
    .leftJoin('framework_competences as fc', (j) => j.onRef('fc.version_id', '=', 'i.framework_version_id').onRef('fc.code', '=', 'c.competence_code'))
    .select(['c.item_id', 'c.competence_code', 'c.level', 'fc.name'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.item_id', 'in', [...itemIds])
    .orderBy('fc.position')
    .orderBy('c.competence_code')
    .execute();
}

export type ItemValues = {
  titles: Record<string, string>;
  descriptions: Record<string, string>;
  languages: string[];
  duration_minutes: number | null;
  framework_version_id: string | null;
  package_id: string | null;
  url: string | null;
  xapi_activity_id: string | null;
  certificate_enabled: boolean;
};

export async function insertItem(tx: TenantTx, municipalityId: string, v: ItemValues & { kind: LearningItemKind; status: 'draft' | 'published'; owner_network_id: string | null; created_by: string | null }) {
  const { id } = await tx
    .insertInto('learning_items')
    .values({ municipality_id: municipalityId, ...v, titles: JSON.stringify(v.titles), descriptions: JSON.stringify(v.descriptions) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateItem(tx: TenantTx, municipalityId: string, itemId: string, v: Partial<ItemValues> & { status?: ItemStatus }) {
  const { titles, descriptions, ...rest } = v;
  await tx
    .updateTable('learning_items')
    .set({
      ...rest,
      ...(titles ? { titles: JSON.stringify(titles) } : {}),
      ...(descriptions ? { descriptions: JSON.stringify(descriptions) } : {}),
      updated_at: new Date(),
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', itemId)
    .execute();
}

export async function replaceTags(tx: TenantTx, municipalityId: string, itemId: string, tags: readonly { code: string; level: number | null }[]) {
  await tx.deleteFrom('learning_item_competences').where('municipality_id', '=', municipalityId).where('item_id', '=', itemId).execute();
  if (tags.length === 0) return;
  await tx
    .insertInto('learning_item_competences')
    .values(tags.map((t) => ({ municipality_id: municipalityId, item_id: itemId, competence_code: t.code, level: t.level })))
    .execute();
}

export async function deleteItem(tx: TenantTx, municipalityId: string, itemId: string) {
  await tx.deleteFrom('learning_items').where('municipality_id', '=', municipalityId).where('id', '=', itemId).execute();
}

/** What people have done with the item or been asked to do: any of it keeps the item (archive it instead). */
export async function itemUse(tx: TenantTx, municipalityId: string, itemId: string) {
  const count = (e: Expression<unknown>) => sql<number>`(${e})`;
  const row = await tx
    .selectNoFrom([
      count(tx.selectFrom('learning_progress').select(sql`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).where('item_id', '=', itemId)).as('progress'),
      count(tx.selectFrom('learning_completions').select(sql`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).where('item_id', '=', itemId)).as('completions'),
      count(tx.selectFrom('learning_assignments').select(sql`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).where('item_id', '=', itemId)).as('assignments'),
      count(
        tx
          .selectFrom('learning_registrations as r')
          .innerJoin('learning_sessions as s', (j) => j.onRef('s.municipality_id', '=', 'r.municipality_id').onRef('s.id', '=', 'r.session_id'))
          .select(sql`count(*)::int`.as('n'))
          .where('r.municipality_id', '=', municipalityId)
          .where('s.item_id', '=', itemId),
      ).as('registrations'),
    ])
    .executeTakeFirstOrThrow();
  return { progress: row.progress, completions: row.completions, assignments: row.assignments, registrations: row.registrations };
}

export function findPackage(tx: TenantTx, municipalityId: string, packageId: string) {
  return tx.selectFrom('packages').select(['id', 'family']).where('municipality_id', '=', municipalityId).where('id', '=', packageId).executeTakeFirst();
}

/** Competences the visible items are tagged with, how many visible items each, and a name from one of their framework versions. */
export function tagFacets(tx: TenantTx, municipalityId: string, visibility: CatalogueVisibility) {
  let q = tx
    .selectFrom('learning_item_competences as c')
    .innerJoin('learning_items as i', (j) => j.onRef('i.municipality_id', '=', 'c.municipality_id').onRef('i.id', '=', 'c.item_id'))
    .leftJoin('framework_competences as fc', (j) => j.onRef('fc.version_id', '=', 'i.framework_version_id').onRef('fc.code', '=', 'c.competence_code'))
    .where('c.municipality_id', '=', municipalityId);
  if (visibility.allStatuses) q = q.where('i.status', '!=', 'archived');
  else {
    const networks = visibility.networkIds;
    q = q.where((eb) =>
      networks.length > 0 ? eb.or([eb('i.status', '=', 'published'), eb.and([eb('i.owner_network_id', 'in', networks), eb('i.status', '!=', 'archived')])]) : eb('i.status', '=', 'published'),
    );
  }
  return q
    .select(['c.competence_code', sql<number>`count(*)::int`.as('item_count'), sql<unknown>`(array_agg(fc.name order by fc.version_id))[1]`.as('name')])
    .groupBy('c.competence_code')
    .orderBy('c.competence_code')
    .execute();
}
