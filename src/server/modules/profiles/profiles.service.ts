import type { z } from 'zod';
import type { CompetenceProfile, leaderRatingsBody, respondentList, ResultsConflict } from '../../../shared/api/results.js';
import type { MappingConflict } from '../../../shared/api/mapping.js';
import type { Language, Profession } from '../../../shared/domain.js';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import type { Principal } from '../access/principal.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadVersion } from '../frameworks/frameworks.repository.js';
import { campaignStatus } from '../mapping/campaign-status.js';
import { findCampaign, type CampaignRow } from '../mapping/campaigns.repository.js';
import { learningCatalogue } from '../learning/catalogue/catalogue-loop.js';
import type { LearningCatalogue, LearningItemRef } from '../results/learning-loop.js';
import { loadRequirementLookup, type RequirementLookup } from '../role-profiles/requirements.js';
import { unitSubtreeIds } from '../tenancy/tenancy.repository.js';
import { languageChain, pick } from '../frameworks/localize.js';
import { profilesPolicy, type PeopleScope } from './profiles.policy.js';
import * as repo from './profiles.repository.js';

type RatingsBody = z.infer<typeof leaderRatingsBody>;
type RespondentList = z.infer<typeof respondentList>;

/** Where gaps meet learning: published catalogue items tagged with the competence. */
const catalogue: LearningCatalogue = learningCatalogue;

const conflict = (reason: ResultsConflict | MappingConflict, message: string) => AppError.conflict(message, { reason });
const personNotFound = () => AppError.notFound('Person');

function authorize(ctx: RequestContext, municipalityId: string): { p: Principal; scope: Exclude<PeopleScope, { kind: 'none' }> } {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const scope = profilesPolicy.scope(p, municipalityId);
  if (scope.kind === 'none') throw AppError.forbidden();
  return { p, scope };
}

async function mustFindCampaign(tx: TenantTx, municipalityId: string, campaignId: string) {
  const campaign = await findCampaign(tx, municipalityId, campaignId);
  if (!campaign) throw AppError.notFound('Campaign');
  return campaign;
}

/** No individual data ever exists for an anonymous campaign: asking for it is a conflict, not an empty list. */
function assertIdentified(campaign: CampaignRow) {
  if (campaign.mode !== 'identified') throw conflict('CAMPAIGN_ANONYMOUS', 'This campaign is anonymous: it has no individual profiles or ratings.');
}

/** The units whose people a unit leader sees ('all' for everyone else allowed in). */
async function allowedUnits(tx: TenantTx, municipalityId: string, scope: Exclude<PeopleScope, { kind: 'none' }>): Promise<Set<string> | 'all'> {
  if (scope.kind === 'all') return 'all';
  return new Set(await unitSubtreeIds(tx, municipalityId, scope.rootUnitIds));
}

function isVisible(allowed: Set<string> | 'all', person: repo.InvitedPerson, unitIds: string[]): boolean {
  if (allowed === 'all') return true;
  return unitIds.some((u) => allowed.has(u)) || (!!person.invitation_unit_id && allowed.has(person.invitation_unit_id));
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The campaign's competences (framework order, grouped by area) and scale, named in the first language of the chain the framework has. */
async function campaignShape(tx: TenantTx, campaign: CampaignRow, chain: Language[]) {
  const version = await loadVersion(tx, campaign.framework_version_id);
  if (!version) throw AppError.notFound('Campaign');
  const chosen = campaign.competence_codes ? new Set(campaign.competence_codes) : null;
  const areaOrder = new Map(version.areas.map((a, i) => [a.code, i]));
  const areaName = new Map(version.areas.map((a) => [a.code, pick(a.name, chain) ?? a.code]));
  const competences = version.competences
    .filter((c) => !chosen || chosen.has(c.code))
    .map((c, i) => ({ code: c.code, name: pick(c.name, chain) ?? c.code, areaName: areaName.get(c.area_code) ?? c.area_code, order: [areaOrder.get(c.area_code) ?? 0, i] as const }))
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1])
    .map(({ order: _order, ...c }) => c);
  return {
    competences,
    codes: new Set(competences.map((c) => c.code)),
    scale: new Set(version.levels.map((l) => l.level)),
    levels: version.levels.map((l) => ({ level: l.level, name: pick(l.name, chain) ?? String(l.level) })),
  };
}
type Shape = Awaited<ReturnType<typeof campaignShape>>;

