import type { z } from 'zod';
import type { copyRoleProfileBody, fromTemplateBody, RoleProfile, roleProfileInput, updateRoleProfileBody } from '../../../shared/api/role-profiles.js';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './role-profiles.repository.js';
import { roleProfilesPolicy } from './role-profiles.policy.js';
import { ROLE_PROFILE_TEMPLATES } from './role-profile.templates.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findProfile>>>;
type Requirement = { competenceCode: string; requiredLevel: number };

const present = (p: Row): RoleProfile => ({
  id: p.id,
  municipalityId: p.municipality_id,
  name: p.name,
  description: p.description,
  frameworkVersionId: p.framework_version_id,
  profession: p.profession as RoleProfile['profession'],
  unitId: p.unit_id,
  templateKey: p.template_key,
  requirements: p.requirements.map((r) => ({ competenceCode: r.competence_code, requiredLevel: r.required_level })),
  updatedAt: p.updated_at.toISOString(),
});

function authorize(ctx: RequestContext, municipalityId: string, action: 'read' | 'manage') {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!roleProfilesPolicy[action](p, municipalityId)) throw AppError.forbidden();
}

/** Every requirement must name a competence of the profile's framework version, at a level on its scale. */
async function checkRequirements(tx: TenantTx, versionId: string, requirements: Requirement[]) {
  const scale = await repo.frameworkScale(tx, versionId);
  if (!scale.exists) throw AppError.validation('The framework version does not exist.', { field: 'frameworkVersionId' });
  const problems = requirements.flatMap((r, i) => [
    ...(scale.codes.has(r.competenceCode) ? [] : [{ path: ['requirements', String(i), 'competenceCode'], message: `unknown competence ${r.competenceCode}` }]),
    ...(r.requiredLevel <= scale.maxLevel ? [] : [{ path: ['requirements', String(i), 'requiredLevel'], message: `the scale ends at ${scale.maxLevel}` }]),
  ]);
  const codes = requirements.map((r) => r.competenceCode);
  if (new Set(codes).size !== codes.length) problems.push({ path: ['requirements'], message: 'a competence is listed twice' });
  if (problems.length > 0) throw AppError.validation('Some requirements are not valid for this framework.', { issues: problems });
}

async function checkUnit(tx: TenantTx, municipalityId: string, unitId: string | null | undefined) {
  if (!unitId) return;
  const unit = await tx.selectFrom('units').select('id').where('municipality_id', '=', municipalityId).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw AppError.validation('The unit does not exist.', { field: 'unitId' });
}

export async function listProfiles(ctx: RequestContext, municipalityId: string) {
  authorize(ctx, municipalityId, 'read');
  return withTenant(ctx.db, municipalityId, async (tx) => (await repo.listProfiles(tx, municipalityId)).map(present));
}

export async function getProfile(ctx: RequestContext, municipalityId: string, profileId: string) {
  authorize(ctx, municipalityId, 'read');
  const row = await withTenant(ctx.db, municipalityId, (tx) => repo.findProfile(tx, municipalityId, profileId));
  if (!row) throw AppError.notFound('Role profile');
  return present(row);
}

async function insertProfile(ctx: RequestContext, tx: TenantTx, municipalityId: string, input: z.infer<typeof roleProfileInput> & { templateKey?: string | null }) {
  await checkRequirements(tx, input.frameworkVersionId, input.requirements);
  await checkUnit(tx, municipalityId, input.unitId);
  const { id } = await tx
    .insertInto('role_profiles')
    .values({
      municipality_id: municipalityId,
      name: input.name,
      description: input.description ?? null,
      framework_version_id: input.frameworkVersionId,
      profession: input.profession ?? null,
      unit_id: input.unitId ?? null,
      template_key: input.templateKey ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await repo.replaceRequirements(tx, municipalityId, id, input.requirements);
  const profile = present((await repo.findProfile(tx, municipalityId, id))!);
  await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'role_profile.create', entityType: 'role_profile', entityId: id, after: profile });
  return profile;
}

