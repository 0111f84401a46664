import type { z } from 'zod';
import type { answerInput, Questionnaire, saveAnswersBody } from '../../../shared/api/mapping.js';
import type { Language } from '../../../shared/domain.js';
import type { Localized } from '../../../shared/api/frameworks.js';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { requirePrincipal, type RequestContext } from '../../http/context.js';
import { recordAudit } from '../audit/audit.repository.js';
import { loadVersion } from '../frameworks/frameworks.repository.js';
import { languageChain, pick } from '../frameworks/localize.js';
import { assertNotBlocked, recordFailure } from './assessment-guard.js';
import * as repo from './assessments.repository.js';
import { campaignStatus } from './campaign-status.js';
import { conflict } from './campaigns.service.js';
import { frameworkShape } from './campaigns.repository.js';
import { parseAssessmentKey } from './keys.js';
import { answeredCount, checkSurveyAnswers, missingItems, SURVEY_ITEM_CODES, surveyItems, type SurveyAnswer } from './leader-survey.js';

type AnswerInput = z.infer<typeof answerInput>;
/** What PUT …/answers and POST …/submit carry: self-assessment answers, or leader-survey answers. */
export type AnswersBody = z.infer<typeof saveAnswersBody>;
type Resolved = { municipalityId: string; invitationId: string; via: 'token' | 'code' | 'invitation' };

const notFound = () => AppError.notFound('Assessment');

/**
 * The path key is the authorisation: an e-mailed link token, a shared-device
 * code, or (signed in) the id of one's own invitation. Keys that open nothing
 * count against the caller's address (assessment-guard.ts).
 */
async function resolve(ctx: RequestContext, raw: string): Promise<Resolved> {
  assertNotBlocked(ctx.jobs, ctx.ip);
  const key = parseAssessmentKey(raw);
  const found =
    key.kind === 'invitation'
      ? await repo.findOwnInvitation(ctx.db, key.invitationId, ctx.principal?.persons ?? [])
      : await repo.findKey(ctx.db, key.kind, key.hash);
  if (!found) {
    recordFailure(ctx.jobs, ctx.ip);
    throw notFound();
  }
  return { municipalityId: found.municipality_id, invitationId: found.invitation_id, via: key.kind };
}

/** The invitation behind a resolved key, if it may still be opened that way. */
async function open(ctx: RequestContext, tx: TenantTx, r: Resolved, opts: { lock?: boolean } = {}) {
  const inv = await repo.loadInvitation(tx, r.municipalityId, r.invitationId, opts);
  // People who left do not answer.
  if (!inv || !inv.active) throw notFound();
  // A code (short, typable) opens only a campaign that can still be answered.
  if (r.via === 'code' && campaignStatus(inv) === 'closed') {
    recordFailure(ctx.jobs, ctx.ip);
    throw notFound();
  }
  return inv;
}

function assertAnswerable(inv: repo.InvitationRow) {
  const status = campaignStatus(inv);
  if (inv.submitted) throw conflict('ALREADY_SUBMITTED', 'These answers have already been submitted.');
  if (status === 'closed') throw conflict('CAMPAIGN_CLOSED', 'The campaign closed; answers can no longer be changed or submitted.', { closesAt: inv.closes_at.toISOString() });
  if (status !== 'open') throw conflict('CAMPAIGN_NOT_OPEN', 'The campaign has not opened yet.', { opensAt: inv.opens_at.toISOString() });
}

/** The competences the campaign asks about, in framework order, and the scale's levels. */
async function campaignScale(tx: TenantTx, inv: repo.InvitationRow) {
  const shape = await frameworkShape(tx, inv.framework_version_id);
  const chosen = inv.competence_codes ? new Set(inv.competence_codes) : null;
  return { codes: chosen ? shape.codes.filter((c) => chosen.has(c)) : shape.codes, levels: shape.levels };
}

type Saved = { competenceCode: string; level: number | null; dontKnow: boolean; wantsTraining: boolean };

