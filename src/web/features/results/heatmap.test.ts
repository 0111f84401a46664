import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../../../shared/api/results';
import { gapCategory, shareBelow } from './heatmap';

describe('gapCategory', () => {
  it('needs an average, a required level and a gap', () => {
    expect(gapCategory(undefined)).toBe('none');
    expect(gapCategory({ average: 2, required: null, gap: null })).toBe('none');
    expect(gapCategory({ average: null, required: 3, gap: 1 })).toBe('none');
  });

  it('sorts by the gap to the required level', () => {
    expect(gapCategory({ average: 3.2, required: 3, gap: -0.2 })).toBe('meets');
    expect(gapCategory({ average: 3, required: 3, gap: 0 })).toBe('meets');
    expect(gapCategory({ average: 2.6, required: 3, gap: 0.4 })).toBe('near');
    expect(gapCategory({ average: 2.5, required: 3, gap: 0.5 })).toBe('near');
    expect(gapCategory({ average: 2, required: 3, gap: 1 })).toBe('below');
  });
});

describe('shareBelow', () => {
  const stat = (withRequirement: number, belowRequired: number) => ({
    code: 'X', respondents: 10, answered: 10, average: 2, distribution: [], dontKnow: 0, wantsTraining: 0,
    required: 3, requiredRange: [3, 3] as [number, number], withRequirement, belowRequired, gap: 1,
  });
  const row = (competences: ReturnType<typeof stat>[]): ResultRow => ({
    key: 'total', unitId: null, name: null, depth: 0, profession: null, respondents: 10, mergedUnitIds: [], includesOther: false, competences,
  });

  it('sums over the competences of a row', () => {
    expect(shareBelow(row([stat(10, 5), stat(10, 0)]))).toBe(0.25);
  });

  it('is null when no role profile sets a level', () => {
    expect(shareBelow(row([stat(0, 0)]))).toBeNull();
  });
});
