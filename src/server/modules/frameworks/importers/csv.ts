import { parse as parseCsv } from 'csv-parse/sync';
import { LANGUAGES, type Language } from '../../../../shared/domain.js';
import { frameworkDocument, frameworkProblems, type FrameworkDocument, type LocalizedText } from '../framework.document.js';
import { FrameworkImportError, throwIfProblems, type FrameworkImportProblem } from './errors.js';
import { capText, cleanText, decodeText, isLanguage } from './shared.js';

/*
 * CSV format for any framework, one row per item (what a municipality can
 * maintain in Excel and "Save as CSV"):
 *
 *   # key=helse-digital; name=Digital kompetanse i helse; version=1.0; language=nb   (optional, see index.ts)
 *   type;code;parent;level;name;description;name_en;description_en
 *   level;;;1;Grunnleggende;Utfører enkle oppgaver med veiledning;Basic;
 *   level;;;2;Selvstendig;;Independent;
 *   area;HC;;;Helse og omsorg;;Health and care;
 *   competence;HC.1;HC;;Velferdsteknologi;;Welfare technology;
 *   statement;HC.1.01;HC.1;1;Kan starte en videokonsultasjon;;Can start a video consultation;
 *
 * - type: area | competence | level | statement. Rows may come in any order.
 * - parent: the area code for a competence, the competence code for a statement.
 * - level: the number on the scale for level rows (1, 2, …) and statement rows.
 * - name: the item's name in the file's language (a statement's text); description is optional.
 * - name_<lang>, description_<lang> (nb, nn, sv, da, en): optional translations.
 * - digcomp_ref: optional, the DigComp competence a competence corresponds to ("4.2").
 * Separator `;`, `,` or tab; UTF-8 (with or without BOM) or Windows-1252.
 * Errors name the file's line numbers as a text editor or Excel shows them.
 */

export type CsvMeta = {
  key: string;
  name: string;
  version: string;
  /** The language of the `name` and `description` columns. */
  language: Language;
  description?: string;
  source?: string;
  licence?: string;
};

const TYPES = ['area', 'competence', 'level', 'statement'] as const;
type ItemType = (typeof TYPES)[number];
const REQUIRED: Record<ItemType, string[]> = {
  area: ['code', 'name'],
  competence: ['code', 'parent', 'name'],
  level: ['level', 'name'],
  statement: ['code', 'parent', 'level', 'name'],
};
const HEADER_COLUMNS = ['type', 'code', 'parent', 'level', 'name'];
const MAX_ROWS = 20_000;
const WHAT = 'CSV file';

type Row = { row: number; type: ItemType; get: (column: string) => string; text: (base: 'name' | 'description') => LocalizedText | undefined };

