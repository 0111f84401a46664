import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { insertCampaign, invite, type CampaignState } from '../mapping/mapping.fixtures.js';
import { computeCampaignResults } from './snapshot.js';

// Campaigns with answers written as the submit path writes them (around the
// API), for the results tests and the isolation matrix.

export type Respondent = { personId: string; unitId: string | null; profession: string; levels: Record<string, number | null>; wantsTraining?: string[] };

/**
 * A campaign on the given competences with everyone in `invited` invited and
 * `respondents` answered; closed (and its results computed) unless state says otherwise.
 */
export async function campaignWithAnswers(
  db: Kysely<DB>,
  municipalityId: string,
  o: { invited: string[]; respondents: Respondent[]; mode?: 'identified' | 'anonymous'; state?: CampaignState; competenceCodes: string[]; name?: string; instruments?: string[]; compute?: boolean },
): Promise<string> {
  const campaignId = await insertCampaign(db, municipalityId, { mode: o.mode ?? 'anonymous', state: o.state ?? 'closed', competenceCodes: o.competenceCodes, name: o.name, instruments: o.instruments });
  const invitations = await invite(db, municipalityId, campaignId, o.invited);
  const byPerson = new Map(invitations.map((i) => [i.personId, i.invitationId]));
  for (const r of o.respondents) {
    const answers = o.competenceCodes.map((code) => ({ code, level: r.levels[code] ?? null, wants: r.wantsTraining?.includes(code) ?? false }));
    if ((o.mode ?? 'anonymous') === 'anonymous') {
      await db
        .insertInto('anonymous_responses')
        .values({
          municipality_id: municipalityId,
          campaign_id: campaignId,
          unit_id: r.unitId,
          profession: r.profession,
          answers: JSON.stringify(Object.fromEntries(answers.map((a) => [a.code, { level: a.level, wantsTraining: a.wants }]))),
        })
        .execute();
    } else {
      await db.insertInto('identified_responses').values({ municipality_id: municipalityId, campaign_id: campaignId, person_id: r.personId, unit_id: r.unitId, profession: r.profession }).execute();
      await db
        .insertInto('identified_answers')
        .values(answers.map((a) => ({ municipality_id: municipalityId, campaign_id: campaignId, person_id: r.personId, competence_code: a.code, level: a.level, wants_training: a.wants })))
        .execute();
    }
    const invitationId = byPerson.get(r.personId);
    if (invitationId) await db.updateTable('campaign_invitations').set({ submitted: true }).where('municipality_id', '=', municipalityId).where('id', '=', invitationId).execute();
  }
  if ((o.state ?? 'closed') === 'closed' && o.compute !== false) await computeCampaignResults(db, municipalityId, campaignId);
  return campaignId;
}
