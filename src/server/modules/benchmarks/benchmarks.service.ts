import type { z } from 'zod';
import type { AnalystBenchmark, analystBenchmarkQuery, benchmarkQuery, MunicipalityBenchmark } from '../../../shared/api/results.js';
import type { Language } from '../../../shared/domain.js';
import { withTenant } from '../../db/tenant.js';
import { AppError } from '../../http/app-error.js';
import { actorOf, requirePrincipal, type RequestContext } from '../../http/context.js';
import { assertMunicipalityVisible } from '../access/access.policy.js';
import { recordAudit } from '../audit/audit.repository.js';
import { compareVersions } from '../frameworks/frameworks.repository.js';
import { LEADER_SURVEY_ITEMS } from '../mapping/question-bank/question-bank.js';
import { languageChain, pick } from '../frameworks/localize.js';
import { benchmarksPolicy } from './benchmarks.policy.js';
import * as repo from './benchmarks.repository.js';
import {
  candidateGroups,
  competenceFigure,
  contributorsByCode,
  countryKey,
  indexContributions,
  networkKey,
  publication,
  renderGroup,
  sizeClassKey,
  surveyFigure,
  type Contribution,
  type GroupDef,
} from './compute.js';

type Group = MunicipalityBenchmark['groups'][number];
type Query = z.infer<typeof benchmarkQuery>;
type AnalystQuery = z.infer<typeof analystBenchmarkQuery>;

// The pool is the same for every caller until a contribution or a municipality
// changes (poolStamp), and building it reads the whole national table: keep the
// last one per framework and minimum.
const pools = new Map<string, { stamp: string; pool: Promise<Pool> }>();

async function loadPool(ctx: RequestContext, frameworkId: string): Promise<Pool> {
  const stamp = await repo.poolStamp(ctx.db);
  const key = `${frameworkId}|${ctx.config.benchmarkMinMunicipalities}`;
  const hit = pools.get(key);
  if (hit && hit.stamp === stamp) return hit.pool;
  const pool = buildPool(ctx, frameworkId);
  pools.set(key, { stamp, pool });
  pool.catch(() => pools.delete(key));
  if (pools.size > 32) pools.delete(pools.keys().next().value!);
  return pool;
}

/** Everything a comparison on one framework needs, for every municipality at once (one aggregate read per kind). */
async function buildPool(ctx: RequestContext, frameworkId: string) {
  const [{ competence: competences, survey_item: survey }, municipalities, networks] = await Promise.all([
    repo.latestContributions(ctx.db, frameworkId),
    repo.municipalityMeta(ctx.db),
    repo.networks(ctx.db),
  ]);
  const min = ctx.config.benchmarkMinMunicipalities;
  const groups = candidateGroups(municipalities, networks);
  const competenceIndex = indexContributions(competences);
  // Unknown survey codes (not in the question bank) have no scale to read their counts by.
  const surveyIndex = indexContributions(survey.filter((r) => LEADER_SURVEY_ITEMS.some((i) => i.code === r.code)));
  return {
    min,
    municipalities,
    groups,
    competences,
    survey,
    competenceIndex,
    surveyIndex,
    competencePublication: publication(groups, contributorsByCode(competenceIndex), min),
    surveyPublication: publication(groups, contributorsByCode(surveyIndex), min),
  };
}
type Pool = Awaited<ReturnType<typeof buildPool>>;

/** The framework's name and its competences in framework order, named by the newest version that has them. */
async function frameworkTexts(ctx: RequestContext, frameworkId: string, chain: Language[]) {
  const [framework, rows] = await Promise.all([repo.findFramework(ctx.db, frameworkId), repo.frameworkCompetences(ctx.db, frameworkId)]);
  if (!framework) throw AppError.validation('The framework does not exist.', { field: 'frameworkId' });
  const newest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const seen = newest.get(r.code);
    if (!seen || compareVersions(r.version, seen.version) > 0) newest.set(r.code, r);
  }
  const order = [...newest.values()].sort((a, b) => compareVersions(b.version, a.version) || a.area_position - b.area_position || a.position - b.position || a.code.localeCompare(b.code));
  return {
    framework: { id: framework.id, name: pick(framework.name, chain) ?? framework.key },
    position: new Map(order.map((r, i) => [r.code, i])),
    name: new Map(order.map((r) => [r.code, pick(r.name, chain) ?? r.code])),
  };
}

