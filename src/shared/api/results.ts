import { z } from 'zod';
import { COUNTRIES, LANGUAGES, PROFESSIONS, SIZE_CLASSES } from '../domain.js';
import { CAMPAIGN_MODES } from './mapping.js';

// Results of closed mapping campaigns, individual competence profiles, leader
// ratings and comparisons with other municipalities. Every aggregate here is a
// sum over groups of at least k respondents (the municipality's anonymity
// threshold): see src/server/modules/results/README.md.

/** Why there are no results (yet) for a campaign. */
export const RESULTS_STATES = ['ready', 'not_closed', 'too_few_respondents', 'no_self_assessment'] as const;
export type ResultsState = (typeof RESULTS_STATES)[number];

/** Reasons in `error.details.reason` of a 409 from the results, profile and comparison routes. */
export const RESULTS_CONFLICTS = [
  /** Individual profiles and leader ratings exist only in identified campaigns. */
  'CAMPAIGN_ANONYMOUS',
] as const;
export type ResultsConflict = (typeof RESULTS_CONFLICTS)[number];

export const resultsQuery = z.object({
  /** Only rows anchored in this unit's subtree (and their total). */
  unitId: z.uuid().optional(),
  /** Only groups made up of this profession alone. */
  profession: z.enum(PROFESSIONS).optional(),
  lang: z.enum(LANGUAGES).optional(),
});
export type ResultsQuery = z.infer<typeof resultsQuery>;

export const competenceStat = z.object({
  code: z.string(),
  /** Respondents in the group (each answered every competence, possibly "don't know"). */
  respondents: z.number().int(),
  /** Respondents who chose a level (not "don't know"). */
  answered: z.number().int(),
  average: z.number().nullable(),
  /** distribution[i] = respondents at level i + 1. */
  distribution: z.array(z.number().int()),
  dontKnow: z.number().int(),
  wantsTraining: z.number().int(),
  /** Average required level of answered respondents whose role profile sets one; null when none does. */
  required: z.number().nullable(),
  /**
   * The lowest and highest level the role profiles ask of the group's people (by unit and profession,
   * not by who answered); null when none asks. Also set where profiles differ inside a group, which
   * then adds nothing to required, gap and belowRequired.
   */
  requiredRange: z.tuple([z.number().int(), z.number().int()]).nullable(),
  /** Answered respondents whose role profile sets a level for this competence. */
  withRequirement: z.number().int(),
  /** Of those, how many are below their required level. */
  belowRequired: z.number().int(),
  /** Mean of (required − own level) over those respondents: positive = below what the role needs. */
  gap: z.number().nullable(),
});
export type CompetenceStat = z.infer<typeof competenceStat>;

export const resultRow = z.object({
  /** Stable key within one answer: "unit:<id>", "other", "profession:<code>", "mixed", "total". */
  key: z.string(),
  unitId: z.uuid().nullable(),
  /** Unit name as it was when the campaign closed. */
  name: z.string().nullable(),
  depth: z.number().int(),
  /** Set on profession rows; null on unit rows and on the row of mixed groups. */
  profession: z.enum(PROFESSIONS).nullable(),
  respondents: z.number().int(),
  /** Units too small to be shown alone whose respondents are counted in this row. */
  mergedUnitIds: z.array(z.uuid()),
  /** Also holds respondents in no unit (or in small top-level units). */
  includesOther: z.boolean(),
  competences: z.array(competenceStat),
});
export type ResultRow = z.infer<typeof resultRow>;

export const leaderSurveyResult = z.object({
  /** null when fewer than k leaders answered: then items carry no counts. */
  respondents: z.number().int().nullable(),
  items: z.array(
    z.object({
      code: z.string(),
      theme: z.string(),
      scale: z.enum(['agree5', 'yes_no_unsure', 'multi_select']),
      text: z.string(),
      /** Respondents who answered this item. */
      answered: z.number().int().nullable(),
      options: z.array(z.object({ code: z.string(), text: z.string(), count: z.number().int().nullable() })),
      /** agree5 only: mean on 1–5. */
      average: z.number().nullable(),
    }),
  ),
});
export type LeaderSurveyResult = z.infer<typeof leaderSurveyResult>;

