import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { FrameworkImportError, type FrameworkImportErrorCode } from './errors.js';

// Test helpers shared by the importer tests (not a test file itself).

/** The DigComp files live beside the repository in the development setup only; they are read in place, never copied. */
export const sharedData = (name: string) => fileURLToPath(new URL(`../../../../../../shared/data/${name}`, import.meta.url));
export const DIGCOMP3 = sharedData('digcomp-3.0.json');
export const DIGCOMP3_SV = sharedData('digcomp-3.0-sv-community.json');
export const DIGCOMP22 = sharedData('digcomp-2.2.json');
export const has = (...paths: string[]) => paths.every((p) => existsSync(p));
/** Appended to a test's title so a skipped run says why. */
export const skipNote = (...paths: string[]) => (has(...paths) ? '' : ' (skipped: ../shared/data is not present in this checkout)');
export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as DigComp3Json;

export type DigComp3Json = {
  framework: string;
  version: string;
  edition?: string;
  source?: unknown;
  licence?: string;
  areas: { id: number; name: string; descriptor: string }[];
  competences: { id: string; area_id: number; name: string; descriptor: string }[];
  proficiency_levels: { four: { name: string; description: string }[] };
  competence_statements: { id: string; competence_id: string; level: string; text: string }[];
};

/** A small, invented DigComp-3-shaped file so that tests also run without ../shared. */
export function miniDigComp3(): DigComp3Json {
  return {
    framework: 'DigComp',
    version: '3.0',
    edition: 'Test edition',
    source: { citation: 'Invented for tests', framework_url: 'https://example.org' },
    licence: 'CC0',
    areas: [
      { id: 1, name: 'Information', descriptor: 'About information.' },
      { id: 2, name: 'Communication', descriptor: 'About communication.' },
    ],
    competences: [
      { id: '1.1', area_id: 1, name: 'Searching', descriptor: 'To search.' },
      { id: '2.3', area_id: 2, name: 'Sharing', descriptor: 'To share.' },
      // Not numbered within its area: only a filled-down area column can place it in a workbook.
      { id: 'X.9', area_id: 2, name: 'Extra', descriptor: 'Numbered differently.' },
    ],
    proficiency_levels: {
      four: ['Basic', 'Intermediate', 'Advanced', 'Highly advanced'].map((name) => ({ name, description: `At ${name.toLowerCase()} level.` })),
    },
    competence_statements: [
      { id: 'CS1.1.01', competence_id: '1.1', level: 'Basic', text: 'Find a document.' },
      { id: 'CS2.3.01', competence_id: '2.3', level: 'Highly advanced', text: 'Lead sharing.' },
    ],
  };
}

/** Excel stores "1.1" as a binary float; add noise so the importer must really round it. Text codes stay text. */
const float = (code: string | number) => (Number.isFinite(Number(code)) ? Number(code) * (1 + 1e-15) : code);

/**
 * Builds a workbook from DigComp 3.0 JSON the way the JRC publishes it.
 * 'simple': three sheets with a title row above each header.
 * 'jrc2025': areas and competences on one sheet, a levels sheet with the eight
 * sub-levels, statements repeating area/competence columns, sheets in another order.
 */
export async function buildWorkbook(json: DigComp3Json, layout: 'simple' | 'jrc2025'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const area = (id: number) => json.areas.find((a) => a.id === id)!;
  const competence = (id: string) => json.competences.find((c) => c.id === id)!;
  if (layout === 'simple') {
    const sheet = (name: string, header: string[], rows: unknown[][]) => {
      const ws = wb.addWorksheet(name);
      ws.addRow([`DigComp ${json.version} data supplement – ${name}`]);
      ws.addRow(header);
      rows.forEach((r) => ws.addRow(r));
    };
    sheet('Competence statements', ['Competence', 'Proficiency level', 'ID', 'Competence statement'], json.competence_statements.map((s) => [float(s.competence_id), s.level, s.id, s.text]));
    sheet('Competence areas', ['Competence area', 'Title', ' DESCRIPTOR '], json.areas.map((a) => [float(a.id), a.name, a.descriptor]));
    sheet('Competences', ['Competence area', 'Competence number', 'Competence title', 'Descriptor'], json.competences.map((c) => [float(c.area_id), float(c.id), c.name, c.descriptor]));
  } else {
    const statements = wb.addWorksheet('3 Competence Statements');
    statements.addRow(['Competence area', 'Competence area name', 'Competence area descriptor', 'Competence', 'Competence name', 'Competence descriptor', 'ID', 'Competence statement', 'Proficiency level', 'AI label']);
    for (const s of json.competence_statements) {
      const c = competence(s.competence_id);
      const a = area(c.area_id);
      statements.addRow([float(a.id), a.name, a.descriptor, float(c.id), c.name, c.descriptor, s.id, s.text, s.level, 'AI-Implicit']);
    }
    const core = wb.addWorksheet('1 Competence Areas&Competences');
    core.addRow(['Competence area', 'Competence area name', 'Competence area descriptor', 'Competence', 'Competence name', 'Competence descriptor']);
    json.competences.forEach((c, i) => {
      const a = area(c.area_id);
      // The area is written on its group's first row only, as in a hand-formatted sheet.
      const first = json.competences.findIndex((x) => x.area_id === c.area_id) === i;
      core.addRow(first ? [float(a.id), a.name, a.descriptor, float(c.id), c.name, c.descriptor] : [null, null, null, float(c.id), c.name, c.descriptor]);
    });
    const levels = wb.addWorksheet('2 Proficiency Levels');
    levels.addRow(['Proficiency level name', 'Four level proficiency level description', 'Purpose', 'Eight levels', 'Six levels', 'Eight level proficiency level description']);
    json.proficiency_levels.four.forEach((l, i) => {
      levels.addRow([l.name, l.description, 'purpose', 2 * i + 1, 'A', 'bottom']);
      levels.addRow([l.name, l.description, 'purpose', 2 * i + 2, 'A', 'top']);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Runs `run` and returns the FrameworkImportError it must throw. */
export async function importError(run: () => unknown, code: FrameworkImportErrorCode = 'INVALID_FRAMEWORK'): Promise<FrameworkImportError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(FrameworkImportError);
    expect((error as FrameworkImportError).code).toBe(code);
    expect((error as Error).message.length).toBeGreaterThan(20);
    return error as FrameworkImportError;
  }
  return expect.fail('expected a FrameworkImportError');
}