/** The competences and survey items the answer talks about: those with data in any of the shown groups (or one's own). */
function codesFor(pool: Pool, members: ReadonlySet<string>, texts: Awaited<ReturnType<typeof frameworkTexts>>, chain: Language[]) {
  const has = (index: ReadonlyMap<string, ReadonlyMap<string, Contribution>>) =>
    [...index].filter(([, byMunicipality]) => [...byMunicipality.keys()].some((m) => members.has(m))).map(([code]) => code);
  const competenceCodes = has(pool.competenceIndex).sort(
    (a, b) => (texts.position.get(a) ?? Number.MAX_SAFE_INTEGER) - (texts.position.get(b) ?? Number.MAX_SAFE_INTEGER) || a.localeCompare(b),
  );
  const surveyCodes = new Set(has(pool.surveyIndex));
  const items = LEADER_SURVEY_ITEMS.filter((i) => surveyCodes.has(i.code));
  return {
    competenceCodes,
    surveyCodes: items.map((i) => i.code),
    competences: competenceCodes.map((code) => ({ code, name: texts.name.get(code) ?? code })),
    surveyItems: items.map((i) => ({ code: i.code, text: pick(i.text, chain) ?? i.code })),
  };
}

function present(group: GroupDef, pool: Pool, codes: ReturnType<typeof codesFor>, viewer: string | null): Group {
  const competences = renderGroup(group, pool.competencePublication, pool.competenceIndex, codes.competenceCodes, 'competence', pool.min, viewer);
  const survey = renderGroup(group, pool.surveyPublication, pool.surveyIndex, codes.surveyCodes, 'survey_item', pool.min, viewer);
  return {
    kind: group.kind,
    label: group.label,
    country: group.country,
    sizeClass: group.sizeClass,
    municipalities: competences.municipalities,
    suppressed: competences.suppressed,
    surveyMunicipalities: survey.municipalities,
    surveySuppressed: survey.suppressed,
    competences: competences.figures,
    surveyItems: survey.figures,
  };
}

function authorizeMunicipality(ctx: RequestContext, municipalityId: string, action: 'readMunicipality' | 'manageSharing') {
  const p = requirePrincipal(ctx);
  assertMunicipalityVisible(p, municipalityId);
  if (!benchmarksPolicy[action](p, municipalityId)) throw AppError.forbidden();
  return p;
}

/**
 * "See data for your municipality": its own whole-campaign figures beside its
 * network, its size class and its country. Group figures pool the respondents
 * of at least `minMunicipalities` other municipalities; see compute.ts.
 */
export async function municipalityBenchmark(ctx: RequestContext, municipalityId: string, query: Query): Promise<MunicipalityBenchmark> {
  const p = authorizeMunicipality(ctx, municipalityId, 'readMunicipality');
  const min = ctx.config.benchmarkMinMunicipalities;
  const { settings, defaultFramework } = await withTenant(ctx.db, municipalityId, async (tx) => ({
    settings: await repo.sharing(tx, municipalityId),
    defaultFramework: query.frameworkId ? null : await repo.latestClosedCampaignFramework(tx, municipalityId),
  }));
  const empty = { minMunicipalities: min, sharesNationally: settings.share_national_benchmarks, own: null, competences: [], surveyItems: [], groups: [] };
  const frameworkId = query.frameworkId ?? defaultFramework;
  if (!frameworkId) return { framework: null, ...empty };
  const chain = languageChain(query.lang, p.preferredLanguage, settings.default_language);
  const [texts, pool] = await Promise.all([frameworkTexts(ctx, frameworkId, chain), loadPool(ctx, frameworkId)]);

  const self = pool.municipalities.find((m) => m.id === municipalityId)!;
  const keys = [...(self.networkId ? [networkKey(self.networkId)] : []), sizeClassKey(self.country, self.sizeClass), countryKey(self.country)];
  const groups = keys.map((k) => pool.groups.find((g) => g.key === k)).filter((g): g is GroupDef => !!g);
  const members = new Set([municipalityId, ...groups.flatMap((g) => [...g.members])]);
  const codes = codesFor(pool, members, texts, chain);

  const ownCompetences = pool.competences.filter((r) => r.municipalityId === municipalityId);
  const ownSurvey = pool.survey.filter((r) => r.municipalityId === municipalityId && pool.surveyIndex.get(r.code));
  const latest = [...ownCompetences, ...ownSurvey].sort((a, b) => b.closedAt.getTime() - a.closedAt.getTime())[0];
  let own: MunicipalityBenchmark['own'] = null;
  if (latest) {
    const [named] = await withTenant(ctx.db, municipalityId, (tx) => repo.campaignNames(tx, municipalityId, [latest.campaignId]));
    const byCode = (rows: Contribution[]) => new Map(rows.map((r) => [r.code, r]));
    const mine = byCode(ownCompetences);
    const mySurvey = byCode(ownSurvey);
    own = {
      campaignId: latest.campaignId,
      name: named?.name ?? '',
      closedAt: latest.closedAt.toISOString(),
      competences: codes.competenceCodes.map((code) => (mine.has(code) ? competenceFigure(code, [mine.get(code)!]) : { code, average: null, share: null, respondents: null })),
      surveyItems: codes.surveyCodes.map((code) => (mySurvey.has(code) ? surveyFigure(code, [mySurvey.get(code)!]) : { code, average: null, share: null, respondents: null })),
    };
  }
  return {
    framework: texts.framework,
    ...empty,
    own,
    competences: codes.competences,
    surveyItems: codes.surveyItems,
    groups: groups.map((g) => present(g, pool, codes, municipalityId)),
  };
}

