import { describe, expect, it } from 'vitest';
import { formatBytes, labelledDetails, refusalOf, sentPercent, stepStates } from './packageFormat';

const at = '2026-01-01T00:00:00.000Z';
const states = (s: ReturnType<typeof stepStates>) => s.map((x) => `${x.step}:${x.state}`);

describe('stepStates', () => {
  it('shows the file still being sent before the server has answered', () => {
    expect(states(stepStates(undefined))).toEqual(['sending:current', 'received:todo', 'unpacking:todo', 'validating:todo', 'storing:todo', 'stored:todo']);
  });

  it('marks the phases before the current one as done', () => {
    const s = stepStates({ phase: 'validating', phases: [{ phase: 'received', at }, { phase: 'unpacking', at }, { phase: 'validating', at }] });
    expect(states(s)).toEqual(['sending:done', 'received:done', 'unpacking:done', 'validating:current', 'storing:todo', 'stored:todo']);
  });

  it('marks every step done once stored', () => {
    expect(stepStates({ phase: 'stored', phases: [] }).every((x) => x.state === 'done')).toBe(true);
  });

  it('marks the step a refused upload stopped in as failed', () => {
    const s = stepStates({ phase: 'rejected', phases: [{ phase: 'received', at }, { phase: 'unpacking', at }, { phase: 'rejected', at }] });
    expect(states(s)).toEqual(['sending:done', 'received:done', 'unpacking:failed', 'validating:todo', 'storing:todo', 'stored:todo']);
  });
});

describe('refusalOf', () => {
  it('reads the reason and the other details of a PACKAGE_INVALID answer', () => {
    expect(refusalOf({ message: 'Too big', details: { reason: 'UPLOAD_TOO_LARGE', maxBytes: 10 } })).toEqual({ reason: 'UPLOAD_TOO_LARGE', message: 'Too big', details: { maxBytes: 10 } });
  });

  it('ignores answers without a known reason', () => {
    expect(refusalOf({ message: 'x', details: { reason: 'SOMETHING_ELSE' } })).toBeNull();
    expect(refusalOf({ message: 'x', details: undefined })).toBeNull();
  });
});

describe('labelledDetails', () => {
  it('keeps the known detail fields with a text or number value, in a fixed order', () => {
    expect(labelledDetails({ line: 3, entry: '../evil.html', cause: { deep: true }, unknown: 'x' })).toEqual([
      { key: 'entry', value: '../evil.html' },
      { key: 'line', value: '3' },
    ]);
  });
});

describe('formatBytes', () => {
  it('picks a unit that keeps the number small', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * 1024 * 1024, 'en')).toBe('5 MB');
  });

  it('writes decimals the way the language does', () => {
    expect(formatBytes(1536, 'nb')).toMatch(/^1,5\s?kB$/);
  });
});

describe('sentPercent', () => {
  it('is null when the total is unknown and never leaves 0–100', () => {
    expect(sentPercent(10, null)).toBeNull();
    expect(sentPercent(50, 200)).toBe(25);
    expect(sentPercent(300, 200)).toBe(100);
  });
});
