import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, type TestApp } from '../../../../../test/harness.js';
import type { CataloguePage } from '../../../../shared/api/learning.js';
import { insertCatalogueItem } from './catalogue.fixtures.js';
import { sortTranslation } from './catalogue-sort.js';

// Titles sort as readers of the sort language expect, identically on PGlite
// and PostgreSQL: case and accents do not matter, the Nordic letters follow z
// in each language's own order.

let t: TestApp;
let a: Tenant;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildTenant(t.db);
  for (const title of ['Zebra', 'Ørret', 'Åker', 'ærlig', 'apple', 'Élan', 'Oslo', 'Ängel']) await insertCatalogueItem(t.db, a.municipality.id, { titles: { nb: title } });
});
afterAll(() => t.close());

async function titlesFor(lang: string): Promise<string[]> {
  const res = await call(t.app, a.sessions.employee, 'GET', `/api/v1/municipalities/${a.municipality.id}/learning/items?lang=${lang}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CataloguePage>().items.map((i) => i.title);
}

describe('the catalogue order', () => {
  it('puts æ ø å after z for Norwegian and Danish readers, ignoring case and accents', async () => {
    // Ä is read as Æ, so "Ängel" and "ærlig" compare on their next letters.
    const nordic = ['apple', 'Élan', 'Oslo', 'Zebra', 'Ängel', 'ærlig', 'Ørret', 'Åker'];
    for (const lang of ['nb', 'nn', 'da']) expect(await titlesFor(lang), lang).toEqual(nordic);
  });

  it('puts å ä ö after z for Swedish readers, with æ as ä and ø as ö', async () => {
    expect(await titlesFor('sv')).toEqual(['apple', 'Élan', 'Oslo', 'Zebra', 'Åker', 'Ängel', 'ærlig', 'Ørret']);
  });

  it('files the Nordic letters under a and o for English readers', async () => {
    expect(await titlesFor('en')).toEqual(['Åker', 'Ängel', 'apple', 'ærlig', 'Élan', 'Ørret', 'Oslo', 'Zebra']);
  });

  it('maps every letter to exactly one letter, as translate() needs', () => {
    for (const lang of ['nb', 'nn', 'da', 'sv', 'en'] as const) {
      const { from, to } = sortTranslation(lang);
      expect([...from]).toHaveLength([...to].length);
      expect(new Set(from).size, lang).toBe([...from].length);
    }
  });
});
