import ExcelJS from 'exceljs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildEmployeeXlsx, sampleEmployees } from './fixtures.js';
import { parseEmployeeFile } from './people-import.parse.js';
import { MAX_XLSX_UNCOMPRESSED_BYTES } from './people-import.read.js';
import { parsedEmployeeFileSchema } from './people-import.schemas.js';

const HEADER = ['Ansattnr', 'Fornavn', 'Etternavn', 'E-post', 'Stilling', 'Stillingsprosent', 'Enhet', 'Fødselsdato'];

async function parseXlsx(data: Buffer, fileName = 'ansatte.xlsx') {
  const result = await parseEmployeeFile({ fileName, data });
  expect(parsedEmployeeFileSchema.safeParse(result).error).toBeUndefined();
  return result;
}

async function workbookBuffer(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A valid zip with one stored (uncompressed) entry: a zip that is not a workbook. */
function storedZip(name: string, content: string): Buffer {
  const nameBytes = Buffer.from(name);
  const body = Buffer.from(content);
  const crc = crc32(body);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(body.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(body.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, body, central, nameBytes, end]);
}

describe('XLSX files', () => {
  it('reads the fixture workbook with numeric cells', async () => {
    const data = await buildEmployeeXlsx(sampleEmployees(3).map((r, i) => ({ ...r, employeeNumber: 4711 + i })));
    expect(data.subarray(0, 2).toString()).toBe('PK');
    const result = await parseXlsx(data);
    expect(result.format).toBe('xlsx');
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.employeeNumber, r.positionPct])).toEqual([
      [2, '4711', 100],
      [3, '4712', 80],
      [4, '4713', 50],
    ]);
    expect(result.rows[1]).toMatchObject({ givenName: 'Ola', familyName: 'Østby', profession: 'health_care_worker' });
  });

  it('reads percent-formatted, formula, hyperlink, rich-text, date and error cells', async () => {
    const data = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('Ansatte');
      sheet.addRow(HEADER);
      sheet.addRow([
        1001,
        { richText: [{ text: 'Kari ' }, { font: { bold: true }, text: 'Anne' }] },
        'Nordmann',
        { text: 'Kari@Example.no', hyperlink: 'mailto:Kari@Example.no' },
        'Sykepleier',
        0.8,
        'U1',
        new Date(Date.UTC(1980, 0, 31)),
      ]);
      sheet.getCell('F2').numFmt = '0%';
      sheet.addRow([1002, 'Ola', 'Nordmann', null, { error: '#N/A' }, { formula: '0.5+0.25', result: 0.75 }, 'U1']);
    });
    const result = await parseXlsx(data);
    expect(result.ignoredColumns).toEqual(['Fødselsdato']);
    expect(result.rows).toMatchObject([
      { row: 2, employeeNumber: '1001', givenName: 'Kari Anne', email: 'kari@example.no', positionPct: 80 },
    ]);
    expect(result.errors.map((e) => [e.row, e.code, e.value])).toEqual([[3, 'UNKNOWN_PROFESSION', '#N/A']]);
  });

  it('uses the first worksheet, finds the header below a title and keeps Excel row numbers', async () => {
    const data = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('Rapport');
      sheet.addRow(['Ansatte per 01.01.2025']);
      sheet.addRow([]);
      sheet.addRow(HEADER);
      sheet.addRow([1, 'Kari', 'Nordmann', null, 'Lege', 100, 'U1']);
      sheet.getRow(8).values = [2, 'Ola', 'Nordmann', null, 'Lege', '50 %', 'U1'];
      workbook.addWorksheet('Annet').addRow(['Ikke', 'dette']);
    });
    const result = await parseXlsx(data);
    expect(result.totalRows).toBe(2);
    expect(result.rows.map((r) => [r.row, r.employeeNumber, r.positionPct])).toEqual([
      [4, '1', 100],
      [8, '2', 50],
    ]);
  });

  it('reports MISSING_COLUMNS when the first sheet is not the employee list', async () => {
    const data = await workbookBuffer((workbook) => {
      workbook.addWorksheet('Forside').addRow(['Eksport fra HR']);
      workbook.addWorksheet('Ansatte').addRow(HEADER);
    });
    const result = await parseXlsx(data);
    expect(result.fileErrors).toMatchObject([{ code: 'MISSING_COLUMNS' }]);
  });

  it('recognises a workbook by content even with a .csv name', async () => {
    const data = await buildEmployeeXlsx(sampleEmployees(1), { headers: 'sv' });
    const result = await parseXlsx(data, 'personal.csv');
    expect(result.format).toBe('xlsx');
    expect(result.rows).toHaveLength(1);
  });

  it('reports progress for workbooks', async () => {
    const calls: number[] = [];
    const data = await buildEmployeeXlsx(sampleEmployees(600), { headers: 'en' });
    const result = await parseEmployeeFile({ fileName: 'x.xlsx', data, onProgress: (done) => calls.push(done) });
    expect(result.rows).toHaveLength(600);
    expect(calls).toEqual([500, 600]);
  });

  it('rejects a zip that is not a workbook', async () => {
    const result = await parseXlsx(storedZip('word/document.xml', '<w:document/>'), 'ansatte.xlsx');
    expect(result.fileErrors).toMatchObject([{ code: 'UNSUPPORTED_FILE' }]);
    expect(result.format).toBe('xlsx');
  });

  it('rejects a workbook that would unpack beyond the limit (zip bomb) with FILE_TOO_LARGE', async () => {
    const data = await buildEmployeeXlsx(sampleEmployees(1));
    const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const firstEntry = data.readUInt32LE(end + 16);
    data.writeUInt32LE(MAX_XLSX_UNCOMPRESSED_BYTES + 1, firstEntry + 24); // declared uncompressed size
    const result = await parseXlsx(data);
    expect(result.fileErrors).toMatchObject([{ code: 'FILE_TOO_LARGE' }]);
  });
});