export const learningSuggestion = z.object({
  competenceCode: z.string(),
  /** Catalogue items tagged with the competence (the learning issue fills this); empty = "no learning mapped yet". */
  items: z.array(z.object({ id: z.string(), title: z.string(), level: z.number().int().nullable() })),
});

export const campaignResults = z.object({
  campaignId: z.uuid(),
  name: z.string(),
  mode: z.enum(CAMPAIGN_MODES),
  state: z.enum(RESULTS_STATES),
  closedAt: z.string().nullable(),
  /** k: no figure stands for fewer respondents. */
  threshold: z.number().int(),
  /** Respondents in the whole campaign (null unless ready). */
  respondents: z.number().int().nullable(),
  language: z.enum(LANGUAGES),
  framework: z.object({ id: z.uuid(), versionId: z.uuid(), name: z.string() }),
  levels: z.array(z.object({ level: z.number().int(), name: z.string() })),
  areas: z.array(z.object({ code: z.string(), name: z.string(), competences: z.array(z.object({ code: z.string(), name: z.string() })) })),
  filter: z.object({ unitId: z.uuid().nullable(), profession: z.enum(PROFESSIONS).nullable() }),
  /** The caller's whole view (all rows below summed); null when the view is empty. */
  total: resultRow.nullable(),
  /** Heatmap rows: units (each with sub-units too small to stand alone) in tree order. */
  units: z.array(resultRow),
  /** Rows per profession, plus a "mixed" row for groups that hold several professions. */
  professions: z.array(resultRow),
  /** Competences with the largest share below the required level (at most 5). */
  topGaps: z.array(z.object({ competenceCode: z.string(), shareBelow: z.number(), gap: z.number().nullable(), average: z.number().nullable(), required: z.number().nullable() })),
  /** The loop to learning, for competences where someone is below the required level or wants training. */
  learning: z.array(learningSuggestion),
  /** Null when the campaign had no leader survey or the caller may not see it. */
  leaderSurvey: leaderSurveyResult.nullable(),
});
export type CampaignResults = z.infer<typeof campaignResults>;

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const resultsExportQuery = resultsQuery.extend({ format: z.enum(EXPORT_FORMATS) });

/** The same competences across the municipality's closed campaigns on one framework (before/after). */
export const trendQuery = resultsQuery.extend({ frameworkId: z.uuid().optional() });
export const campaignTrend = z.object({
  framework: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  threshold: z.number().int(),
  competences: z.array(z.object({ code: z.string(), name: z.string() })),
  points: z.array(
    z.object({
      campaignId: z.uuid(),
      name: z.string(),
      closedAt: z.string(),
      /** null when the filtered group is below k in this campaign. */
      respondents: z.number().int().nullable(),
      competences: z.array(z.object({ code: z.string(), average: z.number().nullable(), shareBelow: z.number().nullable() })),
    }),
  ),
});
export type CampaignTrend = z.infer<typeof campaignTrend>;

// ——— individual profiles (identified campaigns only) ———

export const personParams = z.object({ municipalityId: z.uuid(), campaignId: z.uuid(), personId: z.uuid() });
/** Names of competences and levels: this language, else the caller's, else the municipality's (then English). */
export const profileQuery = z.object({ lang: z.enum(LANGUAGES).optional() });

export const respondentList = z.object({
  campaignId: z.uuid(),
  people: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      unitName: z.string().nullable(),
      profession: z.enum(PROFESSIONS),
      submitted: z.boolean(),
      /** Competences below the required level (null until submitted). */
      gaps: z.number().int().nullable(),
      /** Competences the leader has rated. */
      leaderRated: z.number().int(),
    }),
  ),
});

export const competenceProfile = z.object({
  campaign: z.object({ id: z.uuid(), name: z.string(), closedAt: z.string().nullable(), status: z.string() }),
  person: z.object({ id: z.uuid(), name: z.string(), unitName: z.string().nullable(), profession: z.enum(PROFESSIONS) }),
  submitted: z.boolean(),
  levels: z.array(z.object({ level: z.number().int(), name: z.string() })),
  competences: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      areaName: z.string(),
      /** The person's own rating; null = "don't know" or not answered. */
      self: z.number().int().nullable(),
      dontKnow: z.boolean(),
      wantsTraining: z.boolean(),
      /** The leader's rating, shown beside (never averaged with) the person's own. */
      leader: z.number().int().nullable(),
      /** The leader saved "cannot judge" (leader is then null). */
      leaderCannotJudge: z.boolean(),
      required: z.number().int().nullable(),
      /** required − self when both exist. */
      gap: z.number().int().nullable(),
      learning: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
  ),
  /** Whether the caller may enter leader ratings for this person. */
  canRate: z.boolean(),
});
export type CompetenceProfile = z.infer<typeof competenceProfile>;

