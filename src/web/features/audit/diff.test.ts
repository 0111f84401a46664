import { describe, expect, it } from 'vitest';
import { diffSnapshots, formatValue } from './diff';

describe('diffSnapshots', () => {
  it('lists only changed fields of an update', () => {
    const changes = diffSnapshots(
      { name: 'Solvik', population: 4000, tags: ['a'] },
      { name: 'Solvik kommune', population: 4000, tags: ['a'] },
    );
    expect(changes).toEqual([{ field: 'name', before: 'Solvik', after: 'Solvik kommune' }]);
  });

  it('treats creation and deletion as every field changing', () => {
    expect(diffSnapshots(null, { a: 1, b: null })).toEqual([
      { field: 'a', before: null, after: 1 },
    ]);
    expect(diffSnapshots({ a: 1 }, null)).toEqual([{ field: 'a', before: 1, after: null }]);
  });

  it('handles fields added or removed and scalar snapshots', () => {
    expect(diffSnapshots({ a: 1 }, { b: 2 })).toEqual([
      { field: 'a', before: 1, after: null },
      { field: 'b', before: null, after: 2 },
    ]);
    expect(diffSnapshots('x', 'y')).toEqual([{ field: 'value', before: 'x', after: 'y' }]);
    expect(diffSnapshots(null, null)).toEqual([]);
  });
});

describe('formatValue', () => {
  it('renders values readably', () => {
    expect(formatValue(null)).toBe('–');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(['a', 'b'])).toBe('a, b');
    expect(formatValue({ x: 1 })).toBe('{"x":1}');
  });
});
