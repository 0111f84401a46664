import { z } from 'zod';
import { LANGUAGES, PROFESSIONS } from '../domain.js';

// Mapping campaigns (competence advisors) and answering them (employees, by
// link token, shared-device code or signed in). See
// src/server/modules/mapping/README.md for the privacy design.

export const CAMPAIGN_MODES = ['identified', 'anonymous'] as const;
export type CampaignMode = (typeof CAMPAIGN_MODES)[number];
export const CAMPAIGN_INSTRUMENTS = ['self_assessment', 'leader_survey'] as const;
export type CampaignInstrument = (typeof CAMPAIGN_INSTRUMENTS)[number];
/** draft → (published) scheduled → open → closed; derived from the dates once published. */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * Why a campaign or assessment request conflicts (409 CONFLICT), in
 * `error.details.reason`. Stable: clients and translations key on these.
 */
export const MAPPING_CONFLICTS = [
  'CAMPAIGN_NOT_DRAFT',
  'CAMPAIGN_NOT_PUBLISHED',
  'CAMPAIGN_ALREADY_CLOSED',
  'CAMPAIGN_NOT_OPEN',
  'CAMPAIGN_CLOSED',
  'ALREADY_SUBMITTED',
  'NOBODY_TARGETED',
  /** No longer returned (the leader survey can be published now); kept so that clients keyed on it still compile. */
  'INSTRUMENT_NOT_AVAILABLE',
] as const;
export type MappingConflict = (typeof MAPPING_CONFLICTS)[number];

const isoDateTime = z.iso.datetime({ offset: true });
const competenceCode = z.string().trim().min(1).max(40);

export const campaignInput = z.object({
  name: z.string().trim().min(1).max(200),
  frameworkVersionId: z.uuid(),
  /** A subset of the version's competences; null or absent: all of them. */
  competenceCodes: z.array(competenceCode).min(1).max(500).nullable().optional(),
  /** Target units; empty: the whole municipality. */
  unitIds: z.array(z.uuid()).max(500).optional(),
  /** Targets the units' sub-units too (default true). */
  includeSubUnits: z.boolean().optional(),
  /** Target professions; empty: every profession. */
  professions: z.array(z.enum(PROFESSIONS)).max(PROFESSIONS.length).optional(),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  mode: z.enum(CAMPAIGN_MODES),
  /** Default: self-assessment only. */
  instruments: z.array(z.enum(CAMPAIGN_INSTRUMENTS)).min(1).max(2).optional(),
});
/**
 * While a campaign is a draft everything may change. Once published only
 * `name` and `closesAt` may (to correct a name or move the deadline); closing
 * early is POST …/close.
 */
export const updateCampaignBody = campaignInput.partial();

export const campaignSchema = z.object({
  id: z.uuid(),
  municipalityId: z.uuid(),
  name: z.string(),
  frameworkVersionId: z.uuid(),
  competenceCodes: z.array(z.string()).nullable(),
  unitIds: z.array(z.uuid()),
  includeSubUnits: z.boolean(),
  professions: z.array(z.enum(PROFESSIONS)),
  opensAt: z.string(),
  closesAt: z.string(),
  mode: z.enum(CAMPAIGN_MODES),
  instruments: z.array(z.enum(CAMPAIGN_INSTRUMENTS)),
  status: z.enum(CAMPAIGN_STATUSES),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignParams = z.object({ municipalityId: z.uuid(), campaignId: z.uuid() });

export const publishResult = z.object({
  campaign: campaignSchema,
  /**
   * Invitations made: one per targeted active person for the self-assessment,
   * one per targeted leader for the leader survey (a leader may get both).
   */
  invited: z.number().int(),
  /** The same, per instrument. */
  invitedByInstrument: z.object({ selfAssessment: z.number().int(), leaderSurvey: z.number().int() }),
  /** Of those, invitations e-mailed in the background (people with an e-mail address; one e-mail per invitation). */
  emailed: z.number().int(),
});
export const remindersResult = z.object({ emailed: z.number().int() });

/**
 * Shared-device codes for the unsubmitted invitations of a unit and its
 * sub-units. Each call makes new codes and invalidates the unit's earlier ones:
 * codes are stored only as hashes, so this answer is the one time they are seen.
 */
export const invitationCodesBody = z.object({ unitId: z.uuid() });
export const invitationCodesResult = z.object({
  campaignId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  /** Where to type the code (also the base of each QR link). */
  entryUrl: z.string(),
  closesAt: z.string(),
  codes: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      unitName: z.string().nullable(),
      /** 8 characters shown as XXXX-XXXX; no 0/O, 1/I/L. */
      code: z.string(),
      /** A link with the code in it, for a QR code. */
      link: z.string(),
    }),
  ),
});

const rateCounts = z.object({ invited: z.number().int(), submitted: z.number().int().nullable(), rate: z.number().nullable() });
export const campaignProgress = z.object({
  campaignId: z.uuid(),
  /** The municipality's anonymity threshold k: no row stands for fewer than k invited people. */
  threshold: z.number().int(),
  /** The whole campaign (null for callers who see only some units). submitted/rate are null when fewer than k were invited. */
  total: rateCounts.nullable(),
  /**
   * The leader survey, for the whole campaign only (leaders are few, so never per
   * unit): submitted is null when fewer than k were invited. null when the campaign
   * has no leader survey, and for callers who see only some units.
   */
  leaderSurvey: z.object({ invited: z.number().int(), submitted: z.number().int().nullable() }).nullable().optional(),
  rows: z.array(
    z.object({
      /** The unit the row is anchored at; null for the "other" bucket. */
      unitId: z.uuid().nullable(),
      name: z.string().nullable(),
      depth: z.number().int(),
      /** This row: the unit plus sub-units too small to be shown alone. */
      invited: z.number().int(),
      submitted: z.number().int().nullable(),
      rate: z.number().nullable(),
      /** Units (with invitations) whose counts are folded into this row. */
      mergedUnitIds: z.array(z.uuid()),
      /** Also holds people in no shown unit (the municipality-level "other" bucket, too small alone). */
      includesOther: z.boolean(),
      /** The unit with everything below it. */
      rollup: rateCounts,
    }),
  ),
});
export type CampaignProgress = z.infer<typeof campaignProgress>;

