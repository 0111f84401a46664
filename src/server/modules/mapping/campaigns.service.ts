import type { z } from 'zod';
import type { Campaign, CampaignInstrument, CampaignProgress, campaignInput, MappingConflict, updateCampaignBody } from '../../../shared/api/mapping.js';
import type { Profession } from '../../../shared/domain.js';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type AppDeps, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { unitSubtreeIds } from '../tenancy/tenancy.repository.js';
import { campaignStatus } from './campaign-status.js';
import * as repo from './campaigns.repository.js';
import { formatCode, newInvitationCode, newInvitationToken } from './keys.js';
import { campaignInviteMail, campaignReminderMail } from './mapping.mail.js';
import { mappingPolicy, type UnitScope } from './mapping.policy.js';
import { computeProgress, type Counts } from './progress.js';

type Input = z.infer<typeof campaignInput>;
type Update = z.infer<typeof updateCampaignBody>;

export const conflict = (reason: MappingConflict, message: string, extra: Record<string, unknown> = {}) => AppError.conflict(message, { reason, ...extra });

const present = (c: repo.CampaignRow, now = new Date()): Campaign => ({
  id: c.id,
  municipalityId: c.municipality_id,
  name: c.name,
  frameworkVersionId: c.framework_version_id,
  competenceCodes: c.competence_codes,
  unitIds: c.unit_ids,
  includeSubUnits: c.include_sub_units,
  professions: c.target_professions as Profession[],
  opensAt: c.opens_at.toISOString(),
  closesAt: c.closes_at.toISOString(),
  mode: c.mode as Campaign['mode'],
  instruments: c.instruments as Campaign['instruments'],
  status: campaignStatus(c, now),
  publishedAt: c.published_at?.toISOString() ?? null,
  closedAt: c.closed_at?.toISOString() ?? null,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});

function authorize(ctx: RequestContext, municipalityId: string, action: 'read' | 'manage') {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!mappingPolicy[action](p, municipalityId)) throw AppError.forbidden();
  return p;
}

async function mustFind(tx: TenantTx, municipalityId: string, campaignId: string, opts: { lock?: boolean } = {}) {
  const row = await repo.findCampaign(tx, municipalityId, campaignId, opts);
  if (!row) throw AppError.notFound('Campaign');
  return row;
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/** The whole campaign definition as it will be stored, checked against the framework and the municipality's units. */
async function checkDefinition(tx: TenantTx, municipalityId: string, d: { frameworkVersionId: string; competenceCodes: string[] | null; unitIds: string[]; opensAt: Date; closesAt: Date }) {
  const shape = await repo.frameworkShape(tx, d.frameworkVersionId);
  if (!shape.exists) throw AppError.validation('The framework version does not exist.', { field: 'frameworkVersionId' });
  const issues: { path: string[]; message: string }[] = [];
  if (d.competenceCodes) {
    const known = new Set(shape.codes);
    d.competenceCodes.forEach((code, i) => {
      if (!known.has(code)) issues.push({ path: ['competenceCodes', String(i)], message: `unknown competence ${code}` });
    });
    if (new Set(d.competenceCodes).size !== d.competenceCodes.length) issues.push({ path: ['competenceCodes'], message: 'a competence is listed twice' });
  }
  const units = await repo.existingUnitIds(tx, municipalityId, d.unitIds);
  d.unitIds.forEach((id, i) => {
    if (!units.has(id)) issues.push({ path: ['unitIds', String(i)], message: 'no such unit in this municipality' });
  });
  if (d.closesAt.getTime() <= d.opensAt.getTime()) issues.push({ path: ['closesAt'], message: 'must be after opensAt' });
  if (issues.length > 0) throw AppError.validation('The campaign is not valid.', { issues });
}

export async function listCampaigns(ctx: RequestContext, municipalityId: string): Promise<Campaign[]> {
  authorize(ctx, municipalityId, 'read');
  return withTenant(ctx.db, municipalityId, async (tx) => (await repo.listCampaigns(tx, municipalityId)).map((c) => present(c)));
}

export async function getCampaign(ctx: RequestContext, municipalityId: string, campaignId: string): Promise<Campaign> {
  authorize(ctx, municipalityId, 'read');
  return withTenant(ctx.db, municipalityId, async (tx) => present(await mustFind(tx, municipalityId, campaignId)));
}

export async function createCampaign(ctx: RequestContext, municipalityId: string, input: Input): Promise<Campaign> {
  const p = authorize(ctx, municipalityId, 'manage');
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const d = {
      frameworkVersionId: input.frameworkVersionId,
      competenceCodes: input.competenceCodes ?? null,
      unitIds: unique(input.unitIds ?? []),
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
    };
    await checkDefinition(tx, municipalityId, d);
    const { id } = await tx
      .insertInto('campaigns')
      .values({
        municipality_id: municipalityId,
        name: input.name,
        framework_version_id: d.frameworkVersionId,
        competence_codes: d.competenceCodes,
        target_professions: unique(input.professions ?? []),
        include_sub_units: input.includeSubUnits ?? true,
        mode: input.mode,
        instruments: unique(input.instruments ?? ['self_assessment']),
        opens_at: d.opensAt,
        closes_at: d.closesAt,
        created_by: p.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.replaceUnits(tx, municipalityId, id, d.unitIds);
    const campaign = present(await mustFind(tx, municipalityId, id));
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'campaign.create', entityType: 'campaign', entityId: id, after: campaign });
    return campaign;
  });
}

