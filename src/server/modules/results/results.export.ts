import ExcelJS from 'exceljs';
import type { CampaignResults, ResultRow } from '../../../shared/api/results.js';
import { EXPORT_LABELS, type ExportLabels } from './export-labels.js';

// XLSX and CSV of exactly what the results answer holds: the export is built
// from the same k-anonymous rows as the screen, never from the raw tables.

type Line = (string | number | null)[];

function groupLabel(row: ResultRow, l: ExportLabels): [string, string] {
  if (row.key === 'total') return [l.groupKinds.total, row.name ?? l.all];
  if (row.key === 'other') return [l.groupKinds.other, l.groupKinds.other];
  if (row.key === 'mixed') return [l.groupKinds.mixed, l.groupKinds.mixed];
  if (row.profession) return [l.groupKinds.profession, l.professions[row.profession]];
  const name = `${'  '.repeat(row.depth)}${row.name ?? ''}${row.mergedUnitIds.length ? ` (${l.mergedNote})` : ''}`;
  return [l.groupKinds.unit, name];
}

/** The long table: one line per group and competence. */
export function detailLines(r: CampaignResults): { header: string[]; lines: Line[] } {
  const l = EXPORT_LABELS[r.language];
  const names = new Map(r.areas.flatMap((a) => a.competences.map((c) => [c.code, { name: c.name, area: a.name }] as const)));
  const header = [
    l.group,
    `${l.groupKinds.unit} / ${l.groupKinds.profession}`,
    l.competence,
    `${l.competence} (id)`,
    l.area,
    l.respondents,
    l.answered,
    l.average,
    l.required,
    l.gap,
    l.belowRequired,
    l.dontKnow,
    l.wantsTraining,
    ...r.levels.map((x) => `${l.level} ${x.level}: ${x.name}`),
  ];
  const rows = [...(r.total ? [r.total] : []), ...r.units, ...r.professions];
  const lines: Line[] = [];
  for (const row of rows) {
    const [kind, name] = groupLabel(row, l);
    for (const c of row.competences) {
      lines.push([kind, name, names.get(c.code)?.name ?? c.code, c.code, names.get(c.code)?.area ?? '', c.respondents, c.answered, c.average, c.required, c.gap, c.belowRequired, c.dontKnow, c.wantsTraining, ...c.distribution]);
    }
  }
  return { header, lines };
}

function surveyLines(r: CampaignResults, l: ExportLabels): { header: string[]; lines: Line[] } | null {
  if (!r.leaderSurvey || r.leaderSurvey.respondents === null) return null;
  const lines: Line[] = [];
  for (const item of r.leaderSurvey.items) for (const o of item.options) lines.push([item.code, item.text, o.text, o.count, item.average]);
  return { header: [`${l.item} (id)`, l.item, l.option, l.count, l.average], lines };
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** Quotes a CSV field; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(r: CampaignResults): Buffer {
  const { header, lines } = detailLines(r);
  const body = [header, ...lines].map((line) => line.map(csvField).join(',')).join('\r\n');
  // A byte order mark so that spreadsheet programs read æ, ø and å right.
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}

export async function resultsXlsx(r: CampaignResults): Promise<Buffer> {
  const l = EXPORT_LABELS[r.language];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mestring';
  wb.created = new Date();

  const codes = r.areas.flatMap((a) => a.competences);
  const heat = wb.addWorksheet(l.sheets.heatmap, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  heat.addRow([l.group, l.respondents, ...codes.map((c) => c.name)]).font = { bold: true };
  for (const row of [...(r.total ? [r.total] : []), ...r.units]) {
    const [, name] = groupLabel(row, l);
    heat.addRow([name, row.respondents, ...codes.map((c) => row.competences.find((x) => x.code === c.code)?.average ?? null)]);
  }
  heat.getColumn(1).width = 40;

  const details = wb.addWorksheet(l.sheets.details, { views: [{ state: 'frozen', ySplit: 1 }] });
  const d = detailLines(r);
  details.addRow(d.header).font = { bold: true };
  d.lines.forEach((line) => details.addRow(line));
  details.getColumn(2).width = 36;
  details.getColumn(3).width = 36;

  const survey = surveyLines(r, l);
  if (survey) {
    const s = wb.addWorksheet(l.sheets.survey);
    s.addRow(survey.header).font = { bold: true };
    survey.lines.forEach((line) => s.addRow(line));
    s.getColumn(2).width = 60;
    s.getColumn(3).width = 30;
  }

  const about = wb.addWorksheet(l.sheets.about);
  about.addRow([l.campaign, r.name]);
  about.addRow([l.closedAt, r.closedAt ?? '']);
  about.addRow([l.respondents, r.respondents ?? '']);
  about.addRow([l.threshold, r.threshold]);
  about.addRow([l.filter, [r.filter.unitId ? (r.units.find((u) => u.unitId === r.filter.unitId)?.name ?? r.filter.unitId) : null, r.filter.profession ? l.professions[r.filter.profession] : null].filter(Boolean).join(', ') || l.all]);
  about.addRow([l.note, l.suppression]);
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 100;

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A file name without characters that trouble file systems or headers. */
export function exportFileName(r: CampaignResults, ext: 'xlsx' | 'csv'): string {
  const base = r.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${base || 'results'}-results.${ext}`;
}