async function savedAnswers(tx: TenantTx, municipalityId: string, inv: repo.InvitationRow): Promise<{ answers: Saved[]; savedAt: Date | null }> {
  if (!inv.submitted) {
    const drafts = await repo.listDrafts(tx, municipalityId, inv.id);
    const savedAt = drafts.reduce<Date | null>((max, d) => (!max || d.saved_at > max ? d.saved_at : max), null);
    return { answers: drafts.map((d) => ({ competenceCode: d.competence_code, level: d.level, dontKnow: d.dont_know, wantsTraining: d.wants_training })), savedAt };
  }
  // Anonymous answers no longer belong to anyone: there is nothing to show.
  if (inv.mode === 'anonymous') return { answers: [], savedAt: null };
  const rows = await repo.identifiedAnswers(tx, municipalityId, inv.campaign_id, inv.person_id);
  return { answers: rows.map((a) => ({ competenceCode: a.competence_code, level: a.level, dontKnow: a.level === null, wantsTraining: a.wants_training })), savedAt: null };
}

const isAnswered = (a: { level: number | null; dontKnow: boolean }) => a.level !== null || a.dontKnow;

/** What both questionnaires show of the campaign and the person. */
function heading(inv: repo.InvitationRow) {
  return {
    campaign: {
      id: inv.campaign_id,
      name: inv.campaign_name,
      mode: inv.mode as Questionnaire['campaign']['mode'],
      status: campaignStatus(inv),
      opensAt: inv.opens_at.toISOString(),
      closesAt: inv.closes_at.toISOString(),
    },
    municipalityName: inv.municipality_name,
    givenName: inv.given_name,
    submitted: inv.submitted,
  };
}

const isLeaderSurvey = (inv: repo.InvitationRow) => inv.instrument === 'leader_survey';

/**
 * The saved leader-survey answers: the draft until submitted; afterwards the
 * final answers in an identified campaign, none in an anonymous one (they no
 * longer belong to anyone, and the rows are gone).
 */
async function savedSurveyAnswers(tx: TenantTx, municipalityId: string, inv: repo.InvitationRow) {
  if (inv.submitted && inv.mode === 'anonymous') return { answers: [] as SurveyAnswer[], savedAt: null };
  const rows = await repo.listSurveyAnswers(tx, municipalityId, inv.id);
  const known = new Set(SURVEY_ITEM_CODES);
  const answers = rows.filter((a) => known.has(a.item_code)).map((a) => ({ itemCode: a.item_code, optionCodes: a.option_codes }));
  const savedAt = inv.submitted ? null : rows.reduce<Date | null>((max, d) => (!max || d.saved_at > max ? d.saved_at : max), null);
  return { answers, savedAt };
}

/** The leader survey: every item of the question bank, in the person's language (the bank has all five). */
async function surveyQuestionnaire(tx: TenantTx, municipalityId: string, inv: repo.InvitationRow, lang: Language | undefined): Promise<Questionnaire> {
  const language = languageChain(lang, inv.preferred_language, inv.default_language)[0]!;
  const { answers, savedAt } = await savedSurveyAnswers(tx, municipalityId, inv);
  return {
    ...heading(inv),
    language,
    instrument: 'leader_survey',
    framework: null,
    levels: [],
    areas: [],
    answers: [],
    survey: { items: surveyItems(language), answers },
    savedAt: savedAt?.toISOString() ?? null,
    answered: answeredCount(answers),
    total: SURVEY_ITEM_CODES.length,
  };
}

