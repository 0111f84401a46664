import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, createUser, sessionFor, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, errorCode, type Session, type TestApp } from '../../../../../test/harness.js';
import type { CatalogueItem, CataloguePage } from '../../../../shared/api/learning.js';
import { starterVersion } from '../../mapping/mapping.fixtures.js';
import { insertCatalogueItem } from './catalogue.fixtures.js';

// Finding learning: text search over every language, filters by kind,
// competence, language and length, a stable order by title in the reader's
// language, and who sees which status.

let t: TestApp;
let a: Tenant;
let b: Tenant;
let m: string;
let starter: string;
let english: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  starter = await starterVersion(t.db);
  a = await buildTenant(t.db);
  b = await buildTenant(t.db);
  m = a.municipality.id;
  english = await sessionFor(t.db, (await createUser(t.db, [{ role: 'employee', scopeType: 'municipality', municipalityId: m }], { language: 'en' })).id);
  const add = async (key: string, spec: Parameters<typeof insertCatalogueItem>[2]) => (ids[key] = (await insertCatalogueItem(t.db, m, spec)).id);
  await add('fall', {
    kind: 'video',
    titles: { sv: 'Fallprevention i hemmet', en: 'Preventing falls at home' },
    languages: ['sv', 'en'],
    durationMinutes: 10,
    frameworkVersionId: starter,
    competences: [{ code: 'HC.SEC.1', level: 2 }],
  });
  await add('journal', {
    kind: 'course',
    titles: { nb: 'Øvelse i pasientjournal', en: 'Practising patient records' },
    descriptions: { nb: 'Logg inn med 100% sikkerhet og BankID.' },
    languages: ['nb'],
    durationMinutes: 45,
    frameworkVersionId: starter,
    competences: [{ code: 'HC.EPR.1', level: 1 }],
  });
  await add('meeting', { kind: 'event', titles: { da: 'Netværksmøde om velfærdsteknologi', nb: 'Nettverksmøte om velferdsteknologi' }, languages: ['da'], durationMinutes: 120 });
  await add('untimed', { kind: 'link', titles: { nb: 'Artikkel uten lengde', en: 'Article' }, durationMinutes: null });
  await add('draft', { kind: 'link', status: 'draft', titles: { nb: 'Utkast om fall' } });
  await add('archived', { kind: 'link', status: 'archived', titles: { nb: 'Arkivert om fall' } });
  await add('network', { kind: 'link', status: 'draft', titles: { nb: 'Nettverkets utkast om fall' }, ownerNetworkId: a.network.id });
  await insertCatalogueItem(t.db, b.municipality.id, { titles: { nb: 'Fall i en annen kommune' } });
});
afterAll(() => t.close());

