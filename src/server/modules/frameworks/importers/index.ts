import type { Language } from '../../../../shared/domain.js';
import type { FrameworkDocument } from '../framework.document.js';
import { importFrameworkCsv, type CsvMeta } from './csv.js';
import { importDigComp22Json } from './digcomp22-json.js';
import { importDigComp3Json } from './digcomp3-json.js';
import { importDigComp3Xlsx } from './digcomp3-xlsx.js';
import { FrameworkImportError } from './errors.js';
import { cleanText, decodeText, isRecord, parseJsonFile } from './shared.js';

export { importFrameworkCsv, type CsvMeta } from './csv.js';
export { importDigComp22Json } from './digcomp22-json.js';
export { importDigComp3Json, type DigComp3JsonOptions } from './digcomp3-json.js';
export { importDigComp3Xlsx } from './digcomp3-xlsx.js';
export { FrameworkImportError, type FrameworkImportErrorCode, type FrameworkImportProblem } from './errors.js';

export type ImportFileOptions = {
  /** Metadata for a CSV file, e.g. from form fields; overrides the file's "# key=…" line. */
  csvMeta?: CsvMeta;
};

export const CSV_META_EXAMPLE = '# key=helse-digital; name=Digital kompetanse i helse; version=1.0; language=nb';

/**
 * Imports an uploaded framework file, choosing the importer from its content
 * (users rename files, so the zip signature and the JSON's own "framework" and
 * "version" fields count more than the extension):
 * - .xlsx (zip) → the JRC DigComp 3.0 data supplement workbook;
 * - JSON with "framework": "DigComp" and "version" 3.x or 2.x;
 * - .csv/.tsv/.txt → the generic CSV format (csv.ts), whose key/name/version/language
 *   come from `options.csvMeta` or a leading comment line (CSV_META_EXAMPLE).
 */
export async function importFrameworkFile(fileName: string, data: Buffer, options: ImportFileOptions = {}): Promise<FrameworkDocument> {
  const extension = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (data.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return importDigComp3Xlsx(data);
  if (data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new FrameworkImportError('UNSUPPORTED_FILE', 'This is an old Excel file (.xls). Save it as an Excel workbook (.xlsx) and upload again.');
  }
  const text = decodeText(data);
  const isText = ['csv', 'tsv', 'txt'].includes(extension);
  if (extension === 'json' || (!isText && /^\s*[[{]/.test(text))) return importJson(text);
  if (isText) return importFrameworkCsv(data, options.csvMeta ?? readCsvMeta(text));
  throw new FrameworkImportError(
    'UNSUPPORTED_FILE',
    'Upload the DigComp 3.0 workbook (.xlsx), a DigComp 2.x or 3.x JSON file (.json), or a framework in the CSV format (.csv).',
    [{ message: `unsupported file "${fileName}"` }],
  );
}

function importJson(text: string): FrameworkDocument {
  const json = parseJsonFile(text, 'JSON file');
  const framework = isRecord(json) ? cleanText(json.framework) : '';
  const version = isRecord(json) ? cleanText(json.version) : '';
  if (framework.toLowerCase() === 'digcomp' && /^3(\.|$)/.test(version)) return importDigComp3Json(text);
  if (framework.toLowerCase() === 'digcomp' && /^2(\.|$)/.test(version)) return importDigComp22Json(text);
  if (isRecord(json) && Array.isArray(json.four_levels)) {
    throw new FrameworkImportError('UNSUPPORTED_FILE', 'This is a Swedish label file for DigComp 3.0, not a framework. Import DigComp 3.0 and add the labels to it.');
  }
  const found = framework ? ` (this file says "${framework}"${version ? ` version ${version}` : ''})` : '';
  throw new FrameworkImportError(
    'UNSUPPORTED_FILE',
    `JSON files must be DigComp 2.x or 3.x with "framework": "DigComp" and a "version"${found}. For other frameworks, use the CSV format.`,
    [{ path: 'framework', message: 'expected "framework": "DigComp" with version 2.x or 3.x' }],
  );
}

const META_KEYS: Record<string, keyof CsvMeta> = {
  key: 'key', name: 'name', version: 'version', language: 'language', lang: 'language',
  description: 'description', source: 'source', licence: 'licence', license: 'licence',
};

/**
 * Reads "# key=…; name=…; version=…; language=nb" from the comment lines before
 * the header. Pairs are split on ";" or tab, never ",", so names may contain
 * commas; Excel's padding (";;;") and quoting of such a line are tolerated.
 */
export function readCsvMeta(text: string): CsvMeta {
  const values: Partial<Record<keyof CsvMeta, string>> = {};
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n?|\n/)) {
    const trimmed = line.trim().replace(/^"(.*)"[;,\t]*$/, '$1').trim();
    if (trimmed === '') continue;
    if (!trimmed.startsWith('#')) break;
    for (const pair of trimmed.slice(1).split(/[;\t]/)) {
      const match = /^\s*([\p{L}_]+)\s*[=:]\s*(.*?)\s*$/u.exec(pair);
      const key = match && META_KEYS[match[1]!.toLowerCase()];
      if (key && match[2]) values[key] = match[2];
    }
  }
  const missing = (['key', 'name', 'version', 'language'] as const).filter((k) => !values[k]);
  if (missing.length > 0) {
    throw new FrameworkImportError(
      'MISSING_METADATA',
      `A CSV framework file needs its key, name, version and language. Start the file with a line like "${CSV_META_EXAMPLE}" (missing: ${missing.join(', ')}).`,
      missing.map((k) => ({ path: k, message: `missing ${k}` })),
    );
  }
  return { ...values, language: values.language!.toLowerCase() as Language } as CsvMeta;
}