const AFTER_PUBLISH: readonly (keyof Update)[] = ['name', 'closesAt'];

export async function updateCampaign(ctx: RequestContext, municipalityId: string, campaignId: string, input: Update): Promise<Campaign> {
  authorize(ctx, municipalityId, 'manage');
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await mustFind(tx, municipalityId, campaignId, { lock: true });
    const before = present(current);
    if (before.status === 'closed') throw conflict('CAMPAIGN_ALREADY_CLOSED', 'This campaign is closed and can no longer change.');
    if (before.status !== 'draft') {
      const fields = (Object.keys(input) as (keyof Update)[]).filter((k) => input[k] !== undefined && !AFTER_PUBLISH.includes(k));
      if (fields.length > 0) throw conflict('CAMPAIGN_NOT_DRAFT', 'Once published, only the name and the closing time of a campaign can change.', { fields });
      if (input.closesAt && new Date(input.closesAt).getTime() <= Date.now()) {
        throw AppError.validation('The new closing time must be in the future; to close now, use close.', { field: 'closesAt' });
      }
    }
    const d = {
      frameworkVersionId: input.frameworkVersionId ?? current.framework_version_id,
      competenceCodes: input.competenceCodes !== undefined ? input.competenceCodes : current.competence_codes,
      unitIds: input.unitIds !== undefined ? unique(input.unitIds) : current.unit_ids,
      opensAt: input.opensAt ? new Date(input.opensAt) : current.opens_at,
      closesAt: input.closesAt ? new Date(input.closesAt) : current.closes_at,
    };
    await checkDefinition(tx, municipalityId, d);
    await tx
      .updateTable('campaigns')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        framework_version_id: d.frameworkVersionId,
        competence_codes: d.competenceCodes,
        ...(input.professions !== undefined ? { target_professions: unique(input.professions) } : {}),
        ...(input.includeSubUnits !== undefined ? { include_sub_units: input.includeSubUnits } : {}),
        ...(input.mode !== undefined ? { mode: input.mode } : {}),
        ...(input.instruments !== undefined ? { instruments: unique(input.instruments) } : {}),
        opens_at: d.opensAt,
        closes_at: d.closesAt,
        updated_at: new Date(),
      })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', campaignId)
      .execute();
    if (input.unitIds !== undefined) await repo.replaceUnits(tx, municipalityId, campaignId, d.unitIds);
    const after = present(await mustFind(tx, municipalityId, campaignId));
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'campaign.update', entityType: 'campaign', entityId: campaignId, before, after });
    return after;
  });
}

type OutgoingInvite = { to: string; language: string; name: string; token: string; instrument: CampaignInstrument };

/** Sends campaign e-mails one by one (one per invitation, naming its instrument); a failed address is logged and the rest still go out. */
async function sendCampaignMails(deps: AppDeps, kind: 'invite' | 'remind', campaign: { name: string; closesAt: Date; anonymous: boolean }, mails: OutgoingInvite[]) {
  const render = kind === 'invite' ? campaignInviteMail : campaignReminderMail;
  for (const m of mails) {
    const link = `${deps.config.publicUrl}/assess/${encodeURIComponent(m.token)}`;
    try {
      await deps.mailer.send({
        to: m.to,
        ...render(m.language, { name: m.name, campaign: campaign.name, link, closesAt: campaign.closesAt, anonymous: campaign.anonymous, instrument: m.instrument }),
      });
    } catch (err) {
      deps.log.error({ err, kind }, 'campaign e-mail could not be sent');
    }
  }
}

/**
 * Publishing makes one self-assessment invitation per targeted active person
 * and (when the campaign has the leader survey) one leader-survey invitation per
 * targeted leader, each with a link token that exists in plain text only in the
 * e-mail (the database keeps its hash). A leader may get both. E-mails go out in
 * the background after the commit, one per invitation.
 */