/** Only the administrator decides whether the municipality's figures join the national groups (networks always compare). */
export async function setSharing(ctx: RequestContext, municipalityId: string, share: boolean) {
  authorizeMunicipality(ctx, municipalityId, 'manageSharing');
  return withTenant(ctx.db, municipalityId, async (tx) => {
    const before = (await repo.sharing(tx, municipalityId)).share_national_benchmarks;
    if (before !== share) {
      await repo.setSharing(tx, municipalityId, share);
      await recordAudit(tx, municipalityId, actorOf(ctx), {
        action: 'municipality.benchmark_sharing',
        entityType: 'municipality',
        entityId: municipalityId,
        before: { shareNationalBenchmarks: before },
        after: { shareNationalBenchmarks: share },
      });
    }
    return { shareNationalBenchmarks: share };
  });
}

/**
 * National analysts and network coordinators: group figures only, never one
 * municipality's, never which municipalities contributed (only how many).
 */
export async function analystBenchmark(ctx: RequestContext, query: AnalystQuery): Promise<AnalystBenchmark> {
  const p = requirePrincipal(ctx);
  const scope = benchmarksPolicy.analystScope(p);
  if (!scope) throw AppError.forbidden();
  const min = ctx.config.benchmarkMinMunicipalities;
  const visibleNetwork = (id: string) => scope.networks === 'all' || scope.networks.includes(id);
  if (query.networkId && (!visibleNetwork(query.networkId) || !(await repo.networks(ctx.db)).some((n) => n.id === query.networkId))) throw AppError.notFound('Network');
  const frameworkId = query.frameworkId ?? (await repo.latestContributedFramework(ctx.db));
  if (!frameworkId) return { framework: null, minMunicipalities: min, competences: [], surveyItems: [], groups: [] };
  const chain = languageChain(query.lang, p.preferredLanguage);
  const [texts, pool] = await Promise.all([frameworkTexts(ctx, frameworkId, chain), loadPool(ctx, frameworkId)]);

  const countryOf = new Map(pool.municipalities.map((m) => [m.id, m.country]));
  const groups = pool.groups.filter((g) => {
    if (g.kind === 'network') {
      if (!visibleNetwork(g.networkId!) || (query.networkId && g.networkId !== query.networkId) || query.sizeClass) return false;
      return !query.country || [...g.members].some((m) => countryOf.get(m) === query.country);
    }
    if (query.networkId || g.members.size === 0) return false;
    if (query.country && g.country !== query.country) return false;
    if (query.sizeClass) return g.kind === 'size_class' && g.sizeClass === query.sizeClass;
    return true;
  });
  const members = new Set(groups.flatMap((g) => [...g.members]));
  const codes = codesFor(pool, members, texts, chain);
  return {
    framework: texts.framework,
    minMunicipalities: min,
    competences: codes.competences,
    surveyItems: codes.surveyItems,
    groups: groups.map((g) => present(g, pool, codes, null)),
  };
}
