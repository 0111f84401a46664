import type { FrameworkDocument } from '../framework.document.js';
import { buildDigComp3, DIGCOMP3_LEVEL_NAMES, mergeSwedishLabels, type DigComp3Content } from './digcomp3-shared.js';
import type { DigComp3JsonOptions } from './digcomp3-json.js';
import { FrameworkImportError, throwIfProblems, type FrameworkImportProblem } from './errors.js';
import { cleanText, codeText, finishDocument } from './shared.js';
import { aliasesOf, findTables, loadWorkbook, type Table, type TableSpec } from './xlsx-tables.js';

/*
 * Reads the JRC "DigComp 3.0 Data Supplement" workbook. Expected layout (sheet
 * names and order do not matter, title/note rows above a header row are skipped,
 * header matching ignores case, spacing and punctuation):
 *
 *   Areas        "Competence area" (number) | "Competence area name" or "Title" | "Descriptor"
 *   Competences  "Competence area" | "Competence number" or "Competence" | "Competence title"/"Competence name" | "Descriptor"
 *   Statements   "Competence number"/"Competence" | "Proficiency level" | "ID" | "Competence statement"
 *   Levels       "Proficiency level" (name) | "Four level proficiency level description"/"Description"   (optional)
 *
 * The 2025 release puts areas and competences on one sheet ("1 Competence
 * Areas&Competences") and repeats area/competence columns on the statements
 * sheet; both layouts work: rows are de-duplicated by code, and blank grouping
 * cells (area number written only on a group's first row) are filled down.
 * Numbers are stored as floats (1.1000000000000001) and converted to "1.1".
 * Without a levels sheet the DigComp 3.0 names Basic … Highly advanced are used.
 * The workbook states no licence, so `licence` is left empty for an admin to fill.
 */

const AREA = ['Competence area', 'Competence area number', 'Competence area no', 'Competence area id', 'Area', 'Area number', 'Area id', 'Area code'];
const COMPETENCE = ['Competence number', 'Competence', 'Competence no', 'Competence id', 'Competence code'];
const LEVEL = ['Proficiency level', 'Proficiency level name', 'Level', 'Level name'];
const NAME = ['Name', 'Title'];
const DESCRIPTOR = ['Descriptor', 'Description'];

const AREAS: TableSpec = {
  // `competence` is not needed here; it only tells a competences sheet with a plain "Title" apart from the areas sheet.
  aliases: aliasesOf({ area: AREA, competence: COMPETENCE, name: ['Competence area name', 'Competence area title', 'Area name', 'Area title', ...NAME], descriptor: ['Competence area descriptor', 'Competence area description', ...DESCRIPTOR] }),
  required: ['area', 'name'],
  fillDown: ['area'],
};
const COMPETENCES: TableSpec = {
  aliases: aliasesOf({ area: AREA, competence: COMPETENCE, name: ['Competence title', 'Competence name', ...NAME], descriptor: ['Competence descriptor', 'Competence description', ...DESCRIPTOR] }),
  required: ['competence', 'name'],
  fillDown: ['area'],
};
const STATEMENTS: TableSpec = {
  aliases: aliasesOf({ competence: COMPETENCE, level: LEVEL, id: ['ID', 'Competence statement id', 'Statement id'], text: ['Competence statement', 'Statement'] }),
  required: ['competence', 'level', 'id', 'text'],
  fillDown: ['competence', 'level'],
};
const LEVELS: TableSpec = {
  aliases: aliasesOf({ level: LEVEL, description: ['Four level proficiency level description', 'Proficiency level description', 'Four level description', 'Level description', ...DESCRIPTOR] }),
  required: ['level', 'description'],
  fillDown: ['level'],
};

const WHAT = 'DigComp 3.0 workbook';

