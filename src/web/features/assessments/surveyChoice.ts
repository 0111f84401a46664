import type { LeaderSurvey } from '../../../shared/api/mapping';

// The leader survey's choices, kept apart from the form so they can be tested.

export type SurveyItem = LeaderSurvey['items'][number];

/** The items in order, in runs of one theme (the question bank keeps themes together). */
export function byTheme(items: SurveyItem[]): { theme: SurveyItem['theme']; items: SurveyItem[] }[] {
  const groups: { theme: SurveyItem['theme']; items: SurveyItem[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.theme === item.theme) last.items.push(item);
    else groups.push({ theme: item.theme, items: [item] });
  }
  return groups;
}

/**
 * The choice after ticking or unticking an option of a multi_select item: an
 * exclusive option ("none of these") clears the others, and any other option
 * clears an exclusive one. Kept in the item's order.
 */
export function toggleOption(item: SurveyItem, chosen: string[], code: string, checked: boolean): string[] {
  if (!checked) return chosen.filter((c) => c !== code);
  const option = item.options.find((o) => o.code === code);
  if (option?.exclusive) return [code];
  const exclusive = new Set(item.options.filter((o) => o.exclusive).map((o) => o.code));
  const next = new Set([...chosen.filter((c) => !exclusive.has(c)), code]);
  return item.options.map((o) => o.code).filter((c) => next.has(c));
}