export async function publishCampaign(ctx: RequestContext, municipalityId: string, campaignId: string) {
  authorize(ctx, municipalityId, 'manage');
  const result = await withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await mustFind(tx, municipalityId, campaignId, { lock: true });
    if (current.published_at) throw conflict('CAMPAIGN_NOT_DRAFT', 'This campaign has already been published.');
    if (current.closes_at.getTime() <= Date.now()) throw AppError.validation('The closing time has passed; move it before publishing.', { field: 'closesAt' });
    const targets = await repo.targetPersons(tx, municipalityId, current);
    const selfAssessed = current.instruments.includes('self_assessment') ? targets : [];
    const leaders = current.instruments.includes('leader_survey') ? targets.filter((t) => t.is_leader) : [];
    if (selfAssessed.length + leaders.length === 0) {
      throw conflict('NOBODY_TARGETED', current.instruments.includes('self_assessment') ? 'The campaign targets no active employees.' : 'The campaign targets no active leaders for the leader survey.');
    }
    const made = [
      ...(await repo.insertInvitations(tx, municipalityId, campaignId, selfAssessed, newInvitationToken, 'self_assessment')),
      ...(await repo.insertInvitations(tx, municipalityId, campaignId, leaders, newInvitationToken, 'leader_survey')),
    ];
    const invitedByInstrument = { selfAssessment: selfAssessed.length, leaderSurvey: leaders.length };
    const byPerson = new Map(targets.map((t) => [t.id, t]));
    const mails = made.flatMap((m) => {
      const t = byPerson.get(m.personId)!;
      return t.email ? [{ to: t.email, language: t.preferred_language, name: t.given_name, token: m.token, instrument: m.instrument }] : [];
    });
    await tx.updateTable('campaigns').set({ published_at: new Date(), updated_at: new Date() }).where('municipality_id', '=', municipalityId).where('id', '=', campaignId).execute();
    const campaign = present(await mustFind(tx, municipalityId, campaignId));
    await recordAudit(tx, municipalityId, actorOf(ctx), {
      action: 'campaign.publish',
      entityType: 'campaign',
      entityId: campaignId,
      before: present(current),
      after: { ...campaign, invited: made.length, invitedByInstrument, emailed: mails.length },
    });
    return { campaign, invited: made.length, invitedByInstrument, mails, closesAt: current.closes_at };
  });
  const { campaign, invited, invitedByInstrument, mails, closesAt } = result;
  ctx.jobs.run('mapping.invitations', () => sendCampaignMails(ctx, 'invite', { name: campaign.name, closesAt, anonymous: campaign.mode === 'anonymous' }, mails));
  return { campaign, invited, invitedByInstrument, emailed: mails.length };
}

export async function closeCampaign(ctx: RequestContext, municipalityId: string, campaignId: string): Promise<Campaign> {
  authorize(ctx, municipalityId, 'manage');
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await mustFind(tx, municipalityId, campaignId, { lock: true });
    const before = present(current);
    if (before.status === 'draft') throw conflict('CAMPAIGN_NOT_PUBLISHED', 'A draft cannot be closed; it has not been published.');
    if (before.status === 'closed') throw conflict('CAMPAIGN_ALREADY_CLOSED', 'This campaign is already closed.');
    await tx.updateTable('campaigns').set({ closed_at: new Date(), updated_at: new Date() }).where('municipality_id', '=', municipalityId).where('id', '=', campaignId).execute();
    await repo.deleteCampaignCodes(tx, municipalityId, campaignId);
    const after = present(await mustFind(tx, municipalityId, campaignId));
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'campaign.close', entityType: 'campaign', entityId: campaignId, before, after });
    return after;
  });
}

/**
 * Reminds everyone who has not submitted (and has an e-mail address), one
 * e-mail per unsubmitted invitation of either instrument. Each reminder carries
 * a new link token; the earlier links keep working.
 */
export async function sendReminders(ctx: RequestContext, municipalityId: string, campaignId: string) {
  authorize(ctx, municipalityId, 'manage');
  const result = await withTenant(ctx.db, municipalityId, async (tx) => {
    const current = await mustFind(tx, municipalityId, campaignId, { lock: true });
    const status = campaignStatus(current);
    if (status !== 'open') throw conflict('CAMPAIGN_NOT_OPEN', `Reminders go out only while the campaign is open (it is ${status}).`, { status });
    const open = await repo.openInvitations(tx, municipalityId, campaignId, { withEmail: true, instruments: ['self_assessment', 'leader_survey'] });
    const keys = open.map((i) => ({ invitationId: i.id, secret: newInvitationToken() }));
    await repo.insertKeys(tx, municipalityId, 'token', keys);
    const mails = open.map((i, n) => ({ to: i.email!, language: i.preferred_language, name: i.given_name, token: keys[n]!.secret, instrument: i.instrument as CampaignInstrument }));
    // Counts only: a list of who had not answered yet would date everyone's submission.
    await recordAudit(tx, municipalityId, actorOf(ctx), { action: 'campaign.remind', entityType: 'campaign', entityId: campaignId, after: { emailed: mails.length } });
    return { mails, campaign: current };
  });
  const { mails, campaign } = result;
  ctx.jobs.run('mapping.reminders', () => sendCampaignMails(ctx, 'remind', { name: campaign.name, closesAt: campaign.closes_at, anonymous: campaign.mode === 'anonymous' }, mails));
  return { emailed: mails.length };
}

