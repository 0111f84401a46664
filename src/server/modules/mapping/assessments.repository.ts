import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TenantTx } from '../../db/tenant.js';

/** Resolves a hashed link token or code to its invitation, across tenants (before any tenant is known, like sign-in). */
export function findKey(db: Kysely<DB>, kind: 'token' | 'code', hash: string) {
  return db
    .selectFrom('invitation_keys')
    .select(['municipality_id', 'invitation_id'])
    .where('key_hash', '=', hash)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** An invitation of one of the signed-in user's own employee records. */
export function findOwnInvitation(db: Kysely<DB>, invitationId: string, persons: { municipalityId: string; personId: string }[]) {
  if (persons.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('campaign_invitations')
    .select(['municipality_id', 'id as invitation_id'])
    .where('id', '=', invitationId)
    .where((eb) => eb.or(persons.map((p) => eb.and([eb('municipality_id', '=', p.municipalityId), eb('person_id', '=', p.personId)]))))
    .executeTakeFirst();
}

/** The invitation with its campaign and person; locked for the rest of the transaction when asked. */
export async function loadInvitation(tx: TenantTx, municipalityId: string, invitationId: string, opts: { lock?: boolean } = {}) {
  let q = tx
    .selectFrom('campaign_invitations as i')
    .innerJoin('campaigns as c', (j) => j.onRef('c.municipality_id', '=', 'i.municipality_id').onRef('c.id', '=', 'i.campaign_id'))
    .innerJoin('persons as p', (j) => j.onRef('p.municipality_id', '=', 'i.municipality_id').onRef('p.id', '=', 'i.person_id'))
    .innerJoin('municipalities as m', 'm.id', 'i.municipality_id')
    .select([
      'i.id',
      'i.person_id',
      'i.instrument',
      'i.submitted',
      'c.id as campaign_id',
      'c.name as campaign_name',
      'c.framework_version_id',
      'c.competence_codes',
      'c.mode',
      'c.opens_at',
      'c.closes_at',
      'c.published_at',
      'c.closed_at',
      'p.given_name',
      'p.preferred_language',
      'p.profession',
      'p.active',
      'm.name as municipality_name',
      'm.default_language',
    ])
    .where('i.municipality_id', '=', municipalityId)
    .where('i.id', '=', invitationId);
  if (opts.lock) q = q.forUpdate('i');
  return q.executeTakeFirst();
}
export type InvitationRow = NonNullable<Awaited<ReturnType<typeof loadInvitation>>>;

/** Serialises the submissions of one campaign (see reshuffleAnonymousResponses). */
export async function lockCampaign(tx: TenantTx, municipalityId: string, campaignId: string) {
  await tx.selectFrom('campaigns').select('id').where('municipality_id', '=', municipalityId).where('id', '=', campaignId).forUpdate().execute();
}

export function listDrafts(tx: TenantTx, municipalityId: string, invitationId: string) {
  return tx
    .selectFrom('assessment_drafts')
    .select(['competence_code', 'level', 'dont_know', 'wants_training', 'saved_at'])
    .where('municipality_id', '=', municipalityId)
    .where('invitation_id', '=', invitationId)
    .orderBy('competence_code')
    .execute();
}
export type DraftRow = Awaited<ReturnType<typeof listDrafts>>[number];

export async function upsertDrafts(
  tx: TenantTx,
  municipalityId: string,
  invitationId: string,
  rows: { competence_code: string; level: number | null; dont_know: boolean; wants_training: boolean }[],
  savedAt: Date,
) {
  if (rows.length === 0) return;
  await tx
    .insertInto('assessment_drafts')
    .values(rows.map((r) => ({ municipality_id: municipalityId, invitation_id: invitationId, ...r, saved_at: savedAt })))
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'invitation_id', 'competence_code']).doUpdateSet((eb) => ({
        level: eb.ref('excluded.level'),
        dont_know: eb.ref('excluded.dont_know'),
        wants_training: eb.ref('excluded.wants_training'),
        saved_at: eb.ref('excluded.saved_at'),
      })),
    )
    .execute();
}

