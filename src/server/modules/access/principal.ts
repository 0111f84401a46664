import { sql, type Kysely } from 'kysely';
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

type PrincipalRow = {
  id: string;
  email: string;
  display_name: string;
  preferred_language: string;
  grants: PrincipalGrant[];
  persons: { municipalityId: string; personId: string }[];
  network_members: Record<string, string[]>;
};

/** The user columns and everything the policies need about the user `u`, as one select list. */
const principalColumns = sql`u.id, u.email, u.display_name, u.preferred_language,
  coalesce((select json_agg(json_build_object('id', g.id, 'role', g.role, 'scopeType', g.scope_type,
      'networkId', g.network_id, 'municipalityId', g.municipality_id, 'unitId', g.unit_id) order by g.created_at, g.id)
    from role_grants g where g.user_id = u.id), '[]'::json) as grants,
  coalesce((select json_agg(json_build_object('municipalityId', p.municipality_id, 'personId', p.id))
    from persons p where p.user_id = u.id and p.active), '[]'::json) as persons,
  coalesce((select json_object_agg(n.network_id, n.ids) from (
      select g.network_id, coalesce(json_agg(m.id) filter (where m.id is not null), '[]'::json) as ids
      from role_grants g left join municipalities m on m.network_id = g.network_id
      where g.user_id = u.id and g.network_id is not null group by g.network_id) n), '{}'::json) as network_members`;

function toPrincipal(row: PrincipalRow): Principal {
  return {
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    preferredLanguage: row.preferred_language,
    grants: row.grants,
    persons: row.persons,
    networkMembers: row.network_members,
  };
}

/** A user's principal (after sign-in or a profile change), in one query. */
export async function loadPrincipal(db: Kysely<DB>, user: { id: string }): Promise<Principal> {
  const { rows } = await sql<PrincipalRow>`select ${principalColumns} from users u where u.id = ${user.id}`.execute(db);
  if (!rows[0]) throw new Error(`user ${user.id} does not exist`);
  return toPrincipal(rows[0]);
}

/**
 * The session and everything the policies need, in one round trip: every API
 * request starts here, and on the embedded database each statement costs a
 * hop to the worker thread.
 */
export async function loadSessionPrincipal(db: Kysely<DB>, sessionHash: string) {
  const { rows } = await sql<PrincipalRow & { session_id: string; csrf_token: string; last_seen_at: Date }>`
    select s.id as session_id, s.csrf_token, s.last_seen_at, ${principalColumns}
    from sessions s join users u on u.id = s.user_id
    where s.id = ${sessionHash} and s.expires_at > now() and not u.disabled`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return { sessionId: row.session_id, csrfToken: row.csrf_token, lastSeenAt: new Date(row.last_seen_at), principal: toPrincipal(row) };
}
