import type { z } from 'zod';
import type { createMunicipalityBody, createNetworkBody, createUnitBody, updateMunicipalityBody, updateUnitBody } from '../../../shared/api/tenancy.js';
import { withSystem, withTenant } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../http/context.js';
import { isPlatformAdmin, visibleMunicipalityIds, visibleNetworkIds } from '../access/access.policy.js';
import { recordAudit, recordPlatformAudit } from '../audit/audit.repository.js';
import { tenancyPolicy } from './tenancy.policy.js';
import * as repo from './tenancy.repository.js';
import { presentMunicipality, presentNetwork, presentUnit } from './tenancy.presenters.js';

export async function listNetworks(ctx: RequestContext) {
  const p = requirePrincipal(ctx);
  const memberNetworks = (await repo.listMunicipalities(ctx.db, p.grants.filter((g) => g.scopeType === 'municipality').map((g) => g.municipalityId as string)))
    .filter((m) => m.network_id && tenancyPolicy.seeNetwork(p, m.network_id, [m.id]))
    .map((m) => m.network_id as string);
  const ids = isPlatformAdmin(p) ? 'all' : [...new Set([...visibleNetworkIds(p), ...memberNetworks])];
  return (await repo.listNetworks(ctx.db, ids)).map(presentNetwork);
}

export async function getNetwork(ctx: RequestContext, networkId: string) {
  const p = requirePrincipal(ctx);
  const members = await repo.networkMemberIds(ctx.db, networkId);
  const [network] = await repo.listNetworks(ctx.db, [networkId]);
  if (!network || !tenancyPolicy.seeNetwork(p, networkId, members)) throw AppError.notFound('Network');
  const municipalities = await repo.listMunicipalities(ctx.db, members);
  return { ...presentNetwork(network), municipalities: municipalities.map(presentMunicipality) };
}

export async function createNetwork(ctx: RequestContext, body: z.infer<typeof createNetworkBody>) {
  const p = requirePrincipal(ctx);
  if (!tenancyPolicy.createNetwork(p)) throw AppError.forbidden();
  return withSystem(ctx.db, async (tx) => {
    const row = await tx.insertInto('networks').values(body).returning(['id', 'name', 'slug']).executeTakeFirstOrThrow();
    await recordPlatformAudit(tx, row.id, actorOf(ctx), { action: 'network.create', entityType: 'network', entityId: row.id, after: row });
    return presentNetwork({ ...row, municipality_count: 0 });
  });
}

export async function updateNetwork(ctx: RequestContext, networkId: string, body: { name: string }) {
  const p = requirePrincipal(ctx);
  await getNetwork(ctx, networkId); // not found before forbidden
  if (!tenancyPolicy.manageNetwork(p, networkId)) throw AppError.forbidden();
  return withSystem(ctx.db, async (tx) => {
    const before = await tx.selectFrom('networks').select(['name']).where('id', '=', networkId).executeTakeFirstOrThrow();
    await tx.updateTable('networks').set({ name: body.name, updated_at: new Date() }).where('id', '=', networkId).execute();
    await recordPlatformAudit(tx, networkId, actorOf(ctx), { action: 'network.update', entityType: 'network', entityId: networkId, before, after: body });
    const [network] = await repo.listNetworks(tx, [networkId]);
    return presentNetwork(network!);
  });
}

export async function listMunicipalities(ctx: RequestContext) {
  const p = requirePrincipal(ctx);
  const all = p.grants.some((g) => g.scopeType === 'platform');
  return (await repo.listMunicipalities(ctx.db, all ? 'all' : visibleMunicipalityIds(p))).map(presentMunicipality);
}

export async function getMunicipality(ctx: RequestContext, municipalityId: string) {
  const p = requirePrincipal(ctx);
  const m = tenancyPolicy.seeMunicipality(p, municipalityId) ? await repo.findMunicipality(ctx.db, municipalityId) : undefined;
  if (!m) throw AppError.notFound('Municipality');
  return presentMunicipality(m);
}

export async function createMunicipality(ctx: RequestContext, body: z.infer<typeof createMunicipalityBody>) {
  const p = requirePrincipal(ctx);
  if (!tenancyPolicy.createMunicipality(p)) throw AppError.forbidden();
  return withSystem(ctx.db, async (tx) => {
    if (body.networkId && !(await tx.selectFrom('networks').select('id').where('id', '=', body.networkId).executeTakeFirst())) {
      throw AppError.validation('The network does not exist.', { field: 'networkId' });
    }
    const taken = await tx.selectFrom('municipalities').select('id').where('country', '=', body.country).where('code', '=', body.code).executeTakeFirst();
    if (taken) throw AppError.conflict(`A municipality with code ${body.code} already exists in ${body.country}.`, { field: 'code' });
    const row = await tx
      .insertInto('municipalities')
      .values({ country: body.country, code: body.code, name: body.name, population: body.population, network_id: body.networkId ?? null, default_language: body.defaultLanguage ?? 'nb' })
      .returning(repo.municipalityColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, row.id, actorOf(ctx), { action: 'municipality.create', entityType: 'municipality', entityId: row.id, after: row });
    return presentMunicipality(row);
  });
}