export async function deleteDrafts(tx: TenantTx, municipalityId: string, invitationId: string) {
  await tx.deleteFrom('assessment_drafts').where('municipality_id', '=', municipalityId).where('invitation_id', '=', invitationId).execute();
}

/** The leader-survey answers of an invitation: the draft until submitted; in identified campaigns also the final answers. */
export async function listSurveyAnswers(tx: TenantTx, municipalityId: string, invitationId: string) {
  return tx
    .selectFrom('leader_survey_answers')
    .select(['item_code', 'option_codes', 'saved_at'])
    .where('municipality_id', '=', municipalityId)
    .where('invitation_id', '=', invitationId)
    .orderBy('item_code')
    .execute();
}

/** Saves leader-survey answers (each replaces the item's earlier answer) and clears the items listed in `cleared`. */
export async function saveSurveyAnswers(
  tx: TenantTx,
  municipalityId: string,
  invitationId: string,
  rows: { item_code: string; option_codes: string[] }[],
  cleared: string[],
  savedAt: Date,
) {
  if (cleared.length > 0) {
    await tx
      .deleteFrom('leader_survey_answers')
      .where('municipality_id', '=', municipalityId)
      .where('invitation_id', '=', invitationId)
      .where('item_code', 'in', cleared)
      .execute();
  }
  if (rows.length === 0) return;
  await tx
    .insertInto('leader_survey_answers')
    .values(rows.map((r) => ({ municipality_id: municipalityId, invitation_id: invitationId, item_code: r.item_code, option_codes: r.option_codes, saved_at: savedAt })))
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'invitation_id', 'item_code']).doUpdateSet((eb) => ({
        option_codes: eb.ref('excluded.option_codes'),
        saved_at: eb.ref('excluded.saved_at'),
      })),
    )
    .execute();
}

export async function deleteSurveyAnswers(tx: TenantTx, municipalityId: string, invitationId: string) {
  await tx.deleteFrom('leader_survey_answers').where('municipality_id', '=', municipalityId).where('invitation_id', '=', invitationId).execute();
}

export function identifiedAnswers(tx: TenantTx, municipalityId: string, campaignId: string, personId: string) {
  return tx
    .selectFrom('identified_answers')
    .select(['competence_code', 'level', 'wants_training'])
    .where('municipality_id', '=', municipalityId)
    .where('campaign_id', '=', campaignId)
    .where('person_id', '=', personId)
    .orderBy('competence_code')
    .execute();
}

