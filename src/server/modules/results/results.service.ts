import type { CampaignResults, CampaignTrend, LeaderSurveyResult, ResultsQuery } from '../../../shared/api/results.js';
import type { Language } from '../../../shared/domain.js';
import { withTenant, type TenantTx } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { requirePrincipal, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import { loadVersion } from '../frameworks/frameworks.repository.js';
import { languageChain, pick } from '../frameworks/localize.js';
import { campaignStatus } from '../mapping/campaign-status.js';
import { mappingPolicy } from '../mapping/mapping.policy.js';
import { LEADER_SURVEY_ITEMS } from '../mapping/question-bank/leader-survey-items.js';
import { SCALES } from '../mapping/question-bank/scales.js';
import { loadRequirementLookup } from '../role-profiles/requirements.js';
import { atomFigures, professionRows, row, selectAtoms, topGaps, unitRows, type View } from './compute.js';
import { emptyCatalogue, type LearningCatalogue } from './learning-loop.js';
import * as repo from './results.repository.js';
import { cachedSnapshot } from './snapshot-cache.js';
import { campaignsAwaitingResults, computeCampaignResults } from './snapshot.js';

// Results of closed campaigns for advisors, administrators and leaders (their
// own units only). Thin over compute.ts, which holds the k-anonymity rules.

type Scope = View['scope'];

function authorize(ctx: RequestContext, municipalityId: string): Scope {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  const scope = mappingPolicy.progressScope(p, municipalityId);
  if (scope.kind === 'none') throw AppError.forbidden();
  return scope;
}

// Framework versions never change once imported: keep their texts in memory.
const versions = new Map<string, Promise<Awaited<ReturnType<typeof loadVersion>>>>();
function cachedVersion(tx: TenantTx, versionId: string) {
  let v = versions.get(versionId);
  if (!v) {
    v = loadVersion(tx, versionId);
    versions.set(versionId, v);
    void v.then((x) => {
      if (!x) versions.delete(versionId);
    });
  }
  return v;
}

/** The caller's language chain and the municipality's threshold, in one query. */
async function municipalitySettings(ctx: RequestContext, tx: TenantTx, municipalityId: string, lang: Language | undefined) {
  const m = await tx.selectFrom('municipalities').select(['default_language', 'anonymity_threshold']).where('id', '=', municipalityId).executeTakeFirstOrThrow();
  return { chain: languageChain(lang ?? ctx.principal?.preferredLanguage ?? undefined, m.default_language), threshold: m.anonymity_threshold };
}

const NOT_COMPUTED = Symbol('not computed');

/** Requirements of a unit's profile are resolved up the tree as it was when the campaign closed. */
const trees = new WeakMap<object, Map<string, string | null>>();
function frozenTree(snapshot: { units: { id: string; parentId: string | null }[] }) {
  let tree = trees.get(snapshot);
  if (!tree) trees.set(snapshot, (tree = new Map(snapshot.units.map((u) => [u.id, u.parentId]))));
  return tree;
}

export async function getResults(ctx: RequestContext, municipalityId: string, campaignId: string, query: ResultsQuery, catalogue: LearningCatalogue = emptyCatalogue): Promise<CampaignResults> {
  const scope = authorize(ctx, municipalityId);
  const first = await readResults(ctx, scope, municipalityId, campaignId, query, catalogue);
  if (first !== NOT_COMPUTED) return first;
  // Closed but not computed yet (the sweep runs every minute): compute now, once.
  await computeCampaignResults(ctx.db, municipalityId, campaignId);
  const second = await readResults(ctx, scope, municipalityId, campaignId, query, catalogue);
  if (second === NOT_COMPUTED) throw new Error(`results of campaign ${campaignId} could not be computed`);
  return second;
}

async function readResults(ctx: RequestContext, scope: Scope, municipalityId: string, campaignId: string, query: ResultsQuery, catalogue: LearningCatalogue): Promise<CampaignResults | typeof NOT_COMPUTED> {
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const campaign = await repo.campaignForResults(tx, municipalityId, campaignId);
    if (!campaign) throw AppError.notFound('Campaign');
    const status = campaignStatus(campaign);
    const snapshot = status === 'closed' ? await cachedSnapshot(tx, municipalityId, campaignId) : undefined;
    if (status === 'closed' && !snapshot) return NOT_COMPUTED;
    const chain = languageChain(query.lang ?? ctx.principal?.preferredLanguage ?? undefined, campaign.default_language);
    const current = campaign.anonymity_threshold;
    const version = await cachedVersion(tx, campaign.framework_version_id);
    if (!version) throw AppError.notFound('Framework version');
    const chosen = campaign.competence_codes ? new Set(campaign.competence_codes) : null;
    const competences = version.competences.filter((c) => !chosen || chosen.has(c.code));
    const codes = competences.map((c) => c.code);
    const levelCount = version.levels.length;
    const threshold = snapshot?.threshold ?? current;

    const base: CampaignResults = {
      campaignId,
      name: campaign.name,
      mode: campaign.mode as CampaignResults['mode'],
      state: 'not_closed',
      closedAt: (campaign.closed_at ?? (status === 'closed' ? campaign.closes_at : null))?.toISOString() ?? null,
      threshold,
      respondents: null,
      language: chain[0]!,
      framework: { id: version.head.framework_id, versionId: version.head.id, name: pick(version.head.name, chain) ?? version.head.key },
      levels: version.levels.map((l) => ({ level: l.level, name: pick(l.name, chain) ?? String(l.level) })),
      areas: version.areas
        .map((a) => ({
          code: a.code,
          name: pick(a.name, chain) ?? a.code,
          competences: competences.filter((c) => c.area_code === a.code).map((c) => ({ code: c.code, name: pick(c.name, chain) ?? c.code })),
        }))
        .filter((a) => a.competences.length > 0),
      filter: { unitId: query.unitId ?? null, profession: query.profession ?? null },
      total: null,
      units: [],
      professions: [],
      topGaps: [],
      learning: [],
      leaderSurvey: null,
    };
    if (!snapshot) return base;

    const leaderSurvey = campaign.instruments.includes('leader_survey') ? surveyResult(snapshot.survey, snapshot.surveyRespondents, snapshot.threshold, chain) : null;
    if (!campaign.instruments.includes('self_assessment')) return { ...base, state: 'no_self_assessment', leaderSurvey };
    if (snapshot.atoms.length === 0) return { ...base, state: 'too_few_respondents', leaderSurvey };

    const requirements = await loadRequirementLookup(tx, municipalityId, campaign.framework_version_id, frozenTree(snapshot));
    const figures = atomFigures(snapshot, codes, levelCount, requirements);
    const atoms = selectAtoms(snapshot, { scope, unitId: query.unitId, profession: query.profession });
    const total = atoms.length > 0 ? row('total', query.unitId ?? null, null, 0, query.profession ?? null, atoms, figures, codes, levelCount) : null;
    const needs = total ? total.competences.filter((c) => c.belowRequired > 0 || c.wantsTraining > 0).map((c) => c.code) : [];
    const items = needs.length
      ? await catalogue(tx, municipalityId, { frameworkVersionId: campaign.framework_version_id, needs: needs.map((code) => ({ code, requiredLevel: null })), languages: chain })
      : new Map();
    return {
      ...base,
      state: 'ready',
      respondents: snapshot.respondents,
      total,
      units: unitRows(snapshot, atoms, figures, codes, levelCount),
      professions: professionRows(atoms, figures, codes, levelCount),
      topGaps: topGaps(total),
      learning: needs.map((code) => ({ competenceCode: code, items: items.get(code) ?? [] })),
      leaderSurvey,
    };
  });
}

