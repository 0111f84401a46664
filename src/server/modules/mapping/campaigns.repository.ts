import { sql } from 'kysely';
import type { CampaignInstrument } from '../../../shared/api/mapping.js';
import type { TenantTx } from '../../db/tenant.js';
import { keyHash } from './keys.js';

const CHUNK = 500;

export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

function campaignsWithUnits(tx: TenantTx, municipalityId: string) {
  return tx
    .selectFrom('campaigns')
    .selectAll('campaigns')
    .select((eb) =>
      eb
        .selectFrom('campaign_units')
        .select(sql<string[]>`coalesce(array_agg(unit_id order by unit_id), '{}')`.as('ids'))
        .where('campaign_units.municipality_id', '=', municipalityId)
        .whereRef('campaign_units.campaign_id', '=', 'campaigns.id')
        .as('unit_ids'),
    )
    .where('campaigns.municipality_id', '=', municipalityId);
}

const withUnitIds = <T extends { unit_ids: string[] | null }>(row: T) => ({ ...row, unit_ids: row.unit_ids ?? [] });

export async function listCampaigns(tx: TenantTx, municipalityId: string) {
  const rows = await campaignsWithUnits(tx, municipalityId).orderBy('campaigns.opens_at', 'desc').orderBy('campaigns.name').orderBy('campaigns.id').execute();
  return rows.map(withUnitIds);
}

export async function findCampaign(tx: TenantTx, municipalityId: string, campaignId: string, opts: { lock?: boolean } = {}) {
  let q = campaignsWithUnits(tx, municipalityId).where('campaigns.id', '=', campaignId);
  if (opts.lock) q = q.forUpdate('campaigns');
  const row = await q.executeTakeFirst();
  return row ? withUnitIds(row) : undefined;
}

export async function replaceUnits(tx: TenantTx, municipalityId: string, campaignId: string, unitIds: string[]) {
  await tx.deleteFrom('campaign_units').where('municipality_id', '=', municipalityId).where('campaign_id', '=', campaignId).execute();
  if (unitIds.length === 0) return;
  await tx
    .insertInto('campaign_units')
    .values(unitIds.map((unit_id) => ({ municipality_id: municipalityId, campaign_id: campaignId, unit_id })))
    .execute();
}

/** Competence codes and levels of a framework version, to check a campaign and answers against. */
export async function frameworkShape(tx: TenantTx, versionId: string) {
  const [version, competences, levels] = await Promise.all([
    tx.selectFrom('framework_versions').select('id').where('id', '=', versionId).executeTakeFirst(),
    tx.selectFrom('framework_competences').select('code').where('version_id', '=', versionId).orderBy('position').execute(),
    tx.selectFrom('framework_levels').select('level').where('version_id', '=', versionId).orderBy('level').execute(),
  ]);
  return { exists: !!version, codes: competences.map((c) => c.code), levels: new Set(levels.map((l) => l.level)) };
}

export async function existingUnitIds(tx: TenantTx, municipalityId: string, unitIds: string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await tx.selectFrom('units').select('id').where('municipality_id', '=', municipalityId).where('id', 'in', unitIds).execute();
  return new Set(rows.map((r) => r.id));
}

export type Target = {
  id: string;
  given_name: string;
  email: string | null;
  preferred_language: string;
  unit_id: string | null;
  /** Invited to the leader survey: profession 'leader', or the person's user holds a leader grant here. */
  is_leader: boolean;
};

/**
 * Active people the campaign targets: in one of its units (or below them when
 * sub-units are included; anywhere when it names no unit) and of one of its
 * professions (any when it names none). unit_id is where the person is counted
 * for the response rate: the primary unit when targeted, else a targeted one.
 * is_leader marks who the leader survey goes to: people of profession 'leader',
 * and people whose user account holds a 'leader' grant in this municipality
 * (municipality or unit scope, wherever the unit is).
 */
export async function targetPersons(tx: TenantTx, municipalityId: string, campaign: CampaignRow): Promise<Target[]> {
  const hasUnits = campaign.unit_ids.length > 0;
  const professions = campaign.target_professions;
  const { rows } = await sql<Target>`
    with recursive targets as (
      select unit_id as id from campaign_units where municipality_id = ${municipalityId} and campaign_id = ${campaign.id}
      union
      select u.id from units u join targets t on u.parent_id = t.id
      where u.municipality_id = ${municipalityId} and ${campaign.include_sub_units}
    )
    select p.id, p.given_name, p.email, p.preferred_language,
      (select pu.unit_id from person_units pu
        where pu.municipality_id = ${municipalityId} and pu.person_id = p.id
          and (not ${hasUnits} or pu.unit_id in (select id from targets))
        order by pu.is_primary desc, pu.unit_id limit 1) as unit_id,
      (p.profession = 'leader' or (p.user_id is not null and exists (
        select 1 from role_grants g
        where g.user_id = p.user_id and g.role = 'leader' and g.municipality_id = ${municipalityId}
          and g.scope_type in ('municipality', 'unit')))) as is_leader
    from persons p
    where p.municipality_id = ${municipalityId} and p.active
      and (cardinality(${professions}::text[]) = 0 or p.profession = any(${professions}::text[]))
      and (not ${hasUnits} or exists (
        select 1 from person_units pu
        where pu.municipality_id = ${municipalityId} and pu.person_id = p.id and pu.unit_id in (select id from targets)))
    order by p.family_name, p.given_name, p.id`.execute(tx);
  return rows;
}