async function search(query: Record<string, string | number> = {}, session: Session | null = a.sessions.employee): Promise<CataloguePage> {
  const res = await call(t.app, session, 'GET', `/api/v1/municipalities/${m}/learning/items?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json<CataloguePage>();
}
const found = async (query: Record<string, string | number>, session: Session | null = a.sessions.employee) => {
  const page = await search(query, session);
  const keys = page.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0] ?? `foreign:${i.title}`);
  return keys.sort();
};

describe('search', () => {
  it('matches titles and descriptions in every language, ignoring case (also æ, ø, å)', async () => {
    expect(await found({ q: 'FALLPREV' })).toEqual(['fall']);
    expect(await found({ q: 'preventing' })).toEqual(['fall']);
    expect(await found({ q: 'øvelse' })).toEqual(['journal']);
    expect(await found({ q: 'ØVELSE' })).toEqual(['journal']);
    expect(await found({ q: 'bankid' })).toEqual(['journal']);
    expect(await found({ q: 'velfærd' })).toEqual(['meeting']);
  });

  it('takes %, _ and \\ literally', async () => {
    expect(await found({ q: '100%' })).toEqual(['journal']);
    expect(await found({ q: '%' })).toEqual(['journal']);
    expect(await found({ q: '_' })).toEqual([]);
    expect(await found({ q: '\\' })).toEqual([]);
  });
});

describe('filters', () => {
  it('by kind, competence and language', async () => {
    expect(await found({ kind: 'video' })).toEqual(['fall']);
    expect(await found({ competence: 'HC.SEC.1' })).toEqual(['fall']);
    expect(await found({ competence: 'HC.EPR.1', kind: 'course' })).toEqual(['journal']);
    expect(await found({ competence: 'HC.EPR.1', kind: 'video' })).toEqual([]);
    expect(await found({ language: 'sv' })).toEqual(['fall']);
    expect(await found({ language: 'da' })).toEqual(['meeting']);
  });

  it('by length, leaving out items without one', async () => {
    expect(await found({ maxMinutes: 15 })).toEqual(['fall']);
    expect(await found({ minMinutes: 30, maxMinutes: 60 })).toEqual(['journal']);
    expect(await found({ minMinutes: 60 })).toEqual(['meeting']);
  });

  it('combines search and filters, and refuses bad values', async () => {
    expect(await found({ q: 'fall', language: 'en' })).toEqual(['fall']);
    expect(errorCode(await call(t.app, a.sessions.employee, 'GET', `/api/v1/municipalities/${m}/learning/items?kind=book`))).toBe('VALIDATION');
    expect(errorCode(await call(t.app, a.sessions.employee, 'GET', `/api/v1/municipalities/${m}/learning/items?maxMinutes=0`))).toBe('VALIDATION');
  });
});

describe('who sees which status', () => {
  it('shows employees and every other role published items only, and refuses their asking for drafts', async () => {
    for (const role of ['employee', 'leader', 'ombud', 'analyst', 'platform_admin'] as const) {
      expect(await found({}, a.sessions[role]), role).toEqual(['fall', 'journal', 'meeting', 'untimed']);
      expect(errorCode(await call(t.app, a.sessions[role], 'GET', `/api/v1/municipalities/${m}/learning/items?status=draft`)), role).toBe('FORBIDDEN');
    }
    expect(errorCode(await call(t.app, b.sessions.employee, 'GET', `/api/v1/municipalities/${m}/learning/items`))).toBe('NOT_FOUND');
    expect(errorCode(await call(t.app, a.sessions.employee, 'GET', `/api/v1/municipalities/${m}/learning/items/${ids.draft}`))).toBe('NOT_FOUND');
  });

  it('shows municipal managers drafts beside published items, and archived ones when asked', async () => {
    for (const role of ['competence_advisor', 'municipal_admin'] as const) {
      expect(await found({ q: 'fall' }, a.sessions[role]), role).toEqual(['draft', 'fall', 'network']);
      expect(await found({ status: 'archived' }, a.sessions[role]), role).toEqual(['archived']);
      expect(await found({ status: 'draft' }, a.sessions[role]), role).toEqual(['draft', 'network']);
    }
  });

  it('shows a network coordinator the network\'s drafts, not the municipality\'s', async () => {
    expect(await found({ q: 'fall' }, a.sessions.network_coordinator)).toEqual(['fall', 'network']);
    expect(await found({ status: 'draft' }, a.sessions.network_coordinator)).toEqual(['network']);
  });
});

describe('order, paging and my status', () => {
  it('sorts by title in the reader\'s language (else English, else Norwegian Bokmål, then the rest)', async () => {
    const titles = (page: CataloguePage) => page.items.map((i) => i.title);
    expect(titles(await search({}, english))).toEqual(['Article', 'Nettverksmøte om velferdsteknologi', 'Practising patient records', 'Preventing falls at home']);
    expect(titles(await search({}, a.sessions.employee))).toEqual(['Artikkel uten lengde', 'Nettverksmøte om velferdsteknologi', 'Preventing falls at home', 'Øvelse i pasientjournal']);
  });

  it('tells the learner their own status, and others none', async () => {
    const done = await call(t.app, a.sessions.employee, 'POST', `/api/v1/municipalities/${m}/learning/items/${ids.fall}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    const mine = (await search({}, a.sessions.employee)).items;
    expect(Object.fromEntries(mine.map((i: CatalogueItem) => [i.id, i.myStatus]))).toEqual({ [ids.fall!]: 'completed', [ids.journal!]: 'not_started', [ids.meeting!]: 'not_started', [ids.untimed!]: 'not_started' });
    expect((await search({}, english)).items.every((i) => i.myStatus === null)).toBe(true);
    expect((await search({}, a.sessions.competence_advisor)).items.every((i) => i.myStatus === null)).toBe(true);
  });

  it('pages through 1,200 items in a stable order with the right total, tags included', async () => {
    const big = await buildTenant(t.db);
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      municipality_id: big.municipality.id,
      kind: 'link' as const,
      status: 'published' as const,
      titles: JSON.stringify({ nb: `Kurs ${String(i % 400).padStart(3, '0')}` }),
      languages: ['nb'],
      duration_minutes: 5 + (i % 60),
      url: 'https://learning.example/x',
      framework_version_id: starter,
    }));
    // Bulk rows straight into the table: the API would take minutes for a fixture this size.
    const inserted = await t.db.insertInto('learning_items').values(rows).returning('id').execute();
    await t.db
      .insertInto('learning_item_competences')
      .values(inserted.map((r) => ({ municipality_id: big.municipality.id, item_id: r.id, competence_code: 'HC.SEC.1', level: 2 })))
      .execute();
    const seen: string[] = [];
    const titles: string[] = [];
    for (let page = 1; page <= 12; page++) {
      const res = await call(t.app, big.sessions.employee, 'GET', `/api/v1/municipalities/${big.municipality.id}/learning/items?page=${page}&pageSize=100`);
      const body = res.json<CataloguePage>();
      expect(body.total).toBe(1200);
      expect(body.items).toHaveLength(100);
      expect(body.items.every((i) => i.competences.length === 1)).toBe(true);
      seen.push(...body.items.map((i) => i.id));
      titles.push(...body.items.map((i) => i.title));
    }
    expect(new Set(seen).size).toBe(1200);
    expect(titles).toEqual([...titles].sort());
    const filtered = await call(t.app, big.sessions.employee, 'GET', `/api/v1/municipalities/${big.municipality.id}/learning/items?q=kurs%20001&maxMinutes=20`);
    expect(filtered.json<CataloguePage>().total).toBe(rows.filter((r) => r.titles.includes('Kurs 001') && r.duration_minutes <= 20).length);
  });
});

describe('the competence filter\'s choices', () => {
  it('lists the competences visible items are tagged with, named, with counts', async () => {
    const res = await call(t.app, a.sessions.employee, 'GET', `/api/v1/municipalities/${m}/learning/competences`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      { code: 'HC.EPR.1', name: expect.stringMatching(/\S/), itemCount: 1 },
      { code: 'HC.SEC.1', name: expect.stringMatching(/\S/), itemCount: 1 },
    ]);
  });
});