/** The unit and profession that decide the required levels: as at submission, else as now (primary unit). */
function roleOf(person: repo.InvitedPerson, unitIds: string[]) {
  return {
    unitId: person.submitted_at ? person.response_unit_id : (unitIds[0] ?? null),
    profession: (person.response_profession ?? person.profession) as Profession,
  };
}

type Answer = { competence_code: string; level: number | null; wants_training: boolean };
type Rating = { competence_code: string; level: number | null };

async function buildProfile(a: {
  tx: TenantTx;
  chain: Language[];
  municipalityId: string;
  campaign: CampaignRow;
  shape: Shape;
  person: repo.InvitedPerson;
  unitIds: string[];
  unitNames: Map<string, string>;
  answers: Answer[];
  ratings: Rating[];
  lookup: RequirementLookup;
  canRate: boolean;
}): Promise<CompetenceProfile> {
  const { campaign, shape, person } = a;
  const role = roleOf(person, a.unitIds);
  const required = a.lookup(role.unitId, role.profession);
  // Answers count only once submitted (identified_answers are written at submission).
  const submitted = person.submitted && !!person.submitted_at;
  const answers = new Map((submitted ? a.answers : []).map((x) => [x.competence_code, x]));
  const ratings = new Map(a.ratings.map((r) => [r.competence_code, r.level]));
  const rows = shape.competences.map((c) => {
    const answer = answers.get(c.code);
    const self = answer?.level ?? null;
    const req = required.get(c.code) ?? null;
    return {
      code: c.code,
      name: c.name,
      areaName: c.areaName,
      self,
      dontKnow: !!answer && answer.level === null,
      wantsTraining: answer?.wants_training ?? false,
      leader: ratings.get(c.code) ?? null,
      leaderCannotJudge: ratings.has(c.code) && ratings.get(c.code) === null,
      required: req,
      gap: req !== null && self !== null ? req - self : null,
    };
  });
  // Learning is suggested where the person is below what the role needs or asks for training.
  const wanted = rows.filter((r) => (r.gap ?? 0) > 0 || r.wantsTraining).map((r) => ({ code: r.code, requiredLevel: r.required }));
  const learning =
    wanted.length > 0
      ? await catalogue(a.tx, a.municipalityId, { frameworkVersionId: campaign.framework_version_id, needs: wanted, languages: a.chain })
      : new Map<string, LearningItemRef[]>();
  const status = campaignStatus(campaign);
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      closedAt: status === 'closed' ? (campaign.closed_at ?? campaign.closes_at).toISOString() : null,
      status,
    },
    person: {
      id: person.person_id,
      name: `${person.given_name} ${person.family_name}`,
      unitName: role.unitId ? (a.unitNames.get(role.unitId) ?? null) : null,
      profession: role.profession,
    },
    submitted,
    levels: shape.levels,
    competences: rows.map((r) => ({ ...r, learning: (learning.get(r.code) ?? []).map((i) => ({ id: i.id, title: i.title })) })),
    canRate: a.canRate,
  };
}

/** Everything one person's profile in one campaign needs, read in the caller's tenant transaction. */
async function profileIn(tx: TenantTx, municipalityId: string, campaign: CampaignRow, person: repo.InvitedPerson, chain: Language[], canRate: boolean) {
  const [shape, units, names, answers, ratings, lookup] = await Promise.all([
    campaignShape(tx, campaign, chain),
    repo.personUnits(tx, municipalityId, campaign.id, person.person_id),
    repo.unitNames(tx, municipalityId),
    repo.answers(tx, municipalityId, campaign.id, person.person_id),
    repo.ratings(tx, municipalityId, campaign.id, person.person_id),
    loadRequirementLookup(tx, municipalityId, campaign.framework_version_id),
  ]);
  return buildProfile({
    tx,
    chain,
    municipalityId,
    campaign,
    shape,
    person,
    unitIds: units.map((u) => u.unit_id),
    unitNames: new Map(names.map((u) => [u.id, u.name])),
    answers,
    ratings,
    lookup,
    canRate,
  });
}