/** One invitation to the instrument per target, each with a fresh link token (only its hash is stored). */
export async function insertInvitations(
  tx: TenantTx,
  municipalityId: string,
  campaignId: string,
  targets: Target[],
  newToken: () => string,
  instrument: CampaignInstrument = 'self_assessment',
) {
  const made: { invitationId: string; personId: string; token: string; instrument: CampaignInstrument }[] = [];
  for (let i = 0; i < targets.length; i += CHUNK) {
    const chunk = targets.slice(i, i + CHUNK);
    const rows = await tx
      .insertInto('campaign_invitations')
      .values(chunk.map((t) => ({ municipality_id: municipalityId, campaign_id: campaignId, person_id: t.id, instrument, unit_id: t.unit_id })))
      .returning(['id', 'person_id'])
      .execute();
    made.push(...rows.map((r) => ({ invitationId: r.id, personId: r.person_id, token: newToken(), instrument })));
  }
  await insertKeys(tx, municipalityId, 'token', made.map((m) => ({ invitationId: m.invitationId, secret: m.token })));
  return made;
}

export async function insertKeys(tx: TenantTx, municipalityId: string, kind: 'token' | 'code', keys: { invitationId: string; secret: string }[]) {
  for (let i = 0; i < keys.length; i += CHUNK) {
    await tx
      .insertInto('invitation_keys')
      .values(keys.slice(i, i + CHUNK).map((k) => ({ key_hash: keyHash(k.secret), kind, municipality_id: municipalityId, invitation_id: k.invitationId })))
      .execute();
  }
}

export async function deleteCodes(tx: TenantTx, municipalityId: string, invitationIds: string[]) {
  for (let i = 0; i < invitationIds.length; i += CHUNK) {
    await tx
      .deleteFrom('invitation_keys')
      .where('municipality_id', '=', municipalityId)
      .where('kind', '=', 'code')
      .where('invitation_id', 'in', invitationIds.slice(i, i + CHUNK))
      .execute();
  }
}

/** Codes die with their campaign: the short secrets exist only while it can be answered. */
export async function deleteCampaignCodes(tx: TenantTx, municipalityId: string, campaignId: string) {
  await tx
    .deleteFrom('invitation_keys')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'code')
    .where('invitation_id', 'in', (eb) =>
      eb.selectFrom('campaign_invitations').select('id').where('municipality_id', '=', municipalityId).where('campaign_id', '=', campaignId),
    )
    .execute();
}

/**
 * Unsubmitted invitations of active people, with what a reminder or a code list
 * needs: self-assessments only unless `instruments` says otherwise.
 */
export async function openInvitations(
  tx: TenantTx,
  municipalityId: string,
  campaignId: string,
  filter: { unitIds?: string[]; withEmail?: boolean; instruments?: CampaignInstrument[] },
) {
  let q = tx
    .selectFrom('campaign_invitations as i')
    .innerJoin('persons as p', (j) => j.onRef('p.municipality_id', '=', 'i.municipality_id').onRef('p.id', '=', 'i.person_id'))
    .leftJoin('units as u', (j) => j.onRef('u.municipality_id', '=', 'i.municipality_id').onRef('u.id', '=', 'i.unit_id'))
    .select(['i.id', 'i.person_id', 'i.instrument', 'p.given_name', 'p.family_name', 'p.email', 'p.preferred_language', 'u.name as unit_name'])
    .where('i.municipality_id', '=', municipalityId)
    .where('i.campaign_id', '=', campaignId)
    .where('i.instrument', 'in', filter.instruments ?? ['self_assessment'])
    .where('i.submitted', '=', false)
    .where('p.active', '=', true);
  if (filter.unitIds) q = q.where('i.unit_id', 'in', filter.unitIds.length > 0 ? filter.unitIds : ['00000000-0000-0000-0000-000000000000']);
  if (filter.withEmail) q = q.where('p.email', 'is not', null);
  return q.orderBy('u.name').orderBy('p.family_name').orderBy('p.given_name').orderBy('i.instrument', 'desc').orderBy('i.id').execute();
}

/** Invited and submitted self-assessments per unit (null: people in no unit). */
export async function countsByUnit(tx: TenantTx, municipalityId: string, campaignId: string) {
  return tx
    .selectFrom('campaign_invitations')
    .select(['unit_id', sql<number>`count(*)`.as('invited'), sql<number>`count(*) filter (where submitted)`.as('submitted')])
    .where('municipality_id', '=', municipalityId)
    .where('campaign_id', '=', campaignId)
    .where('instrument', '=', 'self_assessment')
    .groupBy('unit_id')
    .execute();
}

/** Invited and submitted leader surveys of the whole campaign. */
export async function leaderSurveyCounts(tx: TenantTx, municipalityId: string, campaignId: string) {
  const row = await tx
    .selectFrom('campaign_invitations')
    .select([sql<number>`count(*)`.as('invited'), sql<number>`count(*) filter (where submitted)`.as('submitted')])
    .where('municipality_id', '=', municipalityId)
    .where('campaign_id', '=', campaignId)
    .where('instrument', '=', 'leader_survey')
    .executeTakeFirstOrThrow();
  return { invited: Number(row.invited), submitted: Number(row.submitted) };
}

export function listUnits(tx: TenantTx, municipalityId: string) {
  return tx.selectFrom('units').select(['id', 'parent_id', 'name']).where('municipality_id', '=', municipalityId).execute();
}

export async function anonymityThreshold(tx: TenantTx, municipalityId: string): Promise<number> {
  const row = await tx.selectFrom('municipalities').select('anonymity_threshold').where('id', '=', municipalityId).executeTakeFirstOrThrow();
  return row.anonymity_threshold;
}
