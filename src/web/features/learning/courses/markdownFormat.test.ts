import { describe, expect, it } from 'vitest';
import { applyFormat } from './markdownFormat';
import { markCorrect, move, newQuestion } from './draftModel';

describe('the Markdown toolbar', () => {
  it('wraps the selection, or a placeholder it selects', () => {
    expect(applyFormat('wash hands', 5, 10, 'bold', 'text')).toEqual({ text: 'wash **hands**', start: 7, end: 12 });
    expect(applyFormat('ab', 1, 1, 'italic', 'text')).toEqual({ text: 'a_text_b', start: 2, end: 6 });
  });
  it('prefixes each selected line for a list, the first line for a heading', () => {
    expect(applyFormat('one\ntwo', 1, 6, 'list', '').text).toBe('- one\n- two');
    expect(applyFormat('title\nbody', 2, 2, 'heading', '').text).toBe('## title\nbody');
  });
  it('selects the address of a new link', () => {
    const edit = applyFormat('see here', 4, 8, 'link', 'link');
    expect(edit.text).toBe('see [here](https://)');
    expect(edit.text.slice(edit.start, edit.end)).toBe('https://');
  });
});

describe('draft operations', () => {
  it('moves lessons and blocks within bounds', () => {
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
  it('keeps one correct option in a single-choice question', () => {
    const q = { ...newQuestion(), multiple: false };
    const one = markCorrect(markCorrect(q, 0, true), 1, true);
    expect(one.options.map((o) => o.correct)).toEqual([false, true]);
    const many = markCorrect(markCorrect({ ...q, multiple: true }, 0, true), 1, true);
    expect(many.options.map((o) => o.correct)).toEqual([true, true]);
  });
});
