import { describe, expect, it } from 'vitest';
import type { FrameworkDocument } from '../framework.document.js';
import { importFrameworkCsv, type CsvMeta } from './csv.js';
import { importError } from './importers.fixtures.js';

const meta: CsvMeta = { key: 'helse-digital', name: 'Digital kompetanse i helse', version: '1.0', language: 'nb', licence: 'CC BY 4.0' };

const VALID = [
  'type;code;parent;level;name;description;name_en;description_en;name_sv;digcomp_ref',
  'level;;;1;Grunnleggende;Utfører enkle oppgaver med veiledning;Basic;Simple tasks with guidance;Grundläggande;',
  'level;;;2;Selvstendig;;Independent;;Självständig;',
  'area;HC;;;Helse og omsorg;Digitale verktøy i tjenesten;Health and care;;Hälsa och omsorg;',
  'competence;HC.1;HC;;Velferdsteknologi;;Welfare technology;;Välfärdsteknik;4.2',
  'statement;HC.1.01;HC.1;1;Kan starte en videokonsultasjon;;Can start a video consultation;;Kan starta ett videomöte;',
  'statement;HC.1.02;HC.1;2;Kan lære bort «digitalt tilsyn», også til pårørende;;;;;',
];

/** Items keep the file's order; compare files with different row orders by code. */
const sorted = (doc: FrameworkDocument) => {
  const byCode = <T extends { code: string }>(list: T[]) => [...list].sort((a, b) => a.code.localeCompare(b.code));
  return { ...doc, areas: byCode(doc.areas), competences: byCode(doc.competences), statements: byCode(doc.statements) };
};

const csv = (lines: string[], separator = ';') => Buffer.from(lines.map((l) => l.replaceAll(';', separator)).join('\r\n'), 'utf8');

