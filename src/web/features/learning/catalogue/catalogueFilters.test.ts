import { describe, expect, it } from 'vitest';
import { apiQuery, filtersFrom, hasFilters, paramsFrom } from './catalogueFilters';

describe('catalogue filters in the address', () => {
  it('read known values and drop unknown ones', () => {
    const f = filtersFrom(new URLSearchParams('q=fall&kind=video&language=sv&length=short&status=bogus&page=3&competence=HC.SEC.1'));
    expect(f).toEqual({ q: 'fall', kind: 'video', competence: 'HC.SEC.1', language: 'sv', length: 'short', status: '', page: 3 });
    expect(filtersFrom(new URLSearchParams('kind=book&page=-2'))).toMatchObject({ kind: '', page: 1 });
  });

  it('round-trip without empty values', () => {
    const f = filtersFrom(new URLSearchParams('q=fall&length=long'));
    expect(paramsFrom(f)).toEqual({ q: 'fall', length: 'long' });
    expect(hasFilters(f)).toBe(true);
    expect(hasFilters(filtersFrom(new URLSearchParams('page=2')))).toBe(false);
  });

  it('turn a length into minutes for the API', () => {
    expect(apiQuery(filtersFrom(new URLSearchParams('length=medium')), 'nb', 24)).toEqual({ minMinutes: 16, maxMinutes: 60, lang: 'nb', page: 1, pageSize: 24 });
    expect(apiQuery(filtersFrom(new URLSearchParams('length=short&q=%20x%20')), 'en', 10)).toEqual({ q: 'x', maxMinutes: 15, lang: 'en', page: 1, pageSize: 10 });
  });
});