export const leaderRatingsBody = z.object({
  ratings: z.array(z.object({ competenceCode: z.string().trim().min(1).max(40), level: z.number().int().min(1).max(20).nullable() })).max(500),
});

export const myProfiles = z.object({ profiles: z.array(competenceProfile) });

// ——— comparisons ("see data for your municipality") ———

export const BENCHMARK_GROUPS = ['network', 'size_class', 'country'] as const;
export type BenchmarkGroup = (typeof BENCHMARK_GROUPS)[number];

export const benchmarkQuery = z.object({ frameworkId: z.uuid().optional(), lang: z.enum(LANGUAGES).optional() });

const groupFigure = z.object({
  code: z.string(),
  /** Mean level (competences) or mean agreement 1–5 (agree5 items); null when suppressed. */
  average: z.number().nullable(),
  /** Share answering agree/strongly agree (agree5) or yes (yes_no_unsure). */
  share: z.number().nullable(),
  respondents: z.number().int().nullable(),
  /** Municipalities behind this figure (a campaign may have asked only some competences); null when suppressed. */
  municipalities: z.number().int().nullable().optional(),
  /** multi_select items: share of answering leaders who chose each option (null when suppressed). */
  options: z.array(z.object({ code: z.string(), share: z.number().nullable() })).optional(),
});

export const benchmarkGroup = z.object({
  kind: z.enum(BENCHMARK_GROUPS),
  /** The network's name, the size class code or the country code. */
  label: z.string(),
  /** Set on national groups (country and size class), so that groups of several countries can be told apart. */
  country: z.enum(COUNTRIES).nullable().optional(),
  /** Set on size class groups. */
  sizeClass: z.enum(SIZE_CLASSES).nullable().optional(),
  /** Contributing municipalities (competences); null when too few (then no figures). */
  municipalities: z.number().int().nullable(),
  /** True when no competence figure of the group can be shown. */
  suppressed: z.boolean(),
  /** The same for the leader survey, whose contributors may differ (not every campaign has one). */
  surveyMunicipalities: z.number().int().nullable().optional(),
  surveySuppressed: z.boolean().optional(),
  competences: z.array(groupFigure),
  surveyItems: z.array(groupFigure),
});

export const municipalityBenchmark = z.object({
  framework: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Minimum number of municipalities (other than one's own) behind a comparison figure. */
  minMunicipalities: z.number().int(),
  sharesNationally: z.boolean(),
  own: z.object({ campaignId: z.uuid(), name: z.string(), closedAt: z.string(), competences: z.array(groupFigure), surveyItems: z.array(groupFigure) }).nullable(),
  competences: z.array(z.object({ code: z.string(), name: z.string() })),
  surveyItems: z.array(z.object({ code: z.string(), text: z.string() })),
  groups: z.array(benchmarkGroup),
});
export type MunicipalityBenchmark = z.infer<typeof municipalityBenchmark>;

/** National analysts and network coordinators: aggregates only, never one municipality. */
export const analystBenchmarkQuery = benchmarkQuery.extend({
  country: z.enum(COUNTRIES).optional(),
  sizeClass: z.enum(SIZE_CLASSES).optional(),
  networkId: z.uuid().optional(),
});
export const analystBenchmark = z.object({
  framework: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  minMunicipalities: z.number().int(),
  competences: z.array(z.object({ code: z.string(), name: z.string() })),
  surveyItems: z.array(z.object({ code: z.string(), text: z.string() })),
  groups: z.array(benchmarkGroup),
});
export type AnalystBenchmark = z.infer<typeof analystBenchmark>;

export const sharingBody = z.object({ shareNationalBenchmarks: z.boolean() });