describe('importFrameworkCsv', () => {
  it('reads a small framework in several languages', () => {
    const doc = importFrameworkCsv(csv(VALID), meta);
    expect(doc).toEqual({
      key: 'helse-digital',
      name: { nb: 'Digital kompetanse i helse' },
      version: '1.0',
      source: null,
      licence: 'CC BY 4.0',
      levels: [
        { level: 1, name: { nb: 'Grunnleggende', sv: 'Grundläggande', en: 'Basic' }, description: { nb: 'Utfører enkle oppgaver med veiledning', en: 'Simple tasks with guidance' } },
        { level: 2, name: { nb: 'Selvstendig', sv: 'Självständig', en: 'Independent' } },
      ],
      areas: [{ code: 'HC', name: { nb: 'Helse og omsorg', sv: 'Hälsa och omsorg', en: 'Health and care' }, description: { nb: 'Digitale verktøy i tjenesten' } }],
      competences: [{ code: 'HC.1', areaCode: 'HC', name: { nb: 'Velferdsteknologi', sv: 'Välfärdsteknik', en: 'Welfare technology' }, digcompRef: '4.2' }],
      statements: [
        { code: 'HC.1.01', competenceCode: 'HC.1', level: 1, text: { nb: 'Kan starte en videokonsultasjon', sv: 'Kan starta ett videomöte', en: 'Can start a video consultation' } },
        { code: 'HC.1.02', competenceCode: 'HC.1', level: 2, text: { nb: 'Kan lære bort «digitalt tilsyn», også til pårørende' } },
      ],
    });
  });

  it('accepts comma and tab separators, a BOM, any row order and a name given only as translation', () => {
    const reordered = [VALID[0]!, ...VALID.slice(1).reverse()];
    const quoted = reordered.map((l) => l.replace('Kan lære bort «digitalt tilsyn», også til pårørende', '"Kan lære bort «digitalt tilsyn», også til pårørende"'));
    const expected = importFrameworkCsv(csv(VALID), meta);
    expect(sorted(importFrameworkCsv(csv(quoted, ','), meta))).toEqual(sorted(expected));
    expect(sorted(importFrameworkCsv(csv(reordered, '\t'), meta))).toEqual(sorted(expected));
    expect(importFrameworkCsv(csv(reordered), meta).statements.map((s) => s.code)).toEqual(['HC.1.02', 'HC.1.01']);
    expect(importFrameworkCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv(VALID)]), meta)).toEqual(expected);

    const english = importFrameworkCsv(csv(VALID), { ...meta, language: 'en' });
    expect(english.name).toEqual({ en: 'Digital kompetanse i helse' });
    // `name` is now English, so name_en wins where both exist; Norwegian is simply absent.
    expect(english.areas[0]!.name).toEqual({ en: 'Health and care', sv: 'Hälsa och omsorg' });
    expect(english.statements[1]!.text).toEqual({ en: 'Kan lære bort «digitalt tilsyn», også til pårørende' });
  });

  it('reads Windows-1252 files as saved by Nordic Excel', () => {
    const text = ['type;code;parent;level;name', 'level;;;1;Lav', 'level;;;2;Høy', 'area;A;;;Pårørende og brukere', 'competence;A.1;A;;Kommunikasjon i Ærø'].join('\r\n');
    const doc = importFrameworkCsv(Buffer.from(text, 'latin1'), meta);
    expect(doc.areas[0]!.name.nb).toBe('Pårørende og brukere');
    expect(doc.competences[0]!.name.nb).toBe('Kommunikasjon i Ærø');
    expect(doc.levels[1]!.name.nb).toBe('Høy');
  });

  it('gives row-numbered errors for bad rows, counting comment lines and multi-line cells', async () => {
    const lines = [
      '# key=x; name=y; version=1; language=nb', // 1
      'type;code;parent;level;name;description', // 2
      'level;;;1;Lav;', // 3
      'level;;;2;Høy;"Over to', // 4
      'linjer";', // 5
      'nivå;X;;;Ukjent type;', // 6
      'area;A;;;Område A;', // 7
      'area;A;;;Område A igjen;', // 8
      'competence;A.1;B;;Feil område;', // 9
      'competence;A.2;A;;;', // 10
      'statement;S1;A.9;1;Peker feil;', // 11
      'statement;S2;A.1;7;Nivå finnes ikke;', // 12
      'statement;S3;A.1;høy;Nivå er tekst;', // 13
      ';;;;;', // 14: an empty Excel row is not an item
      ';X;;;Ingen type;', // 15
      'statement;S4;A.9;1;"Tekst over', // 16: reported where the row starts
      'to linjer";',
    ];
    const error = await importError(() => importFrameworkCsv(csv(lines), meta));
    expect(error.details).toEqual([
      { row: 6, message: 'Unknown type "nivå"; use area, competence, level or statement.' },
      { row: 8, message: 'Duplicate area code "A" (first on row 7).' },
      { row: 9, message: 'Competence A.1 refers to area "B", which no area row defines.' },
      { row: 10, message: 'A competence row needs code, parent, name; missing: name.' },
      { row: 11, message: 'Statement S1 refers to competence "A.9", which no competence row defines.' },
      { row: 12, message: 'Statement S2 has level 7, which no level row defines.' },
      { row: 13, message: 'The level "høy" must be a whole number such as 1, 2 or 3.' },
      { row: 15, message: 'The row has no type; use area, competence, level or statement.' },
      { row: 16, message: 'Statement S4 refers to competence "A.9", which no competence row defines.' },
    ]);
    expect(error.message).toMatch(/9 problems/);
  });

  it('maps schema problems back to rows and checks the whole file', async () => {
    const long = 'x'.repeat(41);
    const error = await importError(() => importFrameworkCsv(csv([...VALID, `area;${long};;;For lang kode;`]), meta));
    expect(error.details).toEqual([{ row: 8, message: expect.stringMatching(/^code: /) }]);

    const empty = await importError(() => importFrameworkCsv(csv([VALID[0]!, VALID[1]!]), meta));
    expect(empty.details.map((d) => d.message)).toEqual([
      expect.stringMatching(/at least two level rows/),
      expect.stringMatching(/at least one area row/),
      expect.stringMatching(/at least one competence row/),
    ]);
  });

  it('rejects a header without the required columns or with an unknown language, and bad metadata', async () => {
    let error = await importError(() => importFrameworkCsv(csv(['code;name;name_de', 'A;B;C']), meta));
    expect(error.details).toEqual([
      { row: 1, message: expect.stringContaining('unknown language "de"') },
      { row: 1, message: expect.stringContaining('missing: type, parent, level') },
    ]);
    error = await importError(() => importFrameworkCsv(csv(VALID), { ...meta, key: 'Helse Digital', language: 'de' as 'nb', version: ' ' }));
    expect(error.details.map((d) => d.path)).toEqual(['key', 'version', 'language']);
    await importError(() => importFrameworkCsv(Buffer.from(''), meta));
  });
});
