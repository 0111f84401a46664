import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { createMunicipalGrantBody, createNetworkGrantBody, RoleGrantView } from '../../../shared/api/access.js';
import { ROLE_SCOPES, type Role, type ScopeType } from '../../../shared/domain.js';
import type { DB } from '../../db/schema.js';
import { withSystem, withTenant } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../http/context.js';
import { recordAudit, recordPlatformAudit } from '../audit/audit.repository.js';
import { sendInvite } from '../auth/auth.service.js';
import { peoplePolicy } from '../people/people.policy.js';
import { tenancyPolicy } from '../tenancy/tenancy.policy.js';
import { networkMembersIfExists } from '../tenancy/tenancy.repository.js';
import { assertMunicipalityVisible, hasMunicipalRole, isPlatformAdmin } from './access.policy.js';

function grantQuery(tx: Transaction<DB>) {
  return tx
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .leftJoin('units', (j) => j.onRef('units.id', '=', 'g.unit_id').onRef('units.municipality_id', '=', 'g.municipality_id'))
    .leftJoin('municipalities as m', 'm.id', 'g.municipality_id')
    .leftJoin('networks as n', 'n.id', 'g.network_id')
    .select(['g.id', 'g.user_id', 'u.email', 'u.display_name', 'g.role', 'g.scope_type', 'g.network_id', 'g.municipality_id', 'g.unit_id', 'g.created_at'])
    .select(sql<string | null>`coalesce(units.name, m.name, n.name)`.as('scope_name'))
    .orderBy('u.display_name')
    .orderBy('g.role');
}

const present = (g: Awaited<ReturnType<ReturnType<typeof grantQuery>['execute']>>[number]): RoleGrantView => ({
  id: g.id,
  userId: g.user_id,
  userEmail: g.email,
  userDisplayName: g.display_name,
  role: g.role as Role,
  scopeType: g.scope_type as ScopeType,
  networkId: g.network_id,
  municipalityId: g.municipality_id,
  unitId: g.unit_id,
  scopeName: g.scope_name,
  createdAt: g.created_at.toISOString(),
});

/** Municipal administrators hand out the roles that live inside a municipality. */
function assertCanManageMunicipalGrants(ctx: RequestContext, municipalityId: string) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!hasMunicipalRole(p, municipalityId, ['municipal_admin']) && !isPlatformAdmin(p)) throw AppError.forbidden();
}

export async function listMunicipalGrants(ctx: RequestContext, municipalityId: string) {
  assertCanManageMunicipalGrants(ctx, municipalityId);
  return withSystem(ctx.db, async (tx) => (await grantQuery(tx).where('g.municipality_id', '=', municipalityId).execute()).map(present));
}

