import {
  STATUS_TRANSITIONS,
  type CatalogueCompetences,
  type CatalogueConflict,
  type CatalogueItem,
  type CataloguePage,
  type CatalogueQuery,
  type CreateItemBody,
  type ItemStatus,
  type LearningItem,
  type UpdateItemBody,
} from '../../../../shared/api/learning.js';
import { withTenant, type TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../../http/context.js';
import { assertMunicipalityVisible } from '../../access/access.policy.js';
import type { Principal } from '../../access/principal.js';
import { recordAudit } from '../../audit/audit.repository.js';
import { languageChain, pick } from '../../frameworks/localize.js';
import { cataloguePolicy, seesItem } from './catalogue.policy.js';
import { presentItem } from './catalogue.present.js';
import * as repo from './catalogue.repository.js';
import { checkCompetences, checkKindFields } from './catalogue.validation.js';

// The learning catalogue: what there is to learn in a municipality, who sees
// it (published items: everyone there; drafts and archived: their managers)
// and who changes it (the owner's managers, see catalogue.policy.ts).

export const conflict = (reason: CatalogueConflict, message: string, details: Record<string, unknown> = {}) => AppError.conflict(message, { reason, ...details });
const notFound = () => AppError.notFound('Learning item');

function visibleTo(ctx: RequestContext, municipalityId: string): Principal {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  return p;
}

const chainOf = (p: Principal) => languageChain(p.preferredLanguage);

/** The item as this caller may see it; an item they may not see does not exist for them. */
export async function readableItem(tx: TenantTx, p: Principal, municipalityId: string, itemId: string, lock = false) {
  const row = lock ? await repo.lockItem(tx, municipalityId, itemId) : await repo.findItem(tx, municipalityId, itemId);
  if (!row || !seesItem(cataloguePolicy.visibility(p, municipalityId), row)) throw notFound();
  return row;
}

async function presentOne(tx: TenantTx, p: Principal, row: repo.ItemRow): Promise<CatalogueItem> {
  const personId = cataloguePolicy.learnerPersonId(p, row.municipality_id);
  const [tags, myStatus] = await Promise.all([repo.tagsOf(tx, row.municipality_id, [row.id]), personId ? repo.myProgress(tx, row.municipality_id, personId, row.id) : null]);
  return { ...presentItem(row, tags, chainOf(p), p), myStatus: personId ? (myStatus ?? 'not_started') : null };
}

export async function listCatalogue(ctx: RequestContext, municipalityId: string, query: CatalogueQuery): Promise<CataloguePage> {
  const p = visibleTo(ctx, municipalityId);
  const visibility = cataloguePolicy.visibility(p, municipalityId);
  const unpublished = cataloguePolicy.seesUnpublished(p, municipalityId);
  if (query.status && query.status !== 'published' && !unpublished) throw AppError.forbidden('Only the managers of the catalogue see drafts and archived items.');
  const statuses: ItemStatus[] = query.status ? [query.status] : unpublished ? ['published', 'draft'] : ['published'];
  const personId = cataloguePolicy.learnerPersonId(p, municipalityId);
  const chain = languageChain(query.lang, p.preferredLanguage);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const rows = await repo.listItems(tx, municipalityId, {
      ...query,
      statuses,
      visibility,
      personId,
      chain,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const tags = await repo.tagsOf(tx, municipalityId, rows.map((r) => r.id));
    return {
      items: rows.map((r) => ({ ...presentItem(r, tags, chain, p), myStatus: personId ? (r.my_status ?? 'not_started') : null })),
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

export async function listCompetences(ctx: RequestContext, municipalityId: string): Promise<CatalogueCompetences> {
  const p = visibleTo(ctx, municipalityId);
  const chain = chainOf(p);
  const rows = await withTenant(ctx.db, municipalityId, (tx) => repo.tagFacets(tx, municipalityId, cataloguePolicy.visibility(p, municipalityId)));
  return { items: rows.map((r) => ({ code: r.competence_code, name: pick(r.name, chain), itemCount: r.item_count })) };
}

export async function getItem(ctx: RequestContext, municipalityId: string, itemId: string): Promise<CatalogueItem> {
  const p = visibleTo(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => presentOne(tx, p, await readableItem(tx, p, municipalityId, itemId)));
}

/** Who may create the item: the municipality's managers, or a coordinator of its network for an item that network owns. */
function authorizeCreate(p: Principal, municipalityId: string, ownerNetworkId: string | null) {
  if (!cataloguePolicy.createAny(p, municipalityId)) throw AppError.forbidden();
  if (ownerNetworkId === null) {
    if (!cataloguePolicy.isMunicipalManager(p, municipalityId)) throw AppError.forbidden('Network coordinators create items their network owns: set ownerNetworkId.');
    return;
  }
  const networks = cataloguePolicy.coordinatedNetworksIn(p, municipalityId);
  if (networks.length === 0) throw AppError.forbidden('Only a coordinator of the network can create items the network owns.');
  if (!networks.includes(ownerNetworkId)) throw AppError.validation('The owner must be the network this municipality belongs to.', { issues: [{ path: ['ownerNetworkId'], message: 'not this municipality\'s network' }] });
}

export async function createItem(ctx: RequestContext, municipalityId: string, body: CreateItemBody): Promise<CatalogueItem> {
  const p = visibleTo(ctx, municipalityId);
  const ownerNetworkId = body.ownerNetworkId ?? null;
  authorizeCreate(p, municipalityId, ownerNetworkId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const fields = { packageId: body.packageId ?? null, url: body.url ?? null, xapiActivityId: body.xapiActivityId ?? null };
    await checkKindFields(tx, municipalityId, body.kind, fields);
    const competences = body.competences ?? [];
    await checkCompetences(tx, body.frameworkVersionId ?? null, competences);
    const id = await repo.insertItem(tx, municipalityId, {
      kind: body.kind,
      status: body.status ?? 'draft',
      owner_network_id: ownerNetworkId,
      titles: body.titles,
      descriptions: body.descriptions ?? {},
      languages: [...new Set(body.languages)],
      duration_minutes: body.durationMinutes ?? null,
      framework_version_id: body.frameworkVersionId ?? null,
      package_id: fields.packageId,
      url: fields.url,
      xapi_activity_id: fields.xapiActivityId,
      certificate_enabled: body.certificateEnabled ?? true,
      created_by: p.userId,
    });
    await repo.replaceTags(tx, municipalityId, id, competences);
    const item = await presentOne(tx, p, (await repo.findItem(tx, municipalityId, id))!);
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'learning_item.create', entityType: 'learning_item', entityId: id, after: snapshot(item) });
    return item;
  });
}

/** What the audit keeps of an item: its content, not the reader-specific fields. */
function snapshot(item: LearningItem & { myStatus?: unknown }) {
  const { editable: _e, myStatus: _m, title: _t, description: _d, updatedAt: _u, ...rest } = item;
  return rest;
}

export async function updateItem(ctx: RequestContext, municipalityId: string, itemId: string, body: UpdateItemBody): Promise<CatalogueItem> {
  const p = visibleTo(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await readableItem(tx, p, municipalityId, itemId, true);
    if (!cataloguePolicy.manageItem(p, municipalityId, current.owner_network_id)) throw AppError.forbidden();
    if (body.expectedUpdatedAt && new Date(body.expectedUpdatedAt).getTime() !== current.updated_at.getTime()) {
      throw conflict('STALE', 'Someone else saved this item after you opened it. Reload to see their changes.', { currentUpdatedAt: current.updated_at.toISOString() });
    }
    if (body.status && !STATUS_TRANSITIONS[current.status].includes(body.status)) {
      throw conflict('STATUS_TRANSITION', `A ${current.status} item cannot become ${body.status}.`, { from: current.status, to: body.status, allowed: STATUS_TRANSITIONS[current.status] });
    }
    const fields = {
      packageId: body.packageId ?? current.package_id,
      url: body.url ?? current.url,
      xapiActivityId: body.xapiActivityId ?? current.xapi_activity_id,
    };
    await checkKindFields(tx, municipalityId, current.kind, fields);
    const versionId = body.frameworkVersionId !== undefined ? body.frameworkVersionId : current.framework_version_id;
    const before = await presentOne(tx, p, current);
    const tags = body.competences ?? before.competences.map((c) => ({ code: c.code, level: c.level }));
    // Tags only mean something in their framework: a new framework needs its tags checked (or given anew).
    if (body.competences || body.frameworkVersionId !== undefined) await checkCompetences(tx, versionId, tags);
    await repo.updateItem(tx, municipalityId, itemId, {
      ...(body.titles ? { titles: body.titles } : {}),
      ...(body.descriptions ? { descriptions: body.descriptions } : {}),
      ...(body.languages ? { languages: [...new Set(body.languages)] } : {}),
      ...(body.durationMinutes !== undefined ? { duration_minutes: body.durationMinutes } : {}),
      ...(body.frameworkVersionId !== undefined ? { framework_version_id: body.frameworkVersionId } : {}),
      ...(body.certificateEnabled !== undefined ? { certificate_enabled: body.certificateEnabled } : {}),
      ...(body.status ? { status: body.status } : {}),
      package_id: fields.packageId,
      url: fields.url,
      xapi_activity_id: fields.xapiActivityId,
    });
    if (body.competences) await repo.replaceTags(tx, municipalityId, itemId, body.competences);
    const after = await presentOne(tx, p, (await repo.findItem(tx, municipalityId, itemId))!);
    const [b, a] = [snapshot(before), snapshot(after)];
    if (JSON.stringify(b) !== JSON.stringify(a)) {
      const action = body.status && body.status !== current.status ? `learning_item.${body.status === 'published' ? 'publish' : 'archive'}` : 'learning_item.update';
      await recordAudit(tx, municipalityId, actorOf(ctx), { action, entityType: 'learning_item', entityId: itemId, before: b, after: a });
    }
    return after;
  });
}

export async function deleteItem(ctx: RequestContext, municipalityId: string, itemId: string): Promise<void> {
  const p = visibleTo(ctx, municipalityId);
  await withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await readableItem(tx, p, municipalityId, itemId, true);
    if (!cataloguePolicy.manageItem(p, municipalityId, current.owner_network_id)) throw AppError.forbidden();
    const use = await repo.itemUse(tx, municipalityId, itemId);
    if (Object.values(use).some((n) => n > 0)) {
      throw conflict('ITEM_IN_USE', 'People have started, completed, been assigned or registered for this item. Archive it instead: it leaves the catalogue and the records stay.', use);
    }
    const before = snapshot(await presentOne(tx, p, current));
    await repo.deleteItem(tx, municipalityId, itemId);
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'learning_item.delete', entityType: 'learning_item', entityId: itemId, before });
  });
}
