import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkProblems } from '../framework.document.js';
import { importDigComp22Json } from './digcomp22-json.js';
import { DIGCOMP22, has, importError, skipNote } from './importers.fixtures.js';

describe('importDigComp22Json', () => {
  it.skipIf(!has(DIGCOMP22))(`reads 5 areas, 21 competences and the 8 proficiency levels${skipNote(DIGCOMP22)}`, () => {
    const file = JSON.parse(readFileSync(DIGCOMP22, 'utf8')) as { licence: string; competences: { id: string; title: { en: string } }[] };
    const doc = importDigComp22Json(readFileSync(DIGCOMP22));
    expect(doc.key).toBe('digcomp');
    expect(doc.version).toBe('2.2');
    expect(doc.areas.map((a) => [a.code, a.name])).toEqual([
      ['1', { en: 'Information and data literacy' }],
      ['2', { en: 'Communication and collaboration' }],
      ['3', { en: 'Digital content creation' }],
      ['4', { en: 'Safety' }],
      ['5', { en: 'Problem solving' }],
    ]);
    expect(doc.competences).toHaveLength(21);
    expect(doc.competences.map((c) => [c.code, c.name.en])).toEqual(file.competences.map((c) => [c.id, c.title.en]));
    for (const c of doc.competences) {
      expect(c.digcompRef).toBe(c.code);
      expect(c.areaCode).toBe(c.code.split('.')[0]);
      // nb/sv/da are null in the file and must not turn into empty texts.
      expect(Object.keys(c.name)).toEqual(['en']);
      expect(c.description?.en).toBeTruthy();
    }
    expect(doc.levels).toHaveLength(8);
    expect(doc.levels.map((l) => l.name.en)).toEqual([
      'Foundation 1', 'Foundation 2', 'Intermediate 3', 'Intermediate 4', 'Advanced 5', 'Advanced 6', 'Highly specialised 7', 'Highly specialised 8',
    ]);
    expect(doc.levels[0]!.description?.en).toBe('Complexity of tasks: Simple tasks. Autonomy: With guidance. Cognitive domain: Remembering.');
    expect(doc.statements).toEqual([]);
    expect(doc.licence).toBe(file.licence);
    expect(doc.source).toContain('JRC128415');
    expect(frameworkProblems(doc)).toEqual([]);
  });

  const mini = () => ({
    framework: 'DigComp',
    version: '2.2',
    licence: 'CC BY 4.0',
    areas: [{ id: 1, title: { en: 'Information', nb: 'Informasjon', sv: null, de: 'Information' }, description: null }],
    competences: [{ id: '1.1', area_id: 1, title: { en: 'Browsing', nb: null }, description: { en: 'To browse.', sv: '' } }],
    proficiency_levels: {
      groups: [{ name: 'Foundation', levels: [1, 2] }],
      levels: [{ level: 1 }, { level: 2, group: 'Basis' }, { level: 3 }],
    },
  });

  it('keeps every non-empty title in our languages and takes group names from the groups list', () => {
    const doc = importDigComp22Json(JSON.stringify(mini()));
    expect(doc.areas[0]).toEqual({ code: '1', name: { en: 'Information', nb: 'Informasjon' } });
    expect(doc.competences[0]).toEqual({ code: '1.1', areaCode: '1', name: { en: 'Browsing' }, description: { en: 'To browse.' }, digcompRef: '1.1' });
    expect(doc.levels).toEqual([
      { level: 1, name: { en: 'Foundation 1' } },
      { level: 2, name: { en: 'Basis 2' } },
      { level: 3, name: { en: 'Level 3' } },
    ]);
  });

  it('rejects broken files with paths, and DigComp 3 files', async () => {
    const broken = mini();
    broken.competences[0]!.area_id = 4;
    // Only a language we do not support is left: no usable name.
    (broken.areas[0] as { title: Record<string, string | null> }).title = { en: null, nb: null, de: 'Nur Deutsch' };
    const error = await importError(() => importDigComp22Json(JSON.stringify(broken)));
    expect(error.details.map((d) => d.path)).toEqual(['areas.0.name']);
    const dangling = mini();
    dangling.competences[0]!.area_id = 4;
    expect((await importError(() => importDigComp22Json(JSON.stringify(dangling)))).details).toEqual([
      { path: 'competences', message: 'competence 1.1 refers to unknown area 4' },
    ]);
    await importError(() => importDigComp22Json(JSON.stringify({ ...mini(), version: '3.0' })));
    await importError(() => importDigComp22Json('{ not json'));
  });
});