export async function createProfile(ctx: RequestContext, municipalityId: string, input: z.infer<typeof roleProfileInput>) {
  authorize(ctx, municipalityId, 'manage');
  return withTenant(ctx.db, municipalityId, (tx) => insertProfile(ctx, tx, municipalityId, input));
}

export async function updateProfile(ctx: RequestContext, municipalityId: string, profileId: string, input: z.infer<typeof updateRoleProfileBody>) {
  authorize(ctx, municipalityId, 'manage');
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await repo.findProfile(tx, municipalityId, profileId);
    if (!current) throw AppError.notFound('Role profile');
    if (input.expectedUpdatedAt && input.expectedUpdatedAt !== current.updated_at.toISOString()) {
      throw AppError.conflict('Someone else saved this profile after you opened it. Reload to see their changes.', {
        reason: 'STALE',
        currentUpdatedAt: current.updated_at.toISOString(),
      });
    }
    if (input.requirements) await checkRequirements(tx, current.framework_version_id, input.requirements);
    await checkUnit(tx, municipalityId, input.unitId);
    await tx
      .updateTable('role_profiles')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.profession !== undefined ? { profession: input.profession } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
        updated_at: new Date(),
      })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', profileId)
      .execute();
    if (input.requirements) await repo.replaceRequirements(tx, municipalityId, profileId, input.requirements);
    const after = present((await repo.findProfile(tx, municipalityId, profileId))!);
    const before = present(current);
    // A save that changes nothing is not an event worth auditing.
    if (JSON.stringify({ ...before, updatedAt: null }) !== JSON.stringify({ ...after, updatedAt: null })) {
      await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'role_profile.update', entityType: 'role_profile', entityId: profileId, before, after });
    }
    return after;
  });
}

export async function deleteProfile(ctx: RequestContext, municipalityId: string, profileId: string) {
  authorize(ctx, municipalityId, 'manage');
  await withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await repo.findProfile(tx, municipalityId, profileId);
    if (!current) throw AppError.notFound('Role profile');
    await tx.deleteFrom('role_profiles').where('municipality_id', '=', municipalityId).where('id', '=', profileId).execute();
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'role_profile.delete', entityType: 'role_profile', entityId: profileId, before: present(current) });
  });
}

export async function copyProfile(ctx: RequestContext, municipalityId: string, profileId: string, body: z.infer<typeof copyRoleProfileBody>) {
  authorize(ctx, municipalityId, 'manage');
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const source = await repo.findProfile(tx, municipalityId, profileId);
    if (!source) throw AppError.notFound('Role profile');
    const p = present(source);
    return insertProfile(ctx, tx, municipalityId, { ...p, name: body.name, templateKey: p.templateKey });
  });
}

export function listTemplates() {
  return ROLE_PROFILE_TEMPLATES;
}

/** A template names its framework by key and version; the municipality gets its own editable copy. */
export async function createFromTemplate(ctx: RequestContext, municipalityId: string, body: z.infer<typeof fromTemplateBody>) {
  authorize(ctx, municipalityId, 'manage');
  const template = ROLE_PROFILE_TEMPLATES.find((t) => t.key === body.templateKey);
  if (!template) throw AppError.validation('Unknown template.', { field: 'templateKey' });
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const version = await tx
      .selectFrom('framework_versions as v')
      .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
      .select('v.id')
      .where('f.key', '=', template.frameworkKey)
      .where('v.version', '=', template.frameworkVersion)
      .executeTakeFirst();
    if (!version) throw AppError.conflict(`The template needs framework ${template.frameworkKey} ${template.frameworkVersion}, which is not installed.`);
    const language = (await tx.selectFrom('municipalities').select('default_language').where('id', '=', municipalityId).executeTakeFirstOrThrow()).default_language as keyof typeof template.name;
    return insertProfile(ctx, tx, municipalityId, {
      name: body.name ?? template.name[language] ?? template.name.en ?? template.key,
      description: template.description[language] ?? template.description.en ?? null,
      frameworkVersionId: version.id,
      profession: template.profession,
      unitId: body.unitId ?? null,
      requirements: template.requirements,
      templateKey: template.key,
    });
  });
}
