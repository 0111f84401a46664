import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkProblems } from '../framework.document.js';
import { importDigComp3Json } from './digcomp3-json.js';
import { DIGCOMP3, DIGCOMP3_SV, has, importError, miniDigComp3, readJson, skipNote } from './importers.fixtures.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

describe('importDigComp3Json with the JRC data supplement', () => {
  it.skipIf(!has(DIGCOMP3))(`reads 5 areas, 21 competences, 362 statements on a 4-level scale${skipNote(DIGCOMP3)}`, () => {
    const file = readJson(DIGCOMP3);
    const doc = importDigComp3Json(readFileSync(DIGCOMP3));
    expect(doc.key).toBe('digcomp');
    expect(doc.version).toBe('3.0');
    expect(doc.name.en).toBe('DigComp 3.0');
    expect(doc.levels.map((l) => [l.level, l.name.en])).toEqual([[1, 'Basic'], [2, 'Intermediate'], [3, 'Advanced'], [4, 'Highly advanced']]);
    expect(doc.levels[0]!.description?.en).toBe(file.proficiency_levels.four[0]!.description);
    expect(doc.areas.map((a) => a.code)).toEqual(['1', '2', '3', '4', '5']);
    expect(doc.competences).toHaveLength(21);
    expect(doc.statements).toHaveLength(362);
    expect(frameworkProblems(doc)).toEqual([]);
    expect(doc.source).toContain('JRC144121');
    expect(doc.licence).toBe(file.licence);

    const competences = new Map(doc.competences.map((c) => [c.code, c]));
    for (const c of doc.competences) {
      expect(c.digcompRef).toBe(c.code);
      expect(doc.areas.some((a) => a.code === c.areaCode)).toBe(true);
    }
    for (const s of doc.statements) expect(competences.has(s.competenceCode), s.code).toBe(true);
    // Every statement keeps its JRC id and its level, compared one by one with the file.
    const levelOf = new Map(file.proficiency_levels.four.map((l, i) => [l.name, i + 1]));
    expect(doc.statements.map((s) => [s.code, s.competenceCode, s.level, s.text.en])).toEqual(
      file.competence_statements.map((s) => [s.id, s.competence_id, levelOf.get(s.level), s.text]),
    );
    expect(new Set(doc.statements.map((s) => s.level))).toEqual(new Set([1, 2, 3, 4]));
  });

  it.skipIf(!has(DIGCOMP3, DIGCOMP3_SV))(`merges the community Swedish area and level names${skipNote(DIGCOMP3, DIGCOMP3_SV)}`, () => {
    const sv = JSON.parse(readFileSync(DIGCOMP3_SV, 'utf8')) as { areas: { id: number; name_sv: string }[]; four_levels: { en: string; sv: string }[]; licence: string };
    const doc = importDigComp3Json(readFileSync(DIGCOMP3), { swedishLabels: readFileSync(DIGCOMP3_SV) });
    expect(doc.areas.map((a) => a.name.sv)).toEqual(sv.areas.map((a) => a.name_sv));
    expect(doc.areas[0]!.name.sv).toBe('Sökning, bedömning och hantering av information');
    expect(doc.areas.every((a) => a.description?.sv && a.description.en)).toBe(true);
    expect(doc.levels.map((l) => [l.name.en, l.name.sv])).toEqual([
      ['Basic', 'Bas'], ['Intermediate', 'Medel'], ['Advanced', 'Avancerad'], ['Highly advanced', 'Mycket avancerad'],
    ]);
    // Competences have no Swedish text yet, and the share-alike licence of the labels must travel with them.
    expect(doc.competences.some((c) => c.name.sv)).toBe(false);
    expect(doc.licence).toContain('CC BY-SA 4.0');
    expect(doc.licence).toContain(readJson(DIGCOMP3).licence);
  });
});

describe('importDigComp3Json with invented files', () => {
  it('maps level names to 1–4 by the scale order and keeps codes as text', () => {
    const doc = importDigComp3Json(JSON.stringify(miniDigComp3()));
    expect(doc.statements).toEqual([
      { code: 'CS1.1.01', competenceCode: '1.1', level: 1, text: { en: 'Find a document.' } },
      { code: 'CS2.3.01', competenceCode: '2.3', level: 4, text: { en: 'Lead sharing.' } },
    ]);
    expect(doc.areas[1]).toEqual({ code: '2', name: { en: 'Communication' }, description: { en: 'About communication.' } });
    expect(doc.description?.en).toContain('Test edition');
    expect(doc.source).toBe('Invented for tests https://example.org');
  });

  it('rejects malformed JSON as INVALID_FRAMEWORK', async () => {
    const error = await importError(() => importDigComp3Json(Buffer.from('{"framework": "DigComp", "version": "3.0", ')));
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.details.length).toBeGreaterThan(0);
  });

  it('rejects other frameworks and versions', async () => {
    await importError(() => importDigComp3Json(json({ ...miniDigComp3(), version: '2.2' })));
    await importError(() => importDigComp3Json(json({ ...miniDigComp3(), framework: 'EntreComp' })));
    await importError(() => importDigComp3Json(json([1, 2])));
  });

  it('lists every problem with a path: missing fields, unknown levels and references', async () => {
    const broken = miniDigComp3();
    broken.competence_statements[0]!.level = 'Expert';
    let error = await importError(() => importDigComp3Json(json(broken)));
    expect(error.details).toEqual([expect.objectContaining({ path: 'competence_statements.0.level', message: expect.stringMatching(/"Expert".*Basic, Intermediate/) })]);

    const noName = miniDigComp3() as unknown as { areas: Record<string, unknown>[] };
    delete noName.areas[1]!.name;
    error = await importError(() => importDigComp3Json(json(noName)));
    expect(error.details.map((d) => d.path)).toEqual(['areas.1.name']);

    const dangling = miniDigComp3();
    dangling.competence_statements[1]!.competence_id = '9.9';
    dangling.competences[0]!.area_id = 7;
    error = await importError(() => importDigComp3Json(json(dangling)));
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: 'competences', message: 'competence 1.1 refers to unknown area 7' },
        { path: 'statements', message: 'statement CS2.3.01 refers to unknown competence 9.9' },
      ]),
    );

    const blank = miniDigComp3();
    blank.competence_statements[0]!.text = '   ';
    error = await importError(() => importDigComp3Json(json(blank)));
    expect(error.details[0]!.path).toBe('statements.0.text');
  });

  it('reports Swedish labels for areas or levels the framework does not have', async () => {
    const labels = { licence: 'CC BY-SA 4.0', areas: [{ id: 8, name_sv: 'Okänt' }], four_levels: [{ en: 'Expert', sv: 'Expert' }] };
    const error = await importError(() => importDigComp3Json(json(miniDigComp3()), { swedishLabels: json(labels) }));
    expect(error.details.map((d) => d.path)).toEqual(['swedishLabels.areas.0.id', 'swedishLabels.four_levels.0.en']);
    const ok = importDigComp3Json(json(miniDigComp3()), { swedishLabels: json({ areas: [{ id: 2, name_sv: 'Kommunikation', descriptor_sv: null }], four_levels: [] }) });
    expect(ok.areas[1]!.name).toEqual({ en: 'Communication', sv: 'Kommunikation' });
    expect(ok.areas[0]!.name.sv).toBeUndefined();
  });
});