/** Where the person works now (primary unit first) and their profession: what an anonymous response keeps for aggregates. */
export async function currentUnit(tx: TenantTx, municipalityId: string, personId: string): Promise<string | null> {
  const row = await tx
    .selectFrom('person_units')
    .select('unit_id')
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .orderBy('is_primary', 'desc')
    .orderBy('unit_id')
    .limit(1)
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

export async function markSubmitted(tx: TenantTx, municipalityId: string, invitationId: string) {
  await tx.updateTable('campaign_invitations').set({ submitted: true }).where('municipality_id', '=', municipalityId).where('id', '=', invitationId).execute();
}

export type FinalAnswer = { competenceCode: string; level: number | null; wantsTraining: boolean };

export async function insertIdentifiedResponse(
  tx: TenantTx,
  municipalityId: string,
  r: { campaignId: string; personId: string; unitId: string | null; profession: string; answers: FinalAnswer[] },
) {
  await tx
    .insertInto('identified_responses')
    .values({ municipality_id: municipalityId, campaign_id: r.campaignId, person_id: r.personId, unit_id: r.unitId, profession: r.profession })
    .execute();
  if (r.answers.length === 0) return;
  await tx
    .insertInto('identified_answers')
    .values(
      r.answers.map((a) => ({
        municipality_id: municipalityId,
        campaign_id: r.campaignId,
        person_id: r.personId,
        competence_code: a.competenceCode,
        level: a.level,
        wants_training: a.wantsTraining,
      })),
    )
    .execute();
}

/**
 * The anonymous response: campaign, unit, profession and answers under a random
 * id (gen_random_uuid: version 4, no time or order in it). Nothing else.
 */
export async function insertAnonymousResponse(tx: TenantTx, municipalityId: string, r: { campaignId: string; unitId: string | null; profession: string; answers: FinalAnswer[] }) {
  const answers: Record<string, { level: number | null; wantsTraining: boolean }> = {};
  for (const a of r.answers) answers[a.competenceCode] = { level: a.level, wantsTraining: a.wantsTraining };
  await tx
    .insertInto('anonymous_responses')
    .values({ municipality_id: municipalityId, campaign_id: r.campaignId, instrument: 'self_assessment', unit_id: r.unitId, profession: r.profession, answers: JSON.stringify(answers) })
    .execute();
}

/**
 * An anonymous leader-survey response, kept like the self-assessment's (campaign,
 * unit, profession, random id, nothing else) with instrument 'leader_survey' and
 * answers {"<item code>": ["<option code>", …]}.
 */
export async function insertAnonymousSurveyResponse(
  tx: TenantTx,
  municipalityId: string,
  r: { campaignId: string; unitId: string | null; profession: string; answers: { itemCode: string; optionCodes: string[] }[] },
) {
  const answers: Record<string, string[]> = {};
  for (const a of r.answers) answers[a.itemCode] = a.optionCodes;
  await tx
    .insertInto('anonymous_responses')
    .values({ municipality_id: municipalityId, campaign_id: r.campaignId, instrument: 'leader_survey', unit_id: r.unitId, profession: r.profession, answers: JSON.stringify(answers) })
    .execute();
}

/**
 * Writes every anonymous response of the campaign anew, in the submitting
 * transaction, under fresh random ids and in random order. Three things would
 * otherwise tie the newest response to the invitation marked submitted in the
 * same transaction:
 * - xmin: a row's system column holds the id of the transaction that wrote it,
 *   so `anonymous_responses.xmin = campaign_invitations.xmin` would join them.
 *   Now every response of the campaign carries the latest submission's
 *   transaction id, which matches all of them alike.
 * - physical order (ctid): rows would lie in the heap in submission order.
 * - ids: kept across submissions, comparing two copies of the table (backups)
 *   would show which id is new.
 * Each row keeps its instrument (self-assessment or leader survey): both kinds
 * of a campaign are rewritten together, whichever was submitted.
 * One statement: the insert and the delete of a data-modifying WITH see the
 * same snapshot, so the delete removes exactly the rows that were copied. The
 * caller holds the campaign row lock, so no concurrent submission slips a row
 * in between. Costs one row write per response per submission.
 */
export async function reshuffleAnonymousResponses(tx: TenantTx, municipalityId: string, campaignId: string) {
  await sql`
    with fresh as (
      insert into anonymous_responses (municipality_id, campaign_id, id, instrument, unit_id, profession, answers)
      select municipality_id, campaign_id, gen_random_uuid(), instrument, unit_id, profession, answers
      from anonymous_responses where municipality_id = ${municipalityId} and campaign_id = ${campaignId}
      order by random()
      returning 1)
    delete from anonymous_responses where municipality_id = ${municipalityId} and campaign_id = ${campaignId}`.execute(tx);
}

/** The signed-in user's invitations (either instrument) in campaigns that are published and not closed. */
export function myInvitations(tx: TenantTx, municipalityId: string, personId: string, now: Date) {
  return tx
    .selectFrom('campaign_invitations as i')
    .innerJoin('campaigns as c', (j) => j.onRef('c.municipality_id', '=', 'i.municipality_id').onRef('c.id', '=', 'i.campaign_id'))
    .innerJoin('municipalities as m', 'm.id', 'i.municipality_id')
    .select(['i.id', 'i.instrument', 'i.submitted', 'c.id as campaign_id', 'c.name', 'c.mode', 'c.opens_at', 'c.closes_at', 'c.published_at', 'c.closed_at', 'm.name as municipality_name'])
    .where('i.municipality_id', '=', municipalityId)
    .where('i.person_id', '=', personId)
    .where('c.published_at', 'is not', null)
    .where('c.closed_at', 'is', null)
    .where('c.closes_at', '>', now)
    .orderBy('c.closes_at')
    .orderBy('c.id')
    .orderBy('i.instrument', 'desc')
    .execute();
}
