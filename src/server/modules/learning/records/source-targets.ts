import type { LearningItemKind } from '../../../db/schema.js';
import type { TenantTx } from '../../../db/tenant.js';
import type { ItemRef } from './learning-records.js';

// What the SCORM, cmi5 and xAPI sources share: which catalogue items a
// package or activity feeds, and which Mestring person an xAPI actor is.
// Only published and archived items count: a draft is not yet something
// anyone learns, an archived one still keeps the records of those who do.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SourceItem = ItemRef & { key: string };

/** Items of a kind that name one of the keys (package ids for scorm/cmi5, activity ids for xapi). */
export async function itemsForSource(tx: TenantTx, municipalityId: string, kind: Extract<LearningItemKind, 'scorm' | 'cmi5' | 'xapi'>, keys: string[]): Promise<SourceItem[]> {
  if (keys.length === 0) return [];
  const column = kind === 'xapi' ? 'xapi_activity_id' : 'package_id';
  const rows = await tx
    .selectFrom('learning_items')
    .select(['id', 'municipality_id', 'certificate_enabled', column])
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', kind)
    .where('status', 'in', ['published', 'archived'])
    .where(column, 'in', keys)
    .execute();
  return rows.map((r) => ({ id: r.id, municipalityId: r.municipality_id, certificateEnabled: r.certificate_enabled, key: String((r as Record<string, unknown>)[column]) }));
}

/**
 * The person id an xAPI account names when the account is this deployment's
 * (personAgent in lrs/xapi/identity.ts), else null. Not yet checked against
 * the persons table: see existingPersonIds.
 */
export function personIdOfAccount(publicUrl: string, account: { homePage?: unknown; name?: unknown } | undefined): string | null {
  if (!account || account.homePage !== publicUrl || typeof account.name !== 'string' || !UUID.test(account.name)) return null;
  return account.name.toLowerCase();
}

/** The same, from an agent key (`account:<homePage>|<name>`), as cmi5 registrations keep their actor. */
export function personIdOfAgentKey(publicUrl: string, key: string): string | null {
  const prefix = `account:${publicUrl}|`;
  return key.startsWith(prefix) ? personIdOfAccount(publicUrl, { homePage: publicUrl, name: key.slice(prefix.length) }) : null;
}

/** Of the candidate ids, those that are persons of this municipality. */
export async function existingPersonIds(tx: TenantTx, municipalityId: string, candidates: string[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const rows = await tx.selectFrom('persons').select('id').where('municipality_id', '=', municipalityId).where('id', 'in', [...new Set(candidates)]).execute();
  return new Set(rows.map((r) => r.id));
}