function surveyResult(all: Map<string, Map<string, number>>, respondents: number, k: number, chain: Language[]): LeaderSurveyResult {
  const shown = respondents >= k;
  const counts = shown ? all : new Map<string, Map<string, number>>();
  return {
    respondents: shown ? respondents : null,
    items: LEADER_SURVEY_ITEMS.map((item) => {
      const options = item.scale === 'multi_select' ? (item.options ?? []) : SCALES[item.scale].options;
      const got = counts.get(item.code);
      const optionCounts = options.map((o) => ({ code: o.code, text: pick(o.text, chain) ?? o.code, count: shown ? (got?.get(o.code) ?? 0) : null }));
      const answered = shown ? (item.scale === 'multi_select' ? null : optionCounts.reduce((n, o) => n + (o.count ?? 0), 0)) : null;
      let average: number | null = null;
      if (shown && item.scale === 'agree5' && answered) {
        const values = SCALES.agree5.options;
        average = Math.round((optionCounts.reduce((s, o, i) => s + (o.count ?? 0) * (values[i]!.value ?? 0), 0) / answered) * 100) / 100;
      }
      return { code: item.code, theme: item.theme, scale: item.scale, text: pick(item.text, chain) ?? item.code, answered, options: optionCounts, average };
    }),
  };
}

