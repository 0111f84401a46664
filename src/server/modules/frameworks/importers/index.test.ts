import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, DIGCOMP22, DIGCOMP3, DIGCOMP3_SV, has, importError, miniDigComp3, skipNote } from './importers.fixtures.js';
import { importFrameworkFile, readCsvMeta } from './index.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const CSV_BODY = ['type;code;parent;level;name', 'level;;;1;Lav', 'level;;;2;Høy', 'area;A;;;Område', 'competence;A.1;A;;Kompetanse'];

describe('importFrameworkFile', () => {
  it('chooses the importer from the content: DigComp 3 JSON, DigComp 2 JSON and the workbook', async () => {
    expect((await importFrameworkFile('digcomp.json', json(miniDigComp3()))).statements).toHaveLength(2);
    // The content counts more than the name: a JSON file without extension, a workbook named .csv.
    expect((await importFrameworkFile('download', json(miniDigComp3()))).version).toBe('3.0');
    const fromXlsx = await importFrameworkFile('supplement.csv', await buildWorkbook(miniDigComp3(), 'simple'));
    expect(fromXlsx.competences.map((c) => c.code)).toEqual(['1.1', '2.3', 'X.9']);
    const v22 = { framework: 'DigComp', version: '2.2', areas: [{ id: 1, title: { en: 'A' } }], competences: [{ id: '1.1', area_id: 1, title: { en: 'B' } }], proficiency_levels: { levels: [{ level: 1 }, { level: 2 }] } };
    expect((await importFrameworkFile('dc22.json', json(v22))).version).toBe('2.2');
  });

  it.skipIf(!has(DIGCOMP3, DIGCOMP22))(`imports the shared DigComp 3.0 and 2.2 files${skipNote(DIGCOMP3, DIGCOMP22)}`, async () => {
    expect((await importFrameworkFile('digcomp-3.0.json', readFileSync(DIGCOMP3))).statements).toHaveLength(362);
    expect((await importFrameworkFile('digcomp-2.2.json', readFileSync(DIGCOMP22))).levels).toHaveLength(8);
  });

  it.skipIf(!has(DIGCOMP3_SV))(`explains that the Swedish label file is no framework${skipNote(DIGCOMP3_SV)}`, async () => {
    const error = await importError(() => importFrameworkFile('sv.json', readFileSync(DIGCOMP3_SV)), 'UNSUPPORTED_FILE');
    expect(error.message).toMatch(/Swedish label file/);
  });

  it('reads CSV metadata from the leading comment line, or from options', async () => {
    const file = Buffer.from(['# key=helse-digital; name=Digital kompetanse, helse; version=2.0; language=NB; licence=CC BY 4.0', ...CSV_BODY].join('\n'));
    const doc = await importFrameworkFile('rammeverk.csv', file);
    expect(doc).toMatchObject({ key: 'helse-digital', name: { nb: 'Digital kompetanse, helse' }, version: '2.0', licence: 'CC BY 4.0' });
    expect(doc.areas[0]!.name).toEqual({ nb: 'Område' });
    const viaOptions = await importFrameworkFile('rammeverk.txt', Buffer.from(CSV_BODY.join('\n')), { csvMeta: { key: 'annet', name: 'Annet', version: '1', language: 'da' } });
    expect(viaOptions.areas[0]!.name).toEqual({ da: 'Område' });
  });

  it('tolerates Excel having split and padded the comment line', () => {
    expect(readCsvMeta('\uFEFF# key=a1;  name=Navn; version=1.0;language=sv;;;\r\ntype;code')).toEqual({ key: 'a1', name: 'Navn', version: '1.0', language: 'sv' });
    expect(readCsvMeta('"# key=a1; name=N; version=1"\n# lang=en\ntype')).toEqual({ key: 'a1', name: 'N', version: '1', language: 'en' });
  });

  it('says what a CSV file lacks when the metadata line is missing or incomplete', async () => {
    let error = await importError(() => importFrameworkFile('rammeverk.csv', Buffer.from(CSV_BODY.join('\n'))), 'MISSING_METADATA');
    expect(error.message).toContain('# key=');
    expect(error.details.map((d) => d.path)).toEqual(['key', 'name', 'version', 'language']);
    error = await importError(() => importFrameworkFile('r.csv', Buffer.from(['# key=x1; name=N', ...CSV_BODY].join('\n'))), 'MISSING_METADATA');
    expect(error.message).toContain('missing: version, language');
  });

  it('rejects malformed JSON, other JSON, old .xls and unknown files', async () => {
    await importError(() => importFrameworkFile('digcomp.json', Buffer.from('{"framework": "DigComp", "version": ')), 'INVALID_FRAMEWORK');
    const other = await importError(() => importFrameworkFile('x.json', json({ framework: 'EntreComp', version: '1.0' })), 'UNSUPPORTED_FILE');
    expect(other.message).toMatch(/EntreComp.*CSV format/);
    await importError(() => importFrameworkFile('x.json', json({ framework: 'DigComp', version: '4.0' })), 'UNSUPPORTED_FILE');
    await importError(() => importFrameworkFile('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])), 'UNSUPPORTED_FILE');
    await importError(() => importFrameworkFile('picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])), 'UNSUPPORTED_FILE');
  });
});
