import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/domain';
import { ERROR_CODES } from '../../shared/errors';
import { PROFESSIONS, ROLES, SCOPE_TYPES, SIZE_CLASSES, UNIT_KINDS, COUNTRIES } from '../../shared/domain';
import da from './da.json';
import en from './en.json';
import nb from './nb.json';
import nn from './nn.json';
import sv from './sv.json';

const files: Record<string, unknown> = { nb, nn, sv, da, en };

/** Every leaf as [dotted key, value]. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
}

const reference = leaves(nb).map(([k]) => k).sort();

describe('translations', () => {
  it('has a file for every language', () => {
    expect(Object.keys(files).sort()).toEqual([...LANGUAGES].sort());
  });

  for (const [lng, data] of Object.entries(files)) {
    it(`${lng}: has exactly the same keys as nb`, () => {
      expect(leaves(data).map(([k]) => k).sort()).toEqual(reference);
    });

    it(`${lng}: has no empty or non-string values`, () => {
      const bad = leaves(data).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      expect(bad).toEqual([]);
    });

    it(`${lng}: keeps the same {{placeholders}} as nb`, () => {
      const nbValues = new Map(leaves(nb));
      const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
      const mismatched = leaves(data)
        .filter(([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(nbValues.get(k))))
        .map(([k]) => k);
      expect(mismatched).toEqual([]);
    });
  }

  it('labels every shared code (roles, professions, unit kinds, errors, …)', () => {
    const keys = new Set(reference);
    const expected = [
      ...ROLES.map((r) => `roles.${r}`),
      ...PROFESSIONS.map((p) => `professions.${p}`),
      ...UNIT_KINDS.map((k) => `unitKinds.${k}`),
      ...SCOPE_TYPES.map((s) => `scopes.${s}`),
      ...SIZE_CLASSES.map((s) => `sizeClasses.${s}`),
      ...COUNTRIES.map((c) => `countries.${c}`),
      ...LANGUAGES.map((l) => `languages.${l}`),
      ...ERROR_CODES.map((c) => `errors.${c}`),
    ];
    expect(expected.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('names each language in that language, the same in every file', () => {
    for (const data of Object.values(files)) {
      expect((data as typeof nb).languages).toEqual(nb.languages);
    }
  });
});