export function importFrameworkCsv(data: Buffer | string, meta: CsvMeta): FrameworkDocument {
  checkMeta(meta);
  const { header, records } = readRecords(data);
  const problems: FrameworkImportProblem[] = [];
  const rows: Row[] = [];
  for (const { row, cells } of records) {
    // Excel writes ";;;;" for rows that once held formatting; they are not items.
    if (cells.every((c) => !cleanText(c))) continue;
    const get = (column: string) => cleanText(cells[header.get(column) ?? -1]);
    const text = (base: 'name' | 'description') => {
      const out: LocalizedText = {};
      for (const language of LANGUAGES) {
        const value = get(`${base}_${language}`) || (language === meta.language ? get(base) : '');
        if (value) out[language] = value;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    };
    const type = get('type').toLowerCase() as ItemType;
    if (!TYPES.includes(type)) {
      problems.push({ row, message: get('type') ? `Unknown type "${get('type')}"; use area, competence, level or statement.` : 'The row has no type; use area, competence, level or statement.' });
      continue;
    }
    // A translation alone is enough for a name: name_en without name is fine.
    const missing = REQUIRED[type].filter((column) => (column === 'name' ? !text('name') : !get(column)));
    if (missing.length > 0) problems.push({ row, message: `A ${type} row needs ${REQUIRED[type].join(', ')}; missing: ${missing.join(', ')}.` });
    else if (type === 'level' || type === 'statement') {
      if (!/^\d+$/.test(get('level'))) problems.push({ row, message: `The level "${get('level')}" must be a whole number such as 1, 2 or 3.` });
      else rows.push({ row, type, get, text });
    } else rows.push({ row, type, get, text });
  }

  const of = (type: ItemType) => rows.filter((r) => r.type === type);
  const firstRows = (type: ItemType, keyOf: (r: Row) => string) => {
    const first = new Map<string, number>();
    for (const r of of(type)) {
      const key = keyOf(r);
      if (first.has(key)) problems.push({ row: r.row, message: `Duplicate ${type} ${type === 'level' ? 'number' : 'code'} "${key}" (first on row ${first.get(key)}).` });
      else first.set(key, r.row);
    }
    return first;
  };
  const levelNumbers = firstRows('level', (r) => String(Number(r.get('level'))));
  const areaCodes = firstRows('area', (r) => r.get('code'));
  const competenceCodes = firstRows('competence', (r) => r.get('code'));
  firstRows('statement', (r) => r.get('code'));
  for (const r of of('competence')) {
    if (!areaCodes.has(r.get('parent'))) problems.push({ row: r.row, message: `Competence ${r.get('code')} refers to area "${r.get('parent')}", which no area row defines.` });
  }
  for (const r of of('statement')) {
    if (!competenceCodes.has(r.get('parent'))) problems.push({ row: r.row, message: `Statement ${r.get('code')} refers to competence "${r.get('parent')}", which no competence row defines.` });
    if (!levelNumbers.has(String(Number(r.get('level'))))) problems.push({ row: r.row, message: `Statement ${r.get('code')} has level ${r.get('level')}, which no level row defines.` });
  }
  if (of('level').length < 2) problems.push({ message: 'The file needs at least two level rows: the scale people assess themselves on.' });
  if (of('area').length === 0) problems.push({ message: 'The file needs at least one area row.' });
  if (of('competence').length === 0) problems.push({ message: 'The file needs at least one competence row.' });
  throwIfProblems(sortByRow(problems), WHAT);
  return validate(meta, of('level'), of('area'), of('competence'), of('statement'));
}

/** Builds the document and reports schema problems against the rows they came from. */
function validate(meta: CsvMeta, levels: Row[], areas: Row[], competences: Row[], statements: Row[]): FrameworkDocument {
  const described = <T extends object>(item: T, r: Row) => {
    const description = r.text('description');
    return description ? { ...item, description } : item;
  };
  const candidate = {
    key: meta.key,
    name: { [meta.language]: meta.name },
    version: meta.version,
    ...(cleanText(meta.description) ? { description: { [meta.language]: cleanText(meta.description) } } : {}),
    source: capText(meta.source),
    licence: capText(meta.licence),
    levels: [...levels].sort((a, b) => Number(a.get('level')) - Number(b.get('level'))).map((r) => described({ level: Number(r.get('level')), name: r.text('name') }, r)),
    areas: areas.map((r) => described({ code: r.get('code'), name: r.text('name') }, r)),
    competences: competences.map((r) =>
      described({ code: r.get('code'), areaCode: r.get('parent'), name: r.text('name'), ...(r.get('digcomp_ref') ? { digcompRef: r.get('digcomp_ref') } : {}) }, r),
    ),
    statements: statements.map((r) => ({ code: r.get('code'), competenceCode: r.get('parent'), level: Number(r.get('level')), text: r.text('name') })),
  };
  const sortedLevels = candidate.levels.map((l) => levels.find((r) => Number(r.get('level')) === l.level)!);
  const origin: Record<string, Row[]> = { levels: sortedLevels, areas, competences, statements };
  const parsed = frameworkDocument.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): FrameworkImportProblem => {
      const [list, index, ...field] = issue.path.map(String);
      const row = origin[list ?? '']?.[Number(index)]?.row;
      return row ? { row, message: `${field.join('.') || list}: ${issue.message}` } : { path: issue.path.join('.'), message: `${issue.path.join('.')}: ${issue.message}` };
    });
    throwIfProblems(sortByRow(problems), WHAT);
  }
  // The row checks above cover these; this is the shared safety net.
  throwIfProblems(frameworkProblems(parsed.data!).map((message) => ({ message })), WHAT);
  return parsed.data!;
}