export const myAssessment = z.object({
  /** Open it with /assessments/<invitationId> while signed in. */
  invitationId: z.uuid(),
  municipalityId: z.uuid(),
  municipalityName: z.string(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  /** What the invitation is for: the self-assessment, or (leaders) the leader survey. */
  instrument: z.enum(CAMPAIGN_INSTRUMENTS),
  mode: z.enum(CAMPAIGN_MODES),
  status: z.enum(CAMPAIGN_STATUSES),
  opensAt: z.string(),
  closesAt: z.string(),
  submitted: z.boolean(),
});

// ——— answering (public: the path key is the authorisation) ———

export const assessmentParams = z.object({
  /** The e-mailed link token, a shared-device code (XXXX-XXXX), or, signed in, one's own invitation id. */
  token: z.string().trim().min(6).max(200),
});
export const assessmentQuery = z.object({ lang: z.enum(LANGUAGES).optional() });

export const answerInput = z.object({
  competenceCode,
  /** 1..n on the framework's scale; null = "don't know"; absent = keep what was saved. */
  level: z.number().int().min(1).max(20).nullable().optional(),
  /** Absent = keep what was saved (false at first). */
  wantsTraining: z.boolean().optional(),
});
/**
 * A leader-survey answer: the chosen option(s) of the item. agree5 and
 * yes_no_unsure take exactly one option; multi_select one or more distinct
 * options of the item, an exclusive option ("none of these") alone. An empty
 * list clears the answer.
 */
export const surveyAnswerInput = z.object({
  itemCode: z.string().trim().min(1).max(40),
  optionCodes: z.array(z.string().trim().min(1).max(60)).max(30),
});
/** `answers` for a self-assessment invitation, `surveyAnswers` for a leader-survey one. */
export const saveAnswersBody = z.object({ answers: z.array(answerInput).max(500).optional(), surveyAnswers: z.array(surveyAnswerInput).max(100).optional() });
export const submitBody = z.object({ answers: z.array(answerInput).max(500).optional(), surveyAnswers: z.array(surveyAnswerInput).max(100).optional() }).nullish();

export const savedAnswer = z.object({ competenceCode: z.string(), level: z.number().int().nullable(), dontKnow: z.boolean(), wantsTraining: z.boolean() });
export const savedSurveyAnswer = z.object({ itemCode: z.string(), optionCodes: z.array(z.string()) });

export const LEADER_SURVEY_THEMES = ['task_change', 'competence_gap', 'training_demand', 'strategy', 'collaboration'] as const;
export const LEADER_SURVEY_SCALES = ['agree5', 'yes_no_unsure', 'multi_select'] as const;

/** The leader survey as a leader answers it, texts in the questionnaire's language. */
export const leaderSurvey = z.object({
  /** In question-bank order (grouped by theme). */
  items: z.array(
    z.object({
      code: z.string(),
      theme: z.enum(LEADER_SURVEY_THEMES),
      scale: z.enum(LEADER_SURVEY_SCALES),
      text: z.string(),
      /** E.g. "Select all that apply." for multi_select. */
      instruction: z.string().nullable(),
      options: z.array(z.object({ code: z.string(), text: z.string(), exclusive: z.boolean() })),
    }),
  ),
  /** Saved answers (after an anonymous submission: none). */
  answers: z.array(savedSurveyAnswer),
});
export type LeaderSurvey = z.infer<typeof leaderSurvey>;

export const questionnaire = z.object({
  campaign: z.object({
    id: z.uuid(),
    name: z.string(),
    mode: z.enum(CAMPAIGN_MODES),
    status: z.enum(CAMPAIGN_STATUSES),
    opensAt: z.string(),
    closesAt: z.string(),
  }),
  municipalityName: z.string(),
  /** First name, so that on a shared device people can see it is their own form. */
  givenName: z.string(),
  /** The language the texts are in: the person's (or ?lang), falling back when the framework lacks it. */
  language: z.enum(LANGUAGES),
  submitted: z.boolean(),
  /** Which form this invitation answers; the fields below that belong to the other one are empty. */
  instrument: z.enum(CAMPAIGN_INSTRUMENTS),
  /** The self-assessment's framework (null for the leader survey, whose levels, areas and answers are empty). */
  framework: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  levels: z.array(z.object({ level: z.number().int(), name: z.string(), description: z.string().nullable() })),
  areas: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      competences: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          description: z.string().nullable(),
          levelDescriptions: z.array(z.object({ level: z.number().int(), text: z.string() })),
        }),
      ),
    }),
  ),
  /** Saved draft answers (after an anonymous submission: none; they no longer belong to anyone). */
  answers: z.array(savedAnswer),
  /** The leader survey (null for the self-assessment). */
  survey: leaderSurvey.nullable(),
  savedAt: z.string().nullable(),
  /** Competences (self-assessment) or items (leader survey) answered, of total. */
  answered: z.number().int(),
  total: z.number().int(),
});
export type Questionnaire = z.infer<typeof questionnaire>;

export const saveResult = z.object({ savedAt: z.string(), answered: z.number().int(), total: z.number().int() });
export const submitResult = z.object({ submitted: z.literal(true), mode: z.enum(CAMPAIGN_MODES) });
