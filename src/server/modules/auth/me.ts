import type { Kysely } from 'kysely';
import type { Me } from '../../../shared/api/auth.js';
import type { Language } from '../../../shared/domain.js';
import type { DB } from '../../db/schema.js';
import { isPlatformAdmin, visibleNetworkIds } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

/** The signed-in user's view of themselves: identity, grants and where they may go. */
export async function buildMe(db: Kysely<DB>, p: Principal, csrfToken: string): Promise<Me> {
  const platform = isPlatformAdmin(p) || p.grants.some((g) => g.scopeType === 'platform');
  const municipalityIds = new Set<string>([
    ...p.persons.map((x) => x.municipalityId),
    ...p.grants.map((g) => g.municipalityId).filter((id): id is string => id !== null),
    ...Object.values(p.networkMembers).flat(),
  ]);
  let mq = db.selectFrom('municipalities').select(['id', 'name', 'code', 'country', 'network_id']).orderBy('name');
  if (!platform) mq = mq.where('id', 'in', municipalityIds.size > 0 ? [...municipalityIds] : ['00000000-0000-0000-0000-000000000000']);
  const networkIds = visibleNetworkIds(p);
  let nq = db.selectFrom('networks').select(['id', 'name']).orderBy('name');
  if (!platform) nq = nq.where('id', 'in', networkIds.length > 0 ? networkIds : ['00000000-0000-0000-0000-000000000000']);
  const unitIds = p.grants.map((g) => g.unitId).filter((id): id is string => id !== null);
  const [municipalities, networks, units] = await Promise.all([
    mq.execute(),
    nq.execute(),
    unitIds.length > 0 ? db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute() : Promise.resolve([]),
  ]);
  const names = new Map<string, string>([
    ...municipalities.map((m) => [m.id, m.name] as [string, string]),
    ...networks.map((n) => [n.id, n.name] as [string, string]),
    ...units.map((u) => [u.id, u.name] as [string, string]),
  ]);
  return {
    user: { id: p.userId, email: p.email, displayName: p.displayName, preferredLanguage: p.preferredLanguage as Language },
    persons: p.persons,
    grants: p.grants.map((g) => ({ ...g, scopeName: names.get(g.unitId ?? g.municipalityId ?? g.networkId ?? '') ?? null })),
    municipalities: municipalities.map((m) => ({ id: m.id, name: m.name, code: m.code, country: m.country, networkId: m.network_id })),
    networks,
    csrfToken,
  };
}
