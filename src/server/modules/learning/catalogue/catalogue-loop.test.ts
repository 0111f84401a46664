import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant, type Tenant } from '../../../../../test/factories.js';
import { call, createTestApp, type TestApp } from '../../../../../test/harness.js';
import type { CompetenceProfile } from '../../../../shared/api/results.js';
import type { Language } from '../../../../shared/domain.js';
import { withTenant } from '../../../db/tenant.js';
import { COMPLETE_ANSWERS, insertCampaign, invite, starterVersion } from '../../mapping/mapping.fixtures.js';
import { learningCatalogue, SUGGESTIONS_PER_COMPETENCE } from './catalogue-loop.js';
import { insertCatalogueItem } from './catalogue.fixtures.js';

// The loop from mapping to learning: a gap (or a wish for training) in a
// competence profile suggests published catalogue items tagged with that
// competence, those that reach the required level first.

let t: TestApp;
let a: Tenant;
let b: Tenant;
let m: string;
let starter: string;
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  starter = await starterVersion(t.db);
  a = await buildTenant(t.db);
  b = await buildTenant(t.db);
  m = a.municipality.id;
  const tagged = (level: number | null, o: Parameters<typeof insertCatalogueItem>[2] = {}) => ({ frameworkVersionId: starter, competences: [{ code: 'HC.SEC.1', level }], ...o });
  id.below = (await insertCatalogueItem(t.db, m, tagged(2, { titles: { nb: 'Grunnkurs i sikkerhet' } }))).id;
  id.above = (await insertCatalogueItem(t.db, m, tagged(4, { titles: { nb: 'Ekspert på sikkerhet' } }))).id;
  id.exact = (await insertCatalogueItem(t.db, m, tagged(3, { titles: { nb: 'Sikkerhet for sykepleiere', en: 'Security for nurses' } }))).id;
  id.any = (await insertCatalogueItem(t.db, m, tagged(null, { titles: { nb: 'Sikkerhet på alle nivå' } }))).id;
  await insertCatalogueItem(t.db, m, tagged(3, { status: 'draft', titles: { nb: 'Utkast' } }));
  await insertCatalogueItem(t.db, m, tagged(3, { status: 'archived', titles: { nb: 'Arkivert' } }));
  await insertCatalogueItem(t.db, m, { titles: { nb: 'Uten kompetanse' } });
  await insertCatalogueItem(t.db, b.municipality.id, tagged(3, { titles: { nb: 'En annen kommune' } }));
  // The nurse profile asks for level 3 in HC.SEC.1; COMPLETE_ANSWERS says 2 and asks for training.
  const { id: profileId } = await t.db.insertInto('role_profiles').values({ municipality_id: m, name: 'Sykepleier', framework_version_id: starter, profession: 'nurse' }).returning('id').executeTakeFirstOrThrow();
  await t.db.insertInto('role_profile_requirements').values({ municipality_id: m, profile_id: profileId, competence_code: 'HC.SEC.1', required_level: 3 }).execute();
});
afterAll(() => t.close());

const suggest = (needs: { code: string; requiredLevel: number | null }[], languages: Language[] = ['nb']) =>
  withTenant(t.db, m, (tx) => learningCatalogue(tx, m, { frameworkVersionId: starter, needs, languages }));

describe('suggestions for competence needs', () => {
  it('offers published items of this municipality tagged with the competence, reaching the required level first', async () => {
    const found = await suggest([{ code: 'HC.SEC.1', requiredLevel: 3 }]);
    expect(found.get('HC.SEC.1')!.map((i) => i.id)).toEqual([id.exact, id.above, id.any, id.below]);
    expect(found.get('HC.SEC.1')![0]).toEqual({ id: id.exact, title: 'Sikkerhet for sykepleiere', level: 3 });
  });

  it('orders by level alone when no level is required, names items in the asked language, and leaves untagged competences out', async () => {
    const found = await suggest([{ code: 'HC.SEC.1', requiredLevel: null }, { code: 'HC.DIG.1', requiredLevel: 2 }], ['en']);
    expect(found.get('HC.SEC.1')!.map((i) => i.id)).toEqual([id.below, id.exact, id.above, id.any]);
    expect(found.get('HC.SEC.1')!.find((i) => i.id === id.exact)!.title).toBe('Security for nurses');
    expect(found.has('HC.DIG.1')).toBe(false);
  });

  it(`offers at most ${SUGGESTIONS_PER_COMPETENCE} items per competence`, async () => {
    const other = await buildTenant(t.db);
    for (let i = 0; i < SUGGESTIONS_PER_COMPETENCE + 2; i++) {
      await insertCatalogueItem(t.db, other.municipality.id, { frameworkVersionId: starter, competences: [{ code: 'HC.SEC.2', level: 2 }] });
    }
    const found = await withTenant(t.db, other.municipality.id, (tx) =>
      learningCatalogue(tx, other.municipality.id, { frameworkVersionId: starter, needs: [{ code: 'HC.SEC.2', requiredLevel: 2 }], languages: ['nb'] }),
    );
    expect(found.get('HC.SEC.2')).toHaveLength(SUGGESTIONS_PER_COMPETENCE);
  });
});

describe('the competence profile', () => {
  it('shows tagged catalogue items as learning for a competence with a gap', async () => {
    const campaignId = await insertCampaign(t.db, m, { mode: 'identified', state: 'open' });
    const [invited] = await invite(t.db, m, campaignId, [a.people.inTeam.id]);
    const submit = await call(t.app, null, 'POST', `/api/v1/assessments/${encodeURIComponent(invited!.token)}/submit`, { answers: COMPLETE_ANSWERS });
    expect(submit.statusCode, submit.body).toBe(200);
    const res = await call(t.app, a.sessions.competence_advisor, 'GET', `/api/v1/municipalities/${m}/campaigns/${campaignId}/people/${a.people.inTeam.id}/profile`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const security = res.json<CompetenceProfile>().competences.find((c) => c.code === 'HC.SEC.1')!;
    expect(security).toMatchObject({ required: 3, self: 2, gap: 1 });
    expect(security.learning).toEqual([
      { id: id.exact, title: 'Sikkerhet for sykepleiere' },
      { id: id.above, title: 'Ekspert på sikkerhet' },
      { id: id.any, title: 'Sikkerhet på alle nivå' },
      { id: id.below, title: 'Grunnkurs i sikkerhet' },
    ]);
  });
});
