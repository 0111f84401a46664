import { describe, expect, it } from 'vitest';
import { byTheme, type SurveyItem, toggleOption } from './surveyChoice';

const item = (code: string, theme: SurveyItem['theme'], options: [string, boolean?][] = []): SurveyItem => ({
  code,
  theme,
  scale: options.length > 0 ? 'multi_select' : 'agree5',
  text: code,
  instruction: null,
  options: options.map(([c, exclusive]) => ({ code: c, text: c, exclusive: exclusive ?? false })),
});

describe('toggleOption', () => {
  const partners = item('P', 'collaboration', [['a'], ['b'], ['c'], ['none', true]]);

  it('adds and removes options, in the item\'s order', () => {
    expect(toggleOption(partners, [], 'b', true)).toEqual(['b']);
    expect(toggleOption(partners, ['b'], 'a', true)).toEqual(['a', 'b']);
    expect(toggleOption(partners, ['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggleOption(partners, ['a'], 'a', true)).toEqual(['a']);
  });

  it('lets an exclusive option clear the others, and any other option clear it', () => {
    expect(toggleOption(partners, ['a', 'c'], 'none', true)).toEqual(['none']);
    expect(toggleOption(partners, ['none'], 'c', true)).toEqual(['c']);
    expect(toggleOption(partners, ['none'], 'none', false)).toEqual([]);
  });
});

describe('byTheme', () => {
  it('groups runs of one theme, in order', () => {
    const groups = byTheme([item('1', 'task_change'), item('2', 'task_change'), item('3', 'strategy'), item('4', 'collaboration')]);
    expect(groups.map((g) => [g.theme, g.items.map((i) => i.code)])).toEqual([
      ['task_change', ['1', '2']],
      ['strategy', ['3']],
      ['collaboration', ['4']],
    ]);
  });
});