/** The invited person, if the caller may see them; otherwise "not found" (whether or not they exist). */
async function visiblePerson(tx: TenantTx, municipalityId: string, campaignId: string, personId: string, scope: Exclude<PeopleScope, { kind: 'none' }>) {
  const [person] = await repo.invitedPeople(tx, municipalityId, campaignId, personId);
  if (!person) throw personNotFound();
  const units = (await repo.personUnits(tx, municipalityId, campaignId, personId)).map((u) => u.unit_id);
  if (!isVisible(await allowedUnits(tx, municipalityId, scope), person, units)) throw personNotFound();
  return person;
}

const mayRate = (p: Principal, municipalityId: string, campaign: CampaignRow, personId: string) =>
  campaign.mode === 'identified' && !!campaign.published_at && !profilesPolicy.isSelf(p, municipalityId, personId);

export async function listRespondents(ctx: RequestContext, municipalityId: string, campaignId: string): Promise<RespondentList> {
  const { scope } = authorize(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const campaign = await mustFindCampaign(tx, municipalityId, campaignId);
    assertIdentified(campaign);
    const [people, units, names, answers, ratings, lookup, allowed] = await Promise.all([
      repo.invitedPeople(tx, municipalityId, campaignId),
      repo.personUnits(tx, municipalityId, campaignId),
      repo.unitNames(tx, municipalityId),
      repo.answers(tx, municipalityId, campaignId),
      repo.ratings(tx, municipalityId, campaignId),
      loadRequirementLookup(tx, municipalityId, campaign.framework_version_id),
      allowedUnits(tx, municipalityId, scope),
    ]);
    const unitsOf = groupBy(units, (u) => u.person_id);
    const answersOf = groupBy(answers, (a) => a.person_id);
    const ratingsOf = groupBy(ratings, (r) => r.person_id);
    const unitName = new Map(names.map((u) => [u.id, u.name]));
    const chosen = campaign.competence_codes ? new Set(campaign.competence_codes) : null;
    const asked = (code: string) => !chosen || chosen.has(code);
    return {
      campaignId,
      people: people.flatMap((person) => {
        const unitIds = (unitsOf.get(person.person_id) ?? []).map((u) => u.unit_id);
        if (!isVisible(allowed, person, unitIds)) return [];
        const role = roleOf(person, unitIds);
        const submitted = person.submitted && !!person.submitted_at;
        let gaps: number | null = null;
        if (submitted) {
          const required = lookup(role.unitId, role.profession);
          gaps = (answersOf.get(person.person_id) ?? []).filter((x) => {
            const req = required.get(x.competence_code);
            return asked(x.competence_code) && x.level !== null && req !== undefined && x.level < req;
          }).length;
        }
        return [
          {
            personId: person.person_id,
            name: `${person.given_name} ${person.family_name}`,
            unitName: role.unitId ? (unitName.get(role.unitId) ?? null) : null,
            profession: role.profession,
            submitted,
            gaps,
            leaderRated: (ratingsOf.get(person.person_id) ?? []).filter((r) => asked(r.competence_code)).length,
          },
        ];
      }),
    };
  });
}

export async function getProfile(ctx: RequestContext, municipalityId: string, campaignId: string, personId: string, lang: Language | undefined): Promise<CompetenceProfile> {
  const { p, scope } = authorize(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const campaign = await mustFindCampaign(tx, municipalityId, campaignId);
    assertIdentified(campaign);
    const person = await visiblePerson(tx, municipalityId, campaignId, personId, scope);
    const chain = languageChain(lang, p.preferredLanguage, await repo.defaultLanguage(tx, municipalityId));
    return profileIn(tx, municipalityId, campaign, person, chain, mayRate(p, municipalityId, campaign, personId));
  });
}

