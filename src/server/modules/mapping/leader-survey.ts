import type { z } from 'zod';
import type { LeaderSurvey, surveyAnswerInput } from '../../../shared/api/mapping.js';
import type { Language } from '../../../shared/domain.js';
import { answerOptions, findLeaderSurveyItem, LEADER_SURVEY_ITEMS, SCALES } from './question-bank/question-bank.js';

// The leader survey as it is answered: the items of the question bank in the
// respondent's language, and the rules an answer must keep. Pure; the service
// (assessments.service.ts) stores what passes.

export type SurveyAnswerInput = z.infer<typeof surveyAnswerInput>;
export type SurveyAnswer = { itemCode: string; optionCodes: string[] };
type Issue = { path: string[]; message: string };

/** Every item of the survey, in question-bank order. */
export const SURVEY_ITEM_CODES: readonly string[] = LEADER_SURVEY_ITEMS.map((i) => i.code);

/** The items with their texts and options in one language (every item has all five). */
export function surveyItems(language: Language): LeaderSurvey['items'] {
  return LEADER_SURVEY_ITEMS.map((item) => ({
    code: item.code,
    theme: item.theme,
    scale: item.scale,
    text: item.text[language],
    instruction: SCALES[item.scale].instruction?.[language] ?? null,
    options: answerOptions(item).map((o) => ({ code: o.code, text: o.text[language], exclusive: o.exclusive === true })),
  }));
}

/**
 * Checks every answer before anything is written (one bad answer and nothing
 * changes): the item exists and is answered once in the body; agree5 and
 * yes_no_unsure take exactly one option of the scale; multi_select takes
 * distinct options of the item, an exclusive one alone. An empty list clears.
 */
export function checkSurveyAnswers(answers: SurveyAnswerInput[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const at = (...rest: string[]) => ['surveyAnswers', String(i), ...rest];
    if (seen.has(a.itemCode)) issues.push({ path: at('itemCode'), message: 'answered twice' });
    seen.add(a.itemCode);
    const item = findLeaderSurveyItem(a.itemCode);
    if (!item) {
      issues.push({ path: at('itemCode'), message: `not an item of the leader survey: ${a.itemCode}` });
      return;
    }
    if (a.optionCodes.length === 0) return;
    const options = new Map(answerOptions(item).map((o) => [o.code, o]));
    a.optionCodes.forEach((code, k) => {
      if (!options.has(code)) issues.push({ path: at('optionCodes', String(k)), message: `not an option of ${item.code}: ${code}` });
    });
    if (new Set(a.optionCodes).size !== a.optionCodes.length) issues.push({ path: at('optionCodes'), message: 'an option is chosen twice' });
    if (item.scale !== 'multi_select') {
      if (a.optionCodes.length !== 1) issues.push({ path: at('optionCodes'), message: `${item.code} takes exactly one option` });
      return;
    }
    const exclusive = a.optionCodes.filter((c) => options.get(c)?.exclusive);
    if (exclusive.length > 0 && a.optionCodes.length > 1) {
      issues.push({ path: at('optionCodes'), message: `${exclusive.join(', ')} rules out every other option` });
    }
  });
  return issues;
}

/** The items not (validly) answered yet, in survey order. */
export function missingItems(saved: SurveyAnswer[]): string[] {
  const answered = new Set(saved.filter((a) => a.optionCodes.length > 0).map((a) => a.itemCode));
  return SURVEY_ITEM_CODES.filter((c) => !answered.has(c));
}

export function answeredCount(saved: SurveyAnswer[]): number {
  return SURVEY_ITEM_CODES.length - missingItems(saved).length;
}
