import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { withTenant } from '../../db/tenant.js';
import { findVersion } from '../frameworks/frameworks.repository.js';
import { ensureBuiltInFrameworks } from '../frameworks/frameworks.service.js';
import { STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION } from '../frameworks/starter/starter-framework.js';
import * as repo from './campaigns.repository.js';
import { formatCode, newInvitationCode, newInvitationToken } from './keys.js';
import { answerOptions, LEADER_SURVEY_ITEMS } from './question-bank/question-bank.js';

// Campaigns, invitations and keys written directly (as the owner, around the
// API), for tests and the isolation matrix: each call makes fresh objects.

const starter = new WeakMap<Kysely<DB>, Promise<string>>();

/** The built-in starter framework version, installed once per database. */
export function starterVersion(db: Kysely<DB>): Promise<string> {
  let id = starter.get(db);
  if (!id) {
    id = (async () => {
      await ensureBuiltInFrameworks(db);
      return (await findVersion(db, STARTER_FRAMEWORK_KEY, STARTER_FRAMEWORK_VERSION))!.id;
    })();
    starter.set(db, id);
  }
  return id;
}

/** Three competences of the starter framework: small enough to answer in a test. */
export const FEW_CODES = ['HC.SEC.1', 'HC.SEC.2', 'HC.DIG.1'];

const HOUR = 3600_000;

export type CampaignState = 'draft' | 'scheduled' | 'open' | 'closed';

export async function insertCampaign(
  db: Kysely<DB>,
  municipalityId: string,
  o: { name?: string; mode?: 'identified' | 'anonymous'; state?: CampaignState; competenceCodes?: string[] | null; unitIds?: string[]; professions?: string[]; instruments?: string[] } = {},
): Promise<string> {
  const now = Date.now();
  const state = o.state ?? 'open';
  const window =
    state === 'scheduled' ? { opens_at: new Date(now + 24 * HOUR), closes_at: new Date(now + 8 * 24 * HOUR) } : { opens_at: new Date(now - HOUR), closes_at: new Date(now + 7 * 24 * HOUR) };
  const { id } = await db
    .insertInto('campaigns')
    .values({
      municipality_id: municipalityId,
      name: o.name ?? `Kartlegging ${Math.random().toString(36).slice(2, 8)}`,
      framework_version_id: await starterVersion(db),
      competence_codes: o.competenceCodes === undefined ? FEW_CODES : o.competenceCodes,
      target_professions: o.professions ?? [],
      mode: o.mode ?? 'identified',
      instruments: o.instruments ?? ['self_assessment'],
      ...window,
      published_at: state === 'draft' ? null : new Date(now - HOUR),
      closed_at: state === 'closed' ? new Date(now - 60_000) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.unitIds?.length) await db.insertInto('campaign_units').values(o.unitIds.map((unit_id) => ({ municipality_id: municipalityId, campaign_id: id, unit_id }))).execute();
  return id;
}

export type Invited = { invitationId: string; personId: string; token: string };

/** Invitations (with link tokens) for the given people, as publishing makes them (self-assessments unless told). */
export async function invite(
  db: Kysely<DB>,
  municipalityId: string,
  campaignId: string,
  personIds: string[],
  instrument: 'self_assessment' | 'leader_survey' = 'self_assessment',
): Promise<Invited[]> {
  return withTenant(db, municipalityId, async (tx) => {
    const campaign = (await repo.findCampaign(tx, municipalityId, campaignId))!;
    const targets = (await repo.targetPersons(tx, municipalityId, { ...campaign, unit_ids: [], target_professions: [] })).filter((t) => personIds.includes(t.id));
    return repo.insertInvitations(tx, municipalityId, campaignId, targets, newInvitationToken, instrument);
  });
}

/** A shared-device code for an invitation, as printed (XXXX-XXXX). */
export async function issueCode(db: Kysely<DB>, municipalityId: string, invitationId: string): Promise<string> {
  const code = newInvitationCode();
  await withTenant(db, municipalityId, (tx) => repo.insertKeys(tx, municipalityId, 'code', [{ invitationId, secret: code }]));
  return formatCode(code);
}

/** Complete answers for FEW_CODES (the last one "don't know"). */
export const COMPLETE_ANSWERS = [
  { competenceCode: 'HC.SEC.1', level: 2, wantsTraining: true },
  { competenceCode: 'HC.SEC.2', level: 3 },
  { competenceCode: 'HC.DIG.1', level: null },
];

/**
 * Complete leader-survey answers: for every item, option `n` (modulo the
 * options) of single-choice items and options `n` and `n + 1` of multi_select
 * ones (never an exclusive option with another), so that different n give
 * different answers.
 */
export function completeSurveyAnswers(n = 0): { itemCode: string; optionCodes: string[] }[] {
  return LEADER_SURVEY_ITEMS.map((item) => {
    const options = answerOptions(item);
    if (item.scale !== 'multi_select') return { itemCode: item.code, optionCodes: [options[n % options.length]!.code] };
    const plain = options.filter((o) => !o.exclusive);
    const a = plain[n % plain.length]!.code;
    const b = plain[(n + 1) % plain.length]!.code;
    return { itemCode: item.code, optionCodes: n % 5 === 4 ? [a] : [a, b] };
  });
}
