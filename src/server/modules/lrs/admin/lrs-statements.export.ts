import { Readable } from 'node:stream';
import type { LrsStatementRow } from '../../../../shared/api/lrs.js';
import type { StatementExport } from './lrs-statements.service.js';

// The statement exports, written batch by batch as the database hands them
// over, so an export of a whole year holds one batch in memory at a time.

export const CSV_COLUMNS = [
  'id',
  'stored',
  'timestamp',
  'actor',
  'actor_ifi',
  'verb_id',
  'verb',
  'object_type',
  'object_id',
  'object_name',
  'success',
  'completion',
  'score_scaled',
  'voided',
] as const;

// Statements carry text from learning content, which anyone who can author
// content controls: a cell starting like a formula must not run as one.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(r: LrsStatementRow): string {
  const values: (string | number | boolean | null)[] = [
    r.id,
    r.stored,
    r.timestamp,
    r.actor.display,
    r.actor.ifi,
    r.verb.id,
    r.verb.display,
    r.object.objectType,
    r.object.id,
    r.object.name,
    r.result?.success ?? null,
    r.result?.completion ?? null,
    r.result?.scaled ?? null,
    r.voided,
  ];
  return values.map(csvField).join(',');
}

/** UTF-8 with a byte order mark, so spreadsheet programs read æ, ø and å right; CRLF line ends. */
export function statementsCsv(source: StatementExport): Readable {
  return Readable.from(
    (async function* () {
      yield `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
      for await (const batch of source.batches()) {
        const lines = (await batch.summaries()).map(csvLine);
        yield `${lines.join('\r\n')}\r\n`;
      }
    })(),
  );
}

/** A JSON array of the statements exactly as stored. */
export function statementsJson(source: StatementExport): Readable {
  return Readable.from(
    (async function* () {
      let first = true;
      yield '[';
      for await (const batch of source.batches()) {
        const parts = batch.rows.map((r) => JSON.stringify(r.statement));
        yield `${first ? '\n' : ',\n'}${parts.join(',\n')}`;
        first = false;
      }
      yield first ? ']\n' : '\n]\n';
    })(),
  );
}

export function exportFileName(format: 'csv' | 'json', now = new Date()): string {
  return `xapi-statements-${now.toISOString().slice(0, 10)}.${format}`;
}