export async function importDigComp3Xlsx(data: Buffer, options: DigComp3JsonOptions = {}): Promise<FrameworkDocument> {
  const workbook = await loadWorkbook(data);
  const statementsTable = findTables(workbook, STATEMENTS)[0];
  // The statements sheet repeats area/competence columns, and a combined sheet
  // holds areas and competences; prefer a dedicated sheet when there is one.
  const pick = (spec: TableSpec, avoidRole?: string) => {
    const rank = (t: Table) => (t.sheet === statementsTable?.sheet ? 2 : 0) + (avoidRole && t.roles.has(avoidRole) ? 1 : 0);
    return findTables(workbook, spec).sort((a, b) => rank(a) - rank(b))[0];
  };
  const areasTable = pick(AREAS, 'competence');
  const competencesTable = pick(COMPETENCES);
  const levelsTable = findTables(workbook, LEVELS).find((t) => t.sheet !== statementsTable?.sheet);
  const missing = [
    areasTable ? '' : 'competence areas ("Competence area", "Title", "Descriptor")',
    competencesTable ? '' : 'competences ("Competence area", "Competence number", "Competence title", "Descriptor")',
    statementsTable ? '' : 'competence statements ("Competence", "Proficiency level", "ID", "Competence statement")',
  ].filter(Boolean);
  if (!areasTable || !competencesTable || !statementsTable) {
    throw new FrameworkImportError('INVALID_FRAMEWORK', `The workbook does not look like the DigComp 3.0 data supplement: no sheet with ${missing.join('; ')}.`, missing.map((m) => ({ message: `no sheet with ${m}` })));
  }

  const problems: FrameworkImportProblem[] = [];
  const areas = uniqueByCode(areasTable, (r) => codeText(r.get('area')), problems).map(({ code, get }) => ({ code, name: get('name'), descriptor: get('descriptor') }));
  const areaCodes = new Set(areas.map((a) => a.code));
  const competences = uniqueByCode(competencesTable, (r) => codeText(r.get('competence')), problems).map(({ code, row, get }) => {
    // DigComp numbers competences within their area ("4.2" is in area 4), so the prefix stands in for a missing area column.
    const areaCode = codeText(get('area')) || code.split('.')[0]!;
    if (!areaCodes.has(areaCode)) problems.push({ sheet: competencesTable.sheet, row, message: `Competence ${code} refers to area ${areaCode}, which is not on the areas sheet.` });
    return { code, areaCode, name: get('name'), descriptor: get('descriptor') };
  });
  const competenceCodes = new Set(competences.map((c) => c.code));
  const statements: DigComp3Content['statements'] = [];
  for (const r of statementsTable.rows) {
    const at = { sheet: statementsTable.sheet, row: r.row };
    const competenceCode = codeText(r.get('competence'));
    if (!cleanText(r.get('id')) || !cleanText(r.get('text'))) problems.push({ ...at, message: 'The statement needs both an ID and a text.' });
    else if (!competenceCodes.has(competenceCode)) problems.push({ ...at, message: `Statement ${cleanText(r.get('id'))} refers to competence "${competenceCode}", which is not on the competences sheet.` });
    else statements.push({ code: r.get('id'), competenceCode, level: r.get('level'), text: r.get('text'), at });
  }
  throwIfProblems(problems, WHAT);

  let doc = buildDigComp3(
    {
      version: versionOf([areasTable, competencesTable, statementsTable, levelsTable]),
      source: 'JRC DigComp 3.0 Data Supplement (.xlsx); Cosgrove, J. & Cachia, R. (2025), DigComp 3.0: European Digital Competence Framework – Fifth Edition, JRC144121. https://publications.jrc.ec.europa.eu/repository/handle/JRC144121',
      licence: null,
      levels: levelsTable ? levelsOf(levelsTable) : DIGCOMP3_LEVEL_NAMES.map((name) => ({ name })),
      areas,
      competences,
      statements,
    },
    WHAT,
  );
  if (options.swedishLabels !== undefined) doc = mergeSwedishLabels(doc, options.swedishLabels, 'DigComp 3.0');
  return finishDocument(doc, WHAT);
}

type Row = Table['rows'][number];

/** First row per code wins; a later row with the same code but another name is a contradiction worth reporting. */
function uniqueByCode(table: Table, codeOf: (r: Row) => string, problems: FrameworkImportProblem[]): (Row & { code: string })[] {
  const seen = new Map<string, Row>();
  const out: (Row & { code: string })[] = [];
  for (const r of table.rows) {
    const code = codeOf(r);
    if (!code) continue;
    const first = seen.get(code);
    if (!first) {
      seen.set(code, r);
      out.push({ ...r, code });
    } else if (cleanText(r.get('name')) && cleanText(r.get('name')) !== cleanText(first.get('name'))) {
      problems.push({ sheet: table.sheet, row: r.row, message: `Code ${code} appears again with a different name than on row ${first.row}.` });
    }
  }
  return out;
}

/** The JRC sheet lists the eight sub-levels with their four-level name; we keep each four-level name once, in order. */
function levelsOf(table: Table): { name: unknown; description: unknown }[] {
  const seen = new Set<string>();
  const levels: { name: unknown; description: unknown }[] = [];
  for (const r of table.rows) {
    const key = cleanText(r.get('level')).toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    levels.push({ name: r.get('level'), description: r.get('description') });
  }
  return levels;
}

/**
 * Title rows often say "DigComp 3.0 …". A workbook whose titles name only
 * DigComp 2.x must not be imported as 3.0; a 3.x title wins over notes that
 * mention 2.2 (e.g. about the mapping between the versions).
 */
function versionOf(tables: (Table | undefined)[]): string {
  const titles = tables.flatMap((t) => (t ? [t.sheet, ...t.above] : []));
  const versions = titles.flatMap((title) => [...title.matchAll(/digcomp\s*(\d+(?:\.\d+)?)/gi)].map((m) => m[1]!));
  const version = versions.find((v) => /^3(\.|$)/.test(v));
  if (version) return version.includes('.') ? version : `${version}.0`;
  if (versions[0]) {
    throw new FrameworkImportError('INVALID_FRAMEWORK', `This workbook is for DigComp ${versions[0]}; only DigComp 3.x workbooks can be imported here.`, [{ message: `a title says DigComp ${versions[0]}` }]);
  }
  return '3.0';
}
