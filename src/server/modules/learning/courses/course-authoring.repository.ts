import { sql } from 'kysely';
import type { TenantTx } from '../../../db/tenant.js';

// SQL for course editions (one draft per course and language) and their
// published, immutable versions.

export async function listEditions(tx: TenantTx, municipalityId: string, itemId: string) {
  return tx
    .selectFrom('course_editions as e')
    .leftJoin('course_versions as v', (j) =>
      j.onRef('v.municipality_id', '=', 'e.municipality_id').onRef('v.item_id', '=', 'e.item_id').onRef('v.language', '=', 'e.language').onRef('v.version', '=', 'e.published_version'),
    )
    .select(['e.language', 'e.draft', 'e.draft_updated_at', 'e.published_version', 'v.content as published_content', 'v.published_at'])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.item_id', '=', itemId)
    .execute();
}

export async function findEdition(tx: TenantTx, municipalityId: string, itemId: string, language: string, options: { lock?: boolean } = {}) {
  let q = tx
    .selectFrom('course_editions')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('item_id', '=', itemId)
    .where('language', '=', language);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** false when another request created the edition first. */
export async function insertEdition(tx: TenantTx, municipalityId: string, itemId: string, language: string, draft: unknown, at: Date, userId: string | null): Promise<boolean> {
  const row = await tx
    .insertInto('course_editions')
    .values({ municipality_id: municipalityId, item_id: itemId, language, draft: JSON.stringify(draft), draft_updated_at: at, draft_updated_by: userId })
    .onConflict((oc) => oc.columns(['municipality_id', 'item_id', 'language']).doNothing())
    .returning('language')
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateDraft(tx: TenantTx, municipalityId: string, itemId: string, language: string, draft: unknown, at: Date, userId: string | null) {
  await tx
    .updateTable('course_editions')
    .set({ draft: JSON.stringify(draft), draft_updated_at: at, draft_updated_by: userId })
    .where('municipality_id', '=', municipalityId)
    .where('item_id', '=', itemId)
    .where('language', '=', language)
    .execute();
}

/** Freezes content as the next version of the edition (the edition row is locked by the caller). */
export async function insertVersion(tx: TenantTx, municipalityId: string, itemId: string, language: string, content: unknown, userId: string | null) {
  const { next } = await tx
    .selectFrom('course_versions')
    .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
    .where('municipality_id', '=', municipalityId)
    .where('item_id', '=', itemId)
    .where('language', '=', language)
    .executeTakeFirstOrThrow();
  const row = await tx
    .insertInto('course_versions')
    .values({ municipality_id: municipalityId, item_id: itemId, language, version: next, content: JSON.stringify(content), published_by: userId })
    .returning(['version', 'published_at'])
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('course_editions')
    .set({ published_version: row.version })
    .where('municipality_id', '=', municipalityId)
    .where('item_id', '=', itemId)
    .where('language', '=', language)
    .execute();
  return row;
}

export async function listVersions(tx: TenantTx, municipalityId: string, itemId: string, language: string) {
  return tx
    .selectFrom('course_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select(['v.version', 'v.published_at', 'v.content', 'u.display_name'])
    .where('v.municipality_id', '=', municipalityId)
    .where('v.item_id', '=', itemId)
    .where('v.language', '=', language)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function findVersion(tx: TenantTx, municipalityId: string, itemId: string, language: string, version: number) {
  return tx
    .selectFrom('course_versions')
    .select(['version', 'content', 'published_at'])
    .where('municipality_id', '=', municipalityId)
    .where('item_id', '=', itemId)
    .where('language', '=', language)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The latest published version per language. */
export async function latestVersions(tx: TenantTx, municipalityId: string, itemId: string) {
  return tx
    .selectFrom('course_editions')
    .select(['language', 'published_version'])
    .where('municipality_id', '=', municipalityId)
    .where('item_id', '=', itemId)
    .where('published_version', 'is not', null)
    .execute() as Promise<{ language: string; published_version: number }[]>;
}

export async function findAssets(tx: TenantTx, municipalityId: string, itemId: string, assetIds: string[]) {
  if (assetIds.length === 0) return [];
  return tx
    .selectFrom('learning_assets')
    .select(['id', 'content_type'])
    .where('municipality_id', '=', municipalityId)
    .where('item_id', '=', itemId)
    .where('id', 'in', assetIds)
    .execute();
}