async function findOrCreateUser(tx: Transaction<DB>, email: string, displayName: string | undefined, language: string) {
  const found = await tx.selectFrom('users').selectAll().where(sql<string>`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
  if (found) return { user: found, created: false };
  const user = await tx
    .insertInto('users')
    .values({ email: email.toLowerCase(), display_name: displayName ?? email.split('@')[0]!, preferred_language: language })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { user, created: true };
}

export async function createMunicipalGrant(ctx: RequestContext, municipalityId: string, body: z.infer<typeof createMunicipalGrantBody>) {
  assertCanManageMunicipalGrants(ctx, municipalityId);
  const scope: ScopeType = body.unitId ? 'unit' : 'municipality';
  if (!ROLE_SCOPES[body.role].includes(scope)) {
    throw AppError.validation(`The role ${body.role} cannot be granted at ${scope} level.`, { field: 'role', allowedScopes: ROLE_SCOPES[body.role] });
  }
  const result = await withTenant(ctx.db, municipalityId, async (tx) => {
    if (body.unitId && !(await tx.selectFrom('units').select('id').where('municipality_id', '=', municipalityId).where('id', '=', body.unitId).executeTakeFirst())) {
      throw AppError.validation('The unit does not exist.', { field: 'unitId' });
    }
    const municipality = await tx.selectFrom('municipalities').select('default_language').where('id', '=', municipalityId).executeTakeFirstOrThrow();
    const { user, created } = await findOrCreateUser(tx, body.email, body.displayName, municipality.default_language);
    const grant = await tx
      .insertInto('role_grants')
      .values({ user_id: user.id, role: body.role, scope_type: scope, municipality_id: municipalityId, unit_id: body.unitId ?? null, created_by: ctx.principal!.userId })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!grant) throw AppError.conflict('This person already has this role here.');
    const view = present((await grantQuery(tx).where('g.id', '=', grant.id).executeTakeFirstOrThrow()));
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'role_grant.create', entityType: 'role_grant', entityId: grant.id, after: view });
    return { view, user, created };
  });
  if (result.created) await sendInvite(ctx, result.user);
  return result.view;
}

export async function deleteMunicipalGrant(ctx: RequestContext, municipalityId: string, grantId: string) {
  assertCanManageMunicipalGrants(ctx, municipalityId);
  await withTenant(ctx.db, municipalityId, async (tx) => {
    const grant = await grantQuery(tx).where('g.id', '=', grantId).where('g.municipality_id', '=', municipalityId).executeTakeFirst();
    if (!grant) throw AppError.notFound('Role grant');
    if (grant.user_id === ctx.principal!.userId && grant.role === 'municipal_admin') {
      throw AppError.conflict('You cannot remove your own administrator role. Ask another administrator.');
    }
    await tx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'role_grant.delete', entityType: 'role_grant', entityId: grantId, before: present(grant) });
  });
}

function assertCanManageNetworkGrants(ctx: RequestContext, networkId: string, memberIds: string[]) {
  const p = requirePrincipal(ctx);
  if (!tenancyPolicy.seeNetwork(p, networkId, memberIds)) throw AppError.notFound('Network');
  if (!isPlatformAdmin(p)) throw AppError.forbidden();
}

async function networkMembers(ctx: RequestContext, networkId: string) {
  requirePrincipal(ctx); // anonymous callers learn nothing, not even whether the network exists
  const members = await networkMembersIfExists(ctx.db, networkId);
  if (!members) throw AppError.notFound('Network');
  return members;
}

export async function listNetworkGrants(ctx: RequestContext, networkId: string) {
  const p = requirePrincipal(ctx);
  const members = await networkMembers(ctx, networkId);
  if (!tenancyPolicy.seeNetwork(p, networkId, members)) throw AppError.notFound('Network');
  if (!tenancyPolicy.manageNetwork(p, networkId)) throw AppError.forbidden();
  return withSystem(ctx.db, async (tx) => (await grantQuery(tx).where('g.network_id', '=', networkId).execute()).map(present));
}

export async function createNetworkGrant(ctx: RequestContext, networkId: string, body: z.infer<typeof createNetworkGrantBody>) {
  assertCanManageNetworkGrants(ctx, networkId, await networkMembers(ctx, networkId));
  if (!ROLE_SCOPES[body.role].includes('network')) {
    throw AppError.validation(`The role ${body.role} cannot be granted at network level.`, { field: 'role', allowedScopes: ROLE_SCOPES[body.role] });
  }
  const result = await withSystem(ctx.db, async (tx) => {
    const { user, created } = await findOrCreateUser(tx, body.email, body.displayName, 'nb');
    const grant = await tx
      .insertInto('role_grants')
      .values({ user_id: user.id, role: body.role, scope_type: 'network', network_id: networkId, created_by: ctx.principal!.userId })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!grant) throw AppError.conflict('This person already has this role here.');
    const view = present(await grantQuery(tx).where('g.id', '=', grant.id).executeTakeFirstOrThrow());
    await recordPlatformAudit(tx, networkId, actorOf(ctx), { action: 'role_grant.create', entityType: 'role_grant', entityId: grant.id, after: view });
    return { view, user, created };
  });
  if (result.created) await sendInvite(ctx, result.user);
  return result.view;
}

export async function deleteNetworkGrant(ctx: RequestContext, networkId: string, grantId: string) {
  assertCanManageNetworkGrants(ctx, networkId, await networkMembers(ctx, networkId));
  await withSystem(ctx.db, async (tx) => {
    const grant = await grantQuery(tx).where('g.id', '=', grantId).where('g.network_id', '=', networkId).executeTakeFirst();
    if (!grant) throw AppError.notFound('Role grant');
    await tx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await recordPlatformAudit(tx, networkId, actorOf(ctx), { action: 'role_grant.delete', entityType: 'role_grant', entityId: grantId, before: present(grant) });
  });
}

/** Gives an employee a sign-in: links (or creates) the account and e-mails a set-password link. */
export async function createPersonAccount(ctx: RequestContext, municipalityId: string, personId: string, email: string | undefined) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!peoplePolicy.createAccount(p, municipalityId)) throw AppError.forbidden();
  const result = await withTenant(ctx.db, municipalityId, async (tx) => {
    const person = await tx.selectFrom('persons').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', personId).executeTakeFirst();
    if (!person) throw AppError.notFound('Person');
    if (person.user_id) throw AppError.conflict('This employee already has an account.');
    const address = email ?? person.email;
    if (!address) throw AppError.validation('The employee has no e-mail address. Give one.', { field: 'email' });
    const { user, created } = await findOrCreateUser(tx, address, `${person.given_name} ${person.family_name}`, person.preferred_language);
    await tx.updateTable('persons').set({ user_id: user.id, updated_at: new Date() }).where('municipality_id', '=', municipalityId).where('id', '=', personId).execute();
    await tx
      .insertInto('role_grants')
      .values({ user_id: user.id, role: 'employee', scope_type: 'municipality', municipality_id: municipalityId, created_by: p.userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'person.account_create', entityType: 'person', entityId: personId, after: { userId: user.id, email: user.email, newAccount: created } });
    return { user, created };
  });
  if (result.created || !result.user.password_hash) await sendInvite(ctx, result.user);
}