export async function getQuestionnaire(ctx: RequestContext, key: string, lang: Language | undefined): Promise<Questionnaire> {
  const r = await resolve(ctx, key);
  return withTenant(ctx.db, r.municipalityId, async (tx) => {
    const inv = await open(ctx, tx, r);
    if (isLeaderSurvey(inv)) return surveyQuestionnaire(tx, r.municipalityId, inv, lang);
    const version = await loadVersion(tx, inv.framework_version_id);
    if (!version) throw notFound();
    const chain = languageChain(lang, inv.preferred_language, inv.default_language);
    // The language the texts will mostly be in: the first of the chain the framework has.
    const sample = (version.competences[0]?.name ?? version.head.name) as Localized;
    const language = chain.find((l) => !!sample[l]) ?? chain[0]!;
    const chosen = inv.competence_codes ? new Set(inv.competence_codes) : null;
    const competences = version.competences.filter((c) => !chosen || chosen.has(c.code));
    const areas = version.areas
      .map((a) => ({
        code: a.code,
        name: pick(a.name, chain) ?? a.code,
        description: pick(a.description, chain),
        competences: competences
          .filter((c) => c.area_code === a.code)
          .map((c) => ({
            code: c.code,
            name: pick(c.name, chain) ?? c.code,
            description: pick(c.description, chain),
            levelDescriptions: ((c.level_descriptions ?? []) as { level: number; text: Localized }[]).map((d) => ({ level: d.level, text: pick(d.text, chain) ?? '' })),
          })),
      }))
      .filter((a) => a.competences.length > 0);
    const { answers, savedAt } = await savedAnswers(tx, r.municipalityId, inv);
    const codes = new Set(competences.map((c) => c.code));
    return {
      ...heading(inv),
      language,
      instrument: 'self_assessment',
      framework: { id: version.head.id, name: pick(version.head.name, chain) ?? version.head.key },
      levels: version.levels.map((l) => ({ level: l.level, name: pick(l.name, chain) ?? String(l.level), description: pick(l.description, chain) })),
      areas,
      answers,
      survey: null,
      savedAt: savedAt?.toISOString() ?? null,
      answered: answers.filter((a) => codes.has(a.competenceCode) && isAnswered(a)).length,
      total: codes.size,
    };
  });
}

/** Checks every answer before anything is written: one bad answer and nothing changes. */
function checkAnswers(answers: AnswerInput[], scale: { codes: string[]; levels: Set<number> }) {
  const known = new Set(scale.codes);
  const issues: { path: string[]; message: string }[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (!known.has(a.competenceCode)) issues.push({ path: ['answers', String(i), 'competenceCode'], message: `not a competence of this campaign: ${a.competenceCode}` });
    if (typeof a.level === 'number' && !scale.levels.has(a.level)) issues.push({ path: ['answers', String(i), 'level'], message: `not a level of the framework's scale: ${a.level}` });
    if (seen.has(a.competenceCode)) issues.push({ path: ['answers', String(i), 'competenceCode'], message: 'answered twice' });
    seen.add(a.competenceCode);
  });
  if (issues.length > 0) throw AppError.validation('Some answers are not valid for this questionnaire.', { issues });
}

/** Merges partial answers into the saved draft: a field left out keeps what was saved. */
async function saveIn(tx: TenantTx, municipalityId: string, inv: repo.InvitationRow, answers: AnswerInput[]) {
  const scale = await campaignScale(tx, inv);
  checkAnswers(answers, scale);
  const existing = new Map((await repo.listDrafts(tx, municipalityId, inv.id)).map((d) => [d.competence_code, d]));
  const rows = answers.map((a) => {
    const old = existing.get(a.competenceCode);
    const level = a.level === undefined ? (old?.level ?? null) : a.level;
    const dontKnow = a.level === undefined ? (old?.dont_know ?? false) : a.level === null;
    return { competence_code: a.competenceCode, level, dont_know: dontKnow, wants_training: a.wantsTraining ?? old?.wants_training ?? false };
  });
  const savedAt = new Date();
  await repo.upsertDrafts(tx, municipalityId, inv.id, rows, savedAt);
  const merged = new Map([...existing].map(([code, d]) => [code, { level: d.level, dontKnow: d.dont_know }]));
  for (const r of rows) merged.set(r.competence_code, { level: r.level, dontKnow: r.dont_know });
  const answered = scale.codes.filter((c) => {
    const m = merged.get(c);
    return m ? isAnswered(m) : false;
  }).length;
  return { savedAt: savedAt.toISOString(), answered, total: scale.codes.length };
}

/** Leader-survey answers replace the item's saved answer; an empty list clears it. */
async function saveSurveyIn(tx: TenantTx, municipalityId: string, inv: repo.InvitationRow, answers: NonNullable<AnswersBody['surveyAnswers']>) {
  const issues = checkSurveyAnswers(answers);
  if (issues.length > 0) throw AppError.validation('Some answers are not valid for the leader survey.', { issues });
  const savedAt = new Date();
  await repo.saveSurveyAnswers(
    tx,
    municipalityId,
    inv.id,
    answers.filter((a) => a.optionCodes.length > 0).map((a) => ({ item_code: a.itemCode, option_codes: a.optionCodes })),
    answers.filter((a) => a.optionCodes.length === 0).map((a) => a.itemCode),
    savedAt,
  );
  const saved = (await repo.listSurveyAnswers(tx, municipalityId, inv.id)).map((a) => ({ itemCode: a.item_code, optionCodes: a.option_codes }));
  return { savedAt: savedAt.toISOString(), answered: answeredCount(saved), total: SURVEY_ITEM_CODES.length };
}

