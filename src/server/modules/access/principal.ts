import type { Kysely } from 'kysely';
import type { Role, ScopeType } from '../../../shared/domain.js';
import type { DB } from '../../db/schema.js';

export type PrincipalGrant = {
  id: string;
  role: Role;
  scopeType: ScopeType;
  networkId: string | null;
  municipalityId: string | null;
  unitId: string | null;
};

/** Who is asking: the signed-in account with every role grant it holds. */
export type Principal = {
  userId: string;
  email: string;
  displayName: string;
  preferredLanguage: string;
  grants: PrincipalGrant[];
  /** Employee records of this account: the municipalities it works in. */
  persons: { municipalityId: string; personId: string }[];
  /** For network-scoped grants: the municipalities in each such network. */
  networkMembers: Record<string, string[]>;
};

export async function loadPrincipal(db: Kysely<DB>, user: { id: string; email: string; display_name: string; preferred_language: string }): Promise<Principal> {
  const [grants, persons] = await Promise.all([
    db
      .selectFrom('role_grants')
      .select(['id', 'role', 'scope_type', 'network_id', 'municipality_id', 'unit_id'])
      .where('user_id', '=', user.id)
      .execute(),
    db.selectFrom('persons').select(['municipality_id', 'id']).where('user_id', '=', user.id).where('active', '=', true).execute(),
  ]);
  const networkIds = [...new Set(grants.map((g) => g.network_id).filter((id): id is string => id !== null))];
  const networkMembers: Record<string, string[]> = {};
  if (networkIds.length > 0) {
    const rows = await db.selectFrom('municipalities').select(['id', 'network_id']).where('network_id', 'in', networkIds).execute();
    for (const id of networkIds) networkMembers[id] = rows.filter((r) => r.network_id === id).map((r) => r.id);
  }
  return {
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    preferredLanguage: user.preferred_language,
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role as Role,
      scopeType: g.scope_type as ScopeType,
      networkId: g.network_id,
      municipalityId: g.municipality_id,
      unitId: g.unit_id,
    })),
    persons: persons.map((p) => ({ municipalityId: p.municipality_id, personId: p.id })),
    networkMembers,
  };
}