/** Before/after: the same view (scope and filters) over every closed campaign on one framework. */
export async function getTrend(ctx: RequestContext, municipalityId: string, query: ResultsQuery & { frameworkId?: string }): Promise<CampaignTrend> {
  const scope = authorize(ctx, municipalityId);
  const pending = await campaignsAwaitingResults(ctx.db, { municipalityId });
  for (const c of pending) await computeCampaignResults(ctx.db, municipalityId, c.id);

  return withTenant(ctx.db, municipalityId, async (tx) => {
    const { chain, threshold } = await municipalitySettings(ctx, tx, municipalityId, query.lang);
    const closed = await repo.closedCampaigns(tx, municipalityId);
    const frameworkId = query.frameworkId ?? closed[0]?.framework_id;
    const chosen = closed.filter((c) => c.framework_id === frameworkId).reverse();
    if (!frameworkId || chosen.length === 0) return { framework: null, threshold, competences: [], points: [] };
    const latest = (await cachedVersion(tx, chosen[chosen.length - 1]!.framework_version_id))!;
    const names = new Map(latest.competences.map((c) => [c.code, pick(c.name, chain) ?? c.code]));
    const codeSet = new Set<string>();
    const points: CampaignTrend['points'] = [];
    for (const c of chosen) {
      const snapshot = await cachedSnapshot(tx, municipalityId, c.id);
      const version = await cachedVersion(tx, c.framework_version_id);
      if (!snapshot || !version) continue;
      const codes = version.competences.map((x) => x.code).filter((code) => !c.competence_codes || c.competence_codes.includes(code));
      codes.forEach((code) => codeSet.add(code));
      const requirements = await loadRequirementLookup(tx, municipalityId, c.framework_version_id, frozenTree(snapshot));
      const figures = atomFigures(snapshot, codes, version.levels.length, requirements);
      const atoms = selectAtoms(snapshot, { scope, unitId: query.unitId, profession: query.profession });
      const r = atoms.length ? row('total', null, null, 0, null, atoms, figures, codes, version.levels.length) : null;
      points.push({
        campaignId: c.id,
        name: c.name,
        closedAt: (c.closed_at ?? c.closes_at).toISOString(),
        respondents: r ? r.respondents : null,
        competences: codes.map((code) => {
          const s = r?.competences.find((x) => x.code === code);
          return { code, average: s?.average ?? null, shareBelow: s && s.withRequirement > 0 ? Math.round((s.belowRequired / s.withRequirement) * 1000) / 1000 : null };
        }),
      });
    }
    return {
      framework: { id: frameworkId, name: pick(latest.head.name, chain) ?? latest.head.key },
      threshold,
      competences: [...codeSet].map((code) => ({ code, name: names.get(code) ?? code })),
      points,
    };
  });
}