/** Answers of the other instrument than the invitation's are refused (400), like any answer that does not fit. */
function assertInstrument(inv: repo.InvitationRow, body: AnswersBody) {
  const [wrong, field] = isLeaderSurvey(inv) ? [body.answers, 'answers'] : [body.surveyAnswers, 'surveyAnswers'];
  if (wrong && wrong.length > 0) {
    const expected = isLeaderSurvey(inv) ? 'surveyAnswers (this invitation is the leader survey)' : 'answers (this invitation is the self-assessment)';
    throw AppError.validation(`Send ${expected}.`, { issues: [{ path: [field], message: `not answers of this invitation's ${inv.instrument}` }] });
  }
}

async function saveBody(tx: TenantTx, municipalityId: string, inv: repo.InvitationRow, body: AnswersBody) {
  assertInstrument(inv, body);
  return isLeaderSurvey(inv) ? saveSurveyIn(tx, municipalityId, inv, body.surveyAnswers ?? []) : saveIn(tx, municipalityId, inv, body.answers ?? []);
}

/** Autosave: idempotent, partial, and in its own transaction, so what was saved stays saved. */
export async function saveAnswers(ctx: RequestContext, key: string, body: AnswersBody) {
  const r = await resolve(ctx, key);
  return withTenant(ctx.db, r.municipalityId, async (tx) => {
    const inv = await open(ctx, tx, r, { lock: true });
    assertAnswerable(inv);
    return saveBody(tx, r.municipalityId, inv, body);
  });
}

/**
 * Submits once. Identified: the answers move to identified_responses under the
 * person. Anonymous: they are copied to anonymous_responses with only campaign,
 * unit, profession and answers; the drafts are deleted and the invitation keeps
 * only submitted = true, all in one transaction (see the README for the design).
 */
export async function submit(ctx: RequestContext, key: string, body: AnswersBody | null | undefined) {
  const r = await resolve(ctx, key);
  // Answers sent with the submission are saved first, on their own: a refused
  // submission (incomplete, closed) must not lose them.
  if (body && ((body.answers?.length ?? 0) > 0 || (body.surveyAnswers?.length ?? 0) > 0)) await saveAnswers(ctx, key, body);
  return withTenant(ctx.db, r.municipalityId, async (tx) => {
    const peek = await open(ctx, tx, r);
    // One submission of a campaign at a time (see repo.reshuffleAnonymousResponses), then this invitation.
    await repo.lockCampaign(tx, r.municipalityId, peek.campaign_id);
    const inv = await open(ctx, tx, r, { lock: true });
    assertAnswerable(inv);
    if (isLeaderSurvey(inv)) return submitSurvey(ctx, tx, r, inv);
    const scale = await campaignScale(tx, inv);
    const drafts = new Map((await repo.listDrafts(tx, r.municipalityId, inv.id)).map((d) => [d.competence_code, d]));
    const missing = scale.codes.filter((c) => {
      const d = drafts.get(c);
      return !d || (d.level === null && !d.dont_know);
    });
    if (missing.length > 0) {
      throw AppError.validation('Answer every competence (or choose "don\'t know") before submitting.', { missing });
    }
    const final = scale.codes.map((c) => {
      const d = drafts.get(c)!;
      return { competenceCode: c, level: d.dont_know ? null : d.level, wantsTraining: d.wants_training };
    });
    const unitId = await repo.currentUnit(tx, r.municipalityId, inv.person_id);
    if (inv.mode === 'anonymous') {
      await repo.insertAnonymousResponse(tx, r.municipalityId, { campaignId: inv.campaign_id, unitId, profession: inv.profession, answers: final });
      await repo.deleteDrafts(tx, r.municipalityId, inv.id);
      await repo.markSubmitted(tx, r.municipalityId, inv.id);
      await repo.reshuffleAnonymousResponses(tx, r.municipalityId, inv.campaign_id);
      // No audit event: one would put a time on this person's submission.
    } else {
      await repo.insertIdentifiedResponse(tx, r.municipalityId, { campaignId: inv.campaign_id, personId: inv.person_id, unitId, profession: inv.profession, answers: final });
      await repo.deleteDrafts(tx, r.municipalityId, inv.id);
      await repo.markSubmitted(tx, r.municipalityId, inv.id);
      const p = ctx.principal;
      await recordAudit(
        tx,
        r.municipalityId,
        { userId: p?.userId ?? null, label: p ? `${p.displayName} <${p.email}>` : `invitation holder (${r.via})`, requestId: ctx.requestId },
        { action: 'assessment.submit', entityType: 'campaign_invitation', entityId: inv.id, after: { campaignId: inv.campaign_id, personId: inv.person_id, answers: final.length } },
      );
    }
    return { submitted: true as const, mode: inv.mode as 'identified' | 'anonymous' };
  });
}

