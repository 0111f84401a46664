import { sql, type Kysely } from 'kysely';
import type { Me } from '../../../shared/api/auth.js';
import type { Language } from '../../../shared/domain.js';
import type { DB } from '../../db/schema.js';
import { visibleMunicipalityIds, visibleNetworkIds } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';

type MeRow = {
  municipalities: Me['municipalities'];
  networks: Me['networks'];
  names: Record<string, string>;
};

/** The signed-in user's view of themselves: identity, grants and where they may go (one query). */
export async function buildMe(db: Kysely<DB>, p: Principal, csrfToken: string): Promise<Me> {
  const platform = p.grants.some((g) => g.scopeType === 'platform');
  const municipalityIds = visibleMunicipalityIds(p);
  const networkIds = visibleNetworkIds(p);
  const unitIds = p.grants.map((g) => g.unitId).filter((id): id is string => id !== null);
  const { rows } = await sql<MeRow>`
    select
      (select coalesce(json_agg(json_build_object('id', m.id, 'name', m.name, 'code', m.code, 'country', m.country, 'networkId', m.network_id) order by m.name), '[]'::json)
         from municipalities m where ${platform} or m.id = any(${municipalityIds}::uuid[])) as municipalities,
      (select coalesce(json_agg(json_build_object('id', n.id, 'name', n.name) order by n.name), '[]'::json)
         from networks n where ${platform} or n.id = any(${networkIds}::uuid[])) as networks,
      (select coalesce(json_object_agg(x.id, x.name), '{}'::json) from (
         select id, name from municipalities where id = any(${municipalityIds}::uuid[])
         union all select id, name from networks where id = any(${networkIds}::uuid[])
         union all select id, name from units where id = any(${unitIds}::uuid[])) x) as names`.execute(db);
  const row = rows[0]!;
  return {
    user: { id: p.userId, email: p.email, displayName: p.displayName, preferredLanguage: p.preferredLanguage as Language },
    persons: p.persons,
    grants: p.grants.map((g) => ({ ...g, scopeName: row.names[g.unitId ?? g.municipalityId ?? g.networkId ?? ''] ?? null })),
    municipalities: row.municipalities,
    networks: row.networks,
    csrfToken,
  };
}
