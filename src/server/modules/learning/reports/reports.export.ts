import ExcelJS from 'exceljs';
import type { CompletionCounts, CompletionReport, PersonSummary, TrendReport } from '../../../../shared/api/learning-reports.js';
import type { Language } from '../../../../shared/domain.js';
import { EXPORT_LABELS } from '../../results/export-labels.js';
import { REPORT_EXPORT_LABELS } from './reports-export-labels.js';

// The learning report as XLSX: the same rows the screens show (per item, per
// unit, per person, the monthly trend), headers in the caller's language.
// Every report viewer may see people (reports.policy.ts), so the people
// sheet is always there.

export type ReportExport = { language: Language; today: string; completion: CompletionReport; trend: TrendReport; people: PersonSummary[] };

/** Text a spreadsheet would run as a formula is written with a leading apostrophe. */
const safe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const rate = (c: CompletionCounts) => (c.completionRate === null ? null : c.completionRate);

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], lines: (string | number | null)[][], widths: number[], percentColumn?: number) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  for (const line of lines) ws.addRow(line);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  if (percentColumn) ws.getColumn(percentColumn).numFmt = '0.0%';
  return ws;
}

export async function learningReportXlsx(r: ReportExport): Promise<Buffer> {
  const l = REPORT_EXPORT_LABELS[r.language];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mestring';
  wb.created = new Date();
  const professions = EXPORT_LABELS[r.language].professions as Record<string, string>;
  const countHeader = [l.assigned, l.completed, l.inProgress, l.notStarted, l.overdue, l.completionRate];
  const countCells = (c: CompletionCounts) => [c.assigned, c.completed, c.inProgress, c.notStarted, c.overdue, rate(c)];

  sheet(wb, l.sheets.items, [l.item, l.kind, ...countHeader], r.completion.items.map((i) => [safe(i.title), i.kind, ...countCells(i)]), [48, 10, 12, 12, 12, 12, 12, 16], 8);
  sheet(wb, l.sheets.units, [l.unit, l.people, ...countHeader], r.completion.units.map((u) => [safe(u.name), u.people, ...countCells(u)]), [40, 10, 12, 12, 12, 12, 12, 16], 8);
  sheet(
    wb,
    l.sheets.people,
    [l.person, l.employeeNumber, l.profession, l.unit, l.assigned, l.completed, l.overdue],
    r.people.map((p) => [safe(p.name), safe(p.employeeNumber), professions[p.profession] ?? p.profession, p.unitName === null ? null : safe(p.unitName), p.assigned, p.completed, p.overdue]),
    [32, 16, 20, 32, 12, 12, 12],
  );
  sheet(wb, l.sheets.trend, [l.month, l.completions, l.learners], r.trend.months.map((m) => [m.month, m.completions, m.learners]), [12, 16, 24]);

  const about = wb.addWorksheet(l.sheets.about);
  about.addRow([l.scope, r.completion.unit ? safe(r.completion.unit.name) : l.wholeMunicipality]);
  about.addRow([l.date, r.today]);
  about.addRow([l.timeZone, r.trend.timeZone]);
  about.addRow([l.people, r.completion.totals.people]);
  about.addRow([l.completionRate, rate(r.completion.totals)]);
  about.getCell('B5').numFmt = '0.0%';
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 48;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function reportFileName(r: ReportExport): string {
  const base = (r.completion.unit?.name ?? 'learning')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${base || 'learning'}-report-${r.today}.xlsx`;
}
