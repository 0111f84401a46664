import { LEADER_SURVEY_ITEMS } from './leader-survey-items.js';
import { SCALES } from './scales.js';
import type { LeaderSurveyItem, LeaderSurveyTheme, ScaleOption, SurveyOption } from './types.js';

// The leader-survey question bank: agreement-scale, yes/no and multi-select items
// for unit and municipal leaders on how digitalisation changes work, competence
// gaps, demand for training, strategy and partners. Codes are stable: answers
// and reports refer to them, so an item's meaning must never change under its code.

export { LEADER_SURVEY_ITEMS } from './leader-survey-items.js';
export { COMPETENCE_NEED_OPTIONS, PARTNER_OPTIONS, TRAINING_PROVIDER_OPTIONS } from './options.js';
export { SCALES } from './scales.js';
export {
  COMPARABLE_INSTRUMENTS,
  LEADER_SURVEY_SCALES,
  LEADER_SURVEY_THEMES,
  type ComparableInstrumentId,
  type LeaderSurveyItem,
  type LeaderSurveyScale,
  type LeaderSurveyTheme,
  type QuestionText,
  type ScaleDefinition,
  type ScaleOption,
  type SurveyOption,
} from './types.js';

const BY_CODE = new Map(LEADER_SURVEY_ITEMS.map((item) => [item.code, item]));

export function findLeaderSurveyItem(code: string): LeaderSurveyItem | undefined {
  return BY_CODE.get(code);
}

export function leaderSurveyItemsByTheme(theme: LeaderSurveyTheme): LeaderSurveyItem[] {
  return LEADER_SURVEY_ITEMS.filter((item) => item.theme === theme);
}

/** The options a respondent chooses from: the item's own for multi_select, otherwise the scale's. */
export function answerOptions(item: LeaderSurveyItem): readonly (SurveyOption | ScaleOption)[] {
  return item.scale === 'multi_select' ? (item.options ?? []) : SCALES[item.scale].options;
}