export async function updateMunicipality(ctx: RequestContext, municipalityId: string, body: z.infer<typeof updateMunicipalityBody>) {
  const p = requirePrincipal(ctx);
  const current = await getMunicipality(ctx, municipalityId);
  if (!tenancyPolicy.updateMunicipality(p, municipalityId)) throw AppError.forbidden();
  if (body.networkId !== undefined && body.networkId !== current.networkId && !tenancyPolicy.moveMunicipality(p)) {
    throw AppError.forbidden('Only a platform administrator can move a municipality to another network.');
  }
  return withSystem(ctx.db, async (tx) => {
    const before = await repo.findMunicipality(tx, municipalityId);
    const row = await tx
      .updateTable('municipalities')
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.population !== undefined ? { population: body.population } : {}),
        ...(body.networkId !== undefined ? { network_id: body.networkId } : {}),
        ...(body.defaultLanguage !== undefined ? { default_language: body.defaultLanguage } : {}),
        ...(body.anonymityThreshold !== undefined ? { anonymity_threshold: body.anonymityThreshold } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', municipalityId)
      .returning(repo.municipalityColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'municipality.update', entityType: 'municipality', entityId: municipalityId, before, after: row });
    return presentMunicipality(row);
  });
}

export async function listUnits(ctx: RequestContext, municipalityId: string) {
  const p = requirePrincipal(ctx);
  if (!tenancyPolicy.readUnits(p, municipalityId)) throw AppError.notFound('Municipality');
  return withTenant(ctx.db, municipalityId, async (tx) => (await repo.listUnits(tx, municipalityId)).map(presentUnit));
}

function assertCanManageUnits(ctx: RequestContext, municipalityId: string) {
  const p = requirePrincipal(ctx);
  if (!tenancyPolicy.readUnits(p, municipalityId)) throw AppError.notFound('Municipality');
  if (!tenancyPolicy.manageUnits(p, municipalityId)) throw AppError.forbidden();
}

export async function createUnit(ctx: RequestContext, municipalityId: string, body: z.infer<typeof createUnitBody>) {
  assertCanManageUnits(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    if (body.parentId && !(await repo.findUnit(tx, municipalityId, body.parentId))) throw AppError.validation('The parent unit does not exist.', { field: 'parentId' });
    const row = await tx
      .insertInto('units')
      .values({ municipality_id: municipalityId, name: body.name, code: body.code ?? null, kind: body.kind, parent_id: body.parentId ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'unit.create', entityType: 'unit', entityId: row.id, after: row });
    return presentUnit(row);
  });
}

export async function updateUnit(ctx: RequestContext, municipalityId: string, unitId: string, body: z.infer<typeof updateUnitBody>) {
  assertCanManageUnits(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const before = await repo.findUnit(tx, municipalityId, unitId);
    if (!before) throw AppError.notFound('Unit');
    if (body.parentId) {
      if (!(await repo.findUnit(tx, municipalityId, body.parentId))) throw AppError.validation('The parent unit does not exist.', { field: 'parentId' });
      if (await repo.wouldCycle(tx, municipalityId, unitId, body.parentId)) throw AppError.validation('A unit cannot be placed under itself.', { field: 'parentId' });
    }
    const row = await tx
      .updateTable('units')
      .set({
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.code !== undefined ? { code: body.code } : {}),
        ...(body.kind !== undefined ? { kind: body.kind } : {}),
        ...(body.parentId !== undefined ? { parent_id: body.parentId } : {}),
        updated_at: new Date(),
      })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', unitId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'unit.update', entityType: 'unit', entityId: unitId, before, after: row });
    return presentUnit(row);
  });
}

export async function deleteUnit(ctx: RequestContext, municipalityId: string, unitId: string) {
  assertCanManageUnits(ctx, municipalityId);
  await withTenant(ctx.db, municipalityId, async (tx) => {
    const before = await repo.findUnit(tx, municipalityId, unitId);
    if (!before) throw AppError.notFound('Unit');
    const child = await tx.selectFrom('units').select('id').where('municipality_id', '=', municipalityId).where('parent_id', '=', unitId).executeTakeFirst();
    const member = await tx.selectFrom('person_units').select('person_id').where('municipality_id', '=', municipalityId).where('unit_id', '=', unitId).executeTakeFirst();
    if (child || member) throw AppError.conflict('Move the sub-units and people out of this unit before deleting it.', { hasChildren: !!child, hasMembers: !!member });
    await tx.deleteFrom('units').where('municipality_id', '=', municipalityId).where('id', '=', unitId).execute();
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'unit.delete', entityType: 'unit', entityId: unitId, before });
  });
}