/** Checks every rating before anything is written: one bad rating and nothing changes. */
function checkRatings(ratings: RatingsBody['ratings'], shape: Shape) {
  const issues: { path: string[]; message: string }[] = [];
  const seen = new Set<string>();
  ratings.forEach((r, i) => {
    if (!shape.codes.has(r.competenceCode)) issues.push({ path: ['ratings', String(i), 'competenceCode'], message: `not a competence of this campaign: ${r.competenceCode}` });
    if (r.level !== null && !shape.scale.has(r.level)) issues.push({ path: ['ratings', String(i), 'level'], message: `not a level of the framework's scale: ${r.level}` });
    if (seen.has(r.competenceCode)) issues.push({ path: ['ratings', String(i), 'competenceCode'], message: 'rated twice' });
    seen.add(r.competenceCode);
  });
  if (issues.length > 0) throw AppError.validation('Some ratings are not valid for this campaign.', { issues });
}

/**
 * A leader's rating of a person, per competence, kept beside the person's own
 * (never averaged with it). An upsert: competences left out keep their rating;
 * level null records "cannot judge".
 */
export async function rate(ctx: RequestContext, municipalityId: string, campaignId: string, personId: string, body: RatingsBody, lang?: Language): Promise<CompetenceProfile> {
  const { p, scope } = authorize(ctx, municipalityId);
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const campaign = await mustFindCampaign(tx, municipalityId, campaignId);
    assertIdentified(campaign);
    if (!campaign.published_at) throw conflict('CAMPAIGN_NOT_PUBLISHED', 'People can be rated once the campaign is published.');
    if (profilesPolicy.isSelf(p, municipalityId, personId)) throw AppError.forbidden('You cannot rate yourself.');
    const person = await visiblePerson(tx, municipalityId, campaignId, personId, scope);
    const chain = languageChain(lang, p.preferredLanguage, await repo.defaultLanguage(tx, municipalityId));
    checkRatings(body.ratings, await campaignShape(tx, campaign, chain));
    const current = new Map((await repo.ratings(tx, municipalityId, campaignId, personId)).map((r) => [r.competence_code, r.level]));
    const changed = body.ratings.filter((r) => !current.has(r.competenceCode) || current.get(r.competenceCode) !== r.level);
    if (changed.length > 0) {
      await repo.upsertRatings(tx, municipalityId, campaignId, personId, changed, p.userId);
      await recordAudit(tx, municipalityId, actorOf(ctx), {
        action: 'leader_rating.update',
        entityType: 'person',
        entityId: personId,
        before: { campaignId, ratings: changed.filter((r) => current.has(r.competenceCode)).map((r) => ({ competenceCode: r.competenceCode, level: current.get(r.competenceCode) ?? null })) },
        after: { campaignId, ratings: changed.map((r) => ({ competenceCode: r.competenceCode, level: r.level })) },
      });
    }
    return profileIn(tx, municipalityId, campaign, person, chain, true);
  });
}

/** The signed-in person's own profiles: identified campaigns they submitted, in every municipality they work in, newest first. */
export async function myProfiles(ctx: RequestContext, lang: Language | undefined): Promise<{ profiles: CompetenceProfile[] }> {
  const p = requirePrincipal(ctx);
  const lists = await Promise.all(
    p.persons.map((x) =>
      withTenant(ctx.db, x.municipalityId, async (tx) => {
        const chain = languageChain(lang, p.preferredLanguage, await repo.defaultLanguage(tx, x.municipalityId));
        const submitted = await repo.submittedIdentifiedCampaigns(tx, x.municipalityId, x.personId);
        const out: { at: Date; profile: CompetenceProfile }[] = [];
        for (const s of submitted) {
          const campaign = await findCampaign(tx, x.municipalityId, s.campaign_id);
          const [person] = await repo.invitedPeople(tx, x.municipalityId, s.campaign_id, x.personId);
          if (!campaign || !person) continue;
          out.push({ at: s.submitted_at, profile: await profileIn(tx, x.municipalityId, campaign, person, chain, false) });
        }
        return out;
      }),
    ),
  );
  return { profiles: lists.flat().sort((a, b) => b.at.getTime() - a.at.getTime()).map((x) => x.profile) };
}