/**
 * The leader survey's submission, with the self-assessment's guarantees.
 * Identified: the saved answers become the final ones (leader_survey_answers of
 * a submitted invitation), audited. Anonymous: copied to anonymous_responses
 * (instrument 'leader_survey'), the drafts deleted, no audit, and every anonymous
 * response of the campaign rewritten. The caller holds the campaign and
 * invitation locks and has checked that the invitation can be answered.
 */
async function submitSurvey(ctx: RequestContext, tx: TenantTx, r: Resolved, inv: repo.InvitationRow) {
  const saved = (await repo.listSurveyAnswers(tx, r.municipalityId, inv.id)).map((a) => ({ itemCode: a.item_code, optionCodes: a.option_codes }));
  const missing = missingItems(saved);
  if (missing.length > 0) throw AppError.validation('Answer every question of the leader survey before submitting.', { missing });
  const byCode = new Map(saved.map((a) => [a.itemCode, a.optionCodes]));
  const final = SURVEY_ITEM_CODES.map((itemCode) => ({ itemCode, optionCodes: byCode.get(itemCode)! }));
  if (inv.mode === 'anonymous') {
    const unitId = await repo.currentUnit(tx, r.municipalityId, inv.person_id);
    await repo.insertAnonymousSurveyResponse(tx, r.municipalityId, { campaignId: inv.campaign_id, unitId, profession: inv.profession, answers: final });
    await repo.deleteSurveyAnswers(tx, r.municipalityId, inv.id);
    await repo.markSubmitted(tx, r.municipalityId, inv.id);
    await repo.reshuffleAnonymousResponses(tx, r.municipalityId, inv.campaign_id);
    // No audit event: one would put a time on this person's submission.
  } else {
    // The saved answers stay where they are: leader_survey_answers of a submitted invitation are the final ones.
    await repo.markSubmitted(tx, r.municipalityId, inv.id);
    const p = ctx.principal;
    await recordAudit(
      tx,
      r.municipalityId,
      { userId: p?.userId ?? null, label: p ? `${p.displayName} <${p.email}>` : `invitation holder (${r.via})`, requestId: ctx.requestId },
      { action: 'leader_survey.submit', entityType: 'campaign_invitation', entityId: inv.id, after: { campaignId: inv.campaign_id, personId: inv.person_id, answers: final.length } },
    );
  }
  return { submitted: true as const, mode: inv.mode as 'identified' | 'anonymous' };
}

/** The signed-in user's assessments and leader surveys in campaigns that are published and not yet closed. */
export async function myAssessments(ctx: RequestContext) {
  const p = requirePrincipal(ctx);
  const now = new Date();
  const lists = await Promise.all(
    p.persons.map((x) =>
      withTenant(ctx.db, x.municipalityId, async (tx) =>
        (await repo.myInvitations(tx, x.municipalityId, x.personId, now)).map((i) => ({
          invitationId: i.id,
          municipalityId: x.municipalityId,
          municipalityName: i.municipality_name,
          campaignId: i.campaign_id,
          campaignName: i.name,
          instrument: i.instrument as 'self_assessment' | 'leader_survey',
          mode: i.mode as 'identified' | 'anonymous',
          status: campaignStatus(i, now),
          opensAt: i.opens_at.toISOString(),
          closesAt: i.closes_at.toISOString(),
          submitted: i.submitted,
        })),
      ),
    ),
  );
  return lists.flat();
}
