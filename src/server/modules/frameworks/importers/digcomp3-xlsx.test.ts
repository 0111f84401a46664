import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { FrameworkDocument } from '../framework.document.js';
import { importDigComp3Json } from './digcomp3-json.js';
import { importDigComp3Xlsx } from './digcomp3-xlsx.js';
import { buildWorkbook, DIGCOMP3, has, importError, miniDigComp3, readJson, skipNote, type DigComp3Json } from './importers.fixtures.js';
import { codeText } from './shared.js';

/** What a workbook cannot carry: the JSON's licence, source and edition, and (without a levels sheet) level descriptions. */
function comparable(doc: FrameworkDocument, withLevelDescriptions: boolean) {
  const { source: _source, licence: _licence, description: _description, ...rest } = doc;
  return { ...rest, levels: rest.levels.map((l) => (withLevelDescriptions ? l : { level: l.level, name: l.name })) };
}

async function roundTrip(json: DigComp3Json, layout: 'simple' | 'jrc2025') {
  const fromJson = importDigComp3Json(JSON.stringify(json));
  const fromXlsx = await importDigComp3Xlsx(await buildWorkbook(json, layout));
  expect(comparable(fromXlsx, layout === 'jrc2025')).toEqual(comparable(fromJson, layout === 'jrc2025'));
  return fromXlsx;
}

describe('importDigComp3Xlsx', () => {
  it.skipIf(!has(DIGCOMP3))(`reads a workbook built from the data supplement like the JSON file (three sheets, title rows, float numbers)${skipNote(DIGCOMP3)}`, async () => {
    const doc = await roundTrip(readJson(DIGCOMP3), 'simple');
    expect(doc.areas).toHaveLength(5);
    expect(doc.competences).toHaveLength(21);
    expect(doc.statements).toHaveLength(362);
    expect(doc.version).toBe('3.0');
    expect(doc.levels.map((l) => l.name.en)).toEqual(['Basic', 'Intermediate', 'Advanced', 'Highly advanced']);
    expect(doc.licence).toBeNull();
  });

  it.skipIf(!has(DIGCOMP3))(`reads the 2025 JRC layout: combined area/competence sheet, levels sheet, repeated columns${skipNote(DIGCOMP3)}`, async () => {
    const doc = await roundTrip(readJson(DIGCOMP3), 'jrc2025');
    expect(doc.levels[3]!.description?.en).toBe(readJson(DIGCOMP3).proficiency_levels.four[3]!.description);
  });

  it('round-trips an invented framework in both layouts, so the reader is tested without ../shared', async () => {
    await roundTrip(miniDigComp3(), 'simple');
    const doc = await roundTrip(miniDigComp3(), 'jrc2025');
    expect(doc.competences.map((c) => [c.code, c.areaCode])).toEqual([['1.1', '1'], ['2.3', '2'], ['X.9', '2']]);
  });

  it('really stores the numbers as floats in the built workbook', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook(miniDigComp3(), 'simple')) as unknown as ExcelJS.Buffer);
    const cell = wb.getWorksheet('Competences')!.getRow(3).getCell(2).value;
    expect(typeof cell).toBe('number');
    expect(String(cell)).not.toBe('1.1');
    expect(codeText(cell)).toBe('1.1');
    expect(codeText(1.1000000000000001)).toBe('1.1');
    expect(codeText(2.3000000000000003)).toBe('2.3');
    expect(codeText('4.2000000000000002')).toBe('4.2');
    expect(codeText(3)).toBe('3');
  });

  it('points at sheet and row for statements that refer to unknown competences or lack text', async () => {
    const json = miniDigComp3();
    json.competence_statements[1]!.competence_id = '5.9';
    json.competence_statements.push({ id: 'CS1.1.02', competence_id: '1.1', level: 'Basic', text: '' });
    const error = await importError(async () => importDigComp3Xlsx(await buildWorkbook(json, 'simple')));
    expect(error.details).toEqual([
      { sheet: 'Competence statements', row: 4, message: expect.stringContaining('"5.9"') },
      { sheet: 'Competence statements', row: 5, message: 'The statement needs both an ID and a text.' },
    ]);
  });

  it('reports unknown level names with their row', async () => {
    const json = miniDigComp3();
    json.competence_statements[0]!.level = 'Expert';
    const error = await importError(async () => importDigComp3Xlsx(await buildWorkbook(json, 'jrc2025')));
    expect(error.details).toEqual([{ sheet: '3 Competence Statements', row: 2, message: expect.stringContaining('"Expert"') }]);
  });

  it('says which tables are missing, and refuses files that are no workbook or a DigComp 2 workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('People').addRow(['Name', 'Email']);
    const error = await importError(async () => importDigComp3Xlsx(Buffer.from(await wb.xlsx.writeBuffer())));
    expect(error.message).toMatch(/competence areas.*competences.*competence statements/);
    await importError(() => importDigComp3Xlsx(Buffer.from('PK\x03\x04 not really a zip')), 'UNSUPPORTED_FILE');

    const old = await buildWorkbook(miniDigComp3(), 'simple');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(old as unknown as ExcelJS.Buffer);
    for (const sheet of wb2.worksheets) sheet.getCell('A1').value = `DigComp 2.2 – ${sheet.name}`;
    const error2 = await importError(async () => importDigComp3Xlsx(Buffer.from(await wb2.xlsx.writeBuffer())));
    expect(error2.message).toMatch(/DigComp 2\.2/);
  });
});