function checkMeta(meta: CsvMeta): void {
  const problems: FrameworkImportProblem[] = [];
  if (!/^[a-z0-9][a-z0-9-]{1,60}$/.test(meta.key ?? '')) problems.push({ path: 'key', message: `The key "${meta.key ?? ''}" must be 2–61 lowercase letters, digits or hyphens, e.g. "helse-digital".` });
  if (!cleanText(meta.name)) problems.push({ path: 'name', message: 'The framework needs a name.' });
  if (!cleanText(meta.version)) problems.push({ path: 'version', message: 'The framework needs a version, e.g. "1.0".' });
  if (!isLanguage(meta.language ?? '')) problems.push({ path: 'language', message: `The language must be one of ${LANGUAGES.join(', ')}.` });
  throwIfProblems(problems, WHAT);
}

const sortByRow = (problems: FrameworkImportProblem[]) => [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

/** Norwegian and Danish Excel write `;` because `,` is their decimal mark; some exports use tabs. */
function detectDelimiter(headerLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ';';
}

function readRecords(data: Buffer | string): { header: Map<string, number>; records: { row: number; cells: string[] }[] } {
  // One newline style keeps csv-parse's line count equal to what an editor shows.
  const lines = decodeText(data).replace(/\r\n?/g, '\n').split('\n');
  // Leading "#" lines carry metadata (index.ts); blank them rather than drop them so line numbers stay right.
  for (let i = 0; i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trimStart().startsWith('#')); i++) lines[i] = '';
  const headerLine = lines.find((l) => l.trim() !== '') ?? '';
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's typings do not model `info: true`, which wraps each record.
    parsed = parseCsv(lines.join('\n'), { delimiter: detectDelimiter(headerLine), info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as typeof parsed;
  } catch (error) {
    const row = (error as { lines?: number }).lines;
    throw new FrameworkImportError('INVALID_FRAMEWORK', `The CSV file could not be read (${(error as Error).message}).`, [{ ...(row ? { row } : {}), message: (error as Error).message }]);
  }
  const [first, ...rest] = parsed;
  if (!first) throw new FrameworkImportError('INVALID_FRAMEWORK', 'The CSV file is empty.', [{ message: 'no header row' }]);
  if (rest.length > MAX_ROWS) throw new FrameworkImportError('INVALID_FRAMEWORK', `The file has more than ${MAX_ROWS} rows.`, [{ message: `more than ${MAX_ROWS} rows` }]);

  const header = new Map<string, number>();
  const headerRow = rowOf(first);
  const problems: FrameworkImportProblem[] = [];
  first.record.forEach((cell, i) => {
    const name = cleanText(cell).toLowerCase().replace(/\s+/g, '_');
    const language = /^(?:name|description)_(.+)$/.exec(name)?.[1];
    if (language && !isLanguage(language)) problems.push({ row: headerRow, message: `Column "${cell}": unknown language "${language}"; use ${LANGUAGES.join(', ')}.` });
    if (name && !header.has(name)) header.set(name, i);
  });
  const missing = HEADER_COLUMNS.filter((c) => !header.has(c));
  if (missing.length > 0) problems.push({ row: headerRow, message: `The header row must name the columns ${HEADER_COLUMNS.join(', ')} (description and name_<language> are optional); missing: ${missing.join(', ')}.` });
  throwIfProblems(problems, WHAT);
  return { header, records: rest.map((r) => ({ row: rowOf(r), cells: r.record })) };
}

/** csv-parse counts the line a record ends on; a quoted multi-line text started earlier. */
function rowOf(record: { record: string[]; info: { lines: number } }): number {
  const inner = record.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  return record.info.lines - inner;
}
