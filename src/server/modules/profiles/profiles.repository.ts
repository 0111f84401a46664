import type { TenantTx } from '../../db/tenant.js';

/**
 * The self-assessment invitations of a campaign (one person, or everyone) with
 * the person and, once submitted, the unit and profession they had then.
 */
export function invitedPeople(tx: TenantTx, municipalityId: string, campaignId: string, personId?: string) {
  let q = tx
    .selectFrom('campaign_invitations as i')
    .innerJoin('persons as p', (j) => j.onRef('p.municipality_id', '=', 'i.municipality_id').onRef('p.id', '=', 'i.person_id'))
    .leftJoin('identified_responses as r', (j) =>
      j.onRef('r.municipality_id', '=', 'i.municipality_id').onRef('r.campaign_id', '=', 'i.campaign_id').onRef('r.person_id', '=', 'i.person_id'),
    )
    .select([
      'i.person_id',
      'i.unit_id as invitation_unit_id',
      'i.submitted',
      'p.given_name',
      'p.family_name',
      'p.profession',
      'r.unit_id as response_unit_id',
      'r.profession as response_profession',
      'r.submitted_at',
    ])
    .where('i.municipality_id', '=', municipalityId)
    .where('i.campaign_id', '=', campaignId)
    .where('i.instrument', '=', 'self_assessment');
  if (personId) q = q.where('i.person_id', '=', personId);
  return q.orderBy('p.family_name').orderBy('p.given_name').orderBy('i.person_id').execute();
}
export type InvitedPerson = Awaited<ReturnType<typeof invitedPeople>>[number];

/** Unit memberships of the campaign's invited people (primary first). */
export function personUnits(tx: TenantTx, municipalityId: string, campaignId: string, personId?: string) {
  let q = tx
    .selectFrom('person_units')
    .select(['person_id', 'unit_id', 'is_primary'])
    .where('municipality_id', '=', municipalityId)
    .where('person_id', 'in', (eb) =>
      eb
        .selectFrom('campaign_invitations')
        .select('person_id')
        .where('municipality_id', '=', municipalityId)
        .where('campaign_id', '=', campaignId)
        .where('instrument', '=', 'self_assessment'),
    );
  if (personId) q = q.where('person_id', '=', personId);
  return q.orderBy('person_id').orderBy('is_primary', 'desc').orderBy('unit_id').execute();
}

export function unitNames(tx: TenantTx, municipalityId: string) {
  return tx.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute();
}

/** Submitted answers (identified campaigns only hold them under the person). */
export function answers(tx: TenantTx, municipalityId: string, campaignId: string, personId?: string) {
  let q = tx
    .selectFrom('identified_answers')
    .select(['person_id', 'competence_code', 'level', 'wants_training'])
    .where('municipality_id', '=', municipalityId)
    .where('campaign_id', '=', campaignId);
  if (personId) q = q.where('person_id', '=', personId);
  return q.execute();
}

export function ratings(tx: TenantTx, municipalityId: string, campaignId: string, personId?: string) {
  let q = tx
    .selectFrom('leader_ratings')
    .select(['person_id', 'competence_code', 'level'])
    .where('municipality_id', '=', municipalityId)
    .where('campaign_id', '=', campaignId);
  if (personId) q = q.where('person_id', '=', personId);
  return q.orderBy('competence_code').execute();
}

export async function upsertRatings(tx: TenantTx, municipalityId: string, campaignId: string, personId: string, rows: { competenceCode: string; level: number | null }[], ratedBy: string) {
  if (rows.length === 0) return;
  const now = new Date();
  await tx
    .insertInto('leader_ratings')
    .values(rows.map((r) => ({ municipality_id: municipalityId, campaign_id: campaignId, person_id: personId, competence_code: r.competenceCode, level: r.level, rated_by: ratedBy, rated_at: now })))
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'campaign_id', 'person_id', 'competence_code']).doUpdateSet((eb) => ({
        level: eb.ref('excluded.level'),
        rated_by: eb.ref('excluded.rated_by'),
        rated_at: eb.ref('excluded.rated_at'),
      })),
    )
    .execute();
}

/** The identified campaigns a person has submitted, newest submission first. */
export function submittedIdentifiedCampaigns(tx: TenantTx, municipalityId: string, personId: string) {
  return tx
    .selectFrom('identified_responses as r')
    .innerJoin('campaigns as c', (j) => j.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.campaign_id'))
    .select(['r.campaign_id', 'r.submitted_at'])
    .where('r.municipality_id', '=', municipalityId)
    .where('r.person_id', '=', personId)
    .where('c.mode', '=', 'identified')
    .orderBy('r.submitted_at', 'desc')
    .orderBy('r.campaign_id')
    .execute();
}

export async function defaultLanguage(tx: TenantTx, municipalityId: string): Promise<string> {
  return (await tx.selectFrom('municipalities').select('default_language').where('id', '=', municipalityId).executeTakeFirstOrThrow()).default_language;
}