async function scopeUnits(tx: TenantTx, municipalityId: string, scope: UnitScope): Promise<Set<string> | 'all'> {
  if (scope.kind === 'all') return 'all';
  if (scope.kind === 'none') return new Set();
  return new Set(await unitSubtreeIds(tx, municipalityId, scope.rootUnitIds));
}

/**
 * New shared-device codes for the unsubmitted invitations in a unit and its
 * sub-units, replacing the codes printed before (which stop working). The codes
 * are in this answer only: the database keeps their hashes.
 */
export async function issueInvitationCodes(ctx: RequestContext, municipalityId: string, campaignId: string, unitId: string) {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const scope = mappingPolicy.codesScope(p, municipalityId);
  if (scope.kind === 'none') throw AppError.forbidden();
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const campaign = await mustFind(tx, municipalityId, campaignId, { lock: true });
    const unit = await tx.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw AppError.validation('The unit does not exist.', { field: 'unitId' });
    const allowed = await scopeUnits(tx, municipalityId, scope);
    if (allowed !== 'all' && !allowed.has(unitId)) throw AppError.forbidden('You can print codes only for the units you lead.');
    const status = campaignStatus(campaign);
    if (status === 'draft') throw conflict('CAMPAIGN_NOT_PUBLISHED', 'Codes exist once the campaign is published.');
    if (status === 'closed') throw conflict('CAMPAIGN_CLOSED', 'The campaign is closed.');
    const units = await unitSubtreeIds(tx, municipalityId, [unitId]);
    const open = await repo.openInvitations(tx, municipalityId, campaignId, { unitIds: units });
    const codes = open.map((i) => ({ invitationId: i.id, secret: newInvitationCode() }));
    await repo.deleteCodes(tx, municipalityId, codes.map((c) => c.invitationId));
    await repo.insertKeys(tx, municipalityId, 'code', codes);
    await recordAudit(tx, municipalityId, actorOf(ctx), {
      action: 'campaign.codes',
      entityType: 'campaign',
      entityId: campaignId,
      after: { unitId, codes: codes.length },
    });
    const entryUrl = `${ctx.config.publicUrl}/assess`;
    return {
      campaignId,
      unitId,
      unitName: unit.name,
      entryUrl,
      closesAt: campaign.closes_at.toISOString(),
      codes: open.map((i, n) => ({
        personId: i.person_id,
        name: `${i.given_name} ${i.family_name}`,
        unitName: i.unit_name,
        code: formatCode(codes[n]!.secret),
        link: `${entryUrl}/${formatCode(codes[n]!.secret)}`,
      })),
    };
  });
}

export async function campaignProgress(ctx: RequestContext, municipalityId: string, campaignId: string): Promise<CampaignProgress> {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const scope = mappingPolicy.progressScope(p, municipalityId);
  if (scope.kind === 'none') throw AppError.forbidden();
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const campaign = await mustFind(tx, municipalityId, campaignId);
    const [units, counts, k] = await Promise.all([
      repo.listUnits(tx, municipalityId),
      repo.countsByUnit(tx, municipalityId, campaignId),
      repo.anonymityThreshold(tx, municipalityId),
    ]);
    // The leader survey: the whole campaign only, for those who see the whole campaign.
    let leaderSurvey: CampaignProgress['leaderSurvey'] = null;
    if (scope.kind === 'all' && campaign.instruments.includes('leader_survey')) {
      const c = await repo.leaderSurveyCounts(tx, municipalityId, campaignId);
      leaderSurvey = { invited: c.invited, submitted: c.invited >= k ? c.submitted : null };
    }
    const byUnit = new Map<string | null, Counts>(counts.map((c) => [c.unit_id, { invited: Number(c.invited), submitted: Number(c.submitted) }]));
    const { rows, total } = computeProgress({
      units: units.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name })),
      counts: byUnit,
      k,
      visibleRoots: scope.kind === 'all' ? 'all' : scope.rootUnitIds,
    });
    return { campaignId, threshold: k, total, leaderSurvey, rows };
  });
}
