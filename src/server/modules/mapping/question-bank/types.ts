import type { Language } from '../../../../shared/domain.js';

/**
 * Text in all five languages. Stricter than the frameworks' `LocalizedText`
 * (a partial record), and assignable to it.
 */
export type QuestionText = Readonly<Record<Language, string>>;

export const LEADER_SURVEY_THEMES = ['task_change', 'competence_gap', 'training_demand', 'strategy', 'collaboration'] as const;
export type LeaderSurveyTheme = (typeof LEADER_SURVEY_THEMES)[number];

export const LEADER_SURVEY_SCALES = ['agree5', 'yes_no_unsure', 'multi_select'] as const;
export type LeaderSurveyScale = (typeof LEADER_SURVEY_SCALES)[number];

/**
 * Published Nordic surveys our items are designed to be comparable with (not
 * identical to: the original questionnaires are not public). The ids are those
 * of the project's seed bank of survey items.
 */
export const COMPARABLE_INSTRUMENTS = [
  { id: 'ks-ipsos-helse-omsorg-2018', label: 'KS/Ipsos survey of municipal heads of health and care, Norway (2018)' },
  { id: 'ks-arbeidsgivermonitor', label: "KS employer monitor for the municipal sector (Kommunesektorens arbeidsgivermonitor), Norway" },
  { id: 'ssb-ikt-offentlig-sektor', label: 'Statistics Norway: use of ICT in the public sector, municipal module' },
  { id: 'it-i-praksis-dk', label: 'IT i praksis (Rambøll and DANSK IT), Denmark' },
] as const;
export type ComparableInstrumentId = (typeof COMPARABLE_INSTRUMENTS)[number]['id'];

export interface SurveyOption {
  /** Stable code stored with answers. */
  readonly code: string;
  readonly text: QuestionText;
  /** Rules out every other option (e.g. "none of these"). */
  readonly exclusive?: boolean;
}

export interface ScaleOption extends SurveyOption {
  /** Numeric value for ordered scales (agree5: 1 = strongly disagree … 5 = strongly agree). */
  readonly value?: number;
}

export interface ScaleDefinition {
  /** The answer options; empty for multi_select, whose options belong to each item. */
  readonly options: readonly ScaleOption[];
  /** A short instruction shown with the item, when the scale needs one. */
  readonly instruction?: QuestionText;
}

export interface LeaderSurveyItem {
  /** Stable code stored with answers, e.g. "LS.GAP.1". */
  readonly code: string;
  readonly theme: LeaderSurveyTheme;
  readonly text: QuestionText;
  readonly scale: LeaderSurveyScale;
  /** The choices of a multi_select item. */
  readonly options?: readonly SurveyOption[];
  /** Id of the published instrument this item is comparable to. */
  readonly comparableTo: ComparableInstrumentId;
  /** Id of the comparable item within that instrument, in the seed bank, when there is one. */
  readonly comparableItem?: string;
  /** Agreement means a better state (e.g. "competence is sufficient"); reverse it when combining with items on a gap. */
  readonly reverseScored?: boolean;
}
