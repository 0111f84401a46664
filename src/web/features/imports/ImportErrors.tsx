import { Alert, Heading, List, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PeopleImport } from '../../../shared/api/people';
import { TableScroll } from '../../components/TableScroll';
import { isFileErrorCode, isImportField, isRowErrorCode } from './importCodes';

function missingColumns(details: unknown): string[] {
  const cols = (details as { missing?: unknown; columns?: unknown } | undefined)?.missing ?? (details as { columns?: unknown } | undefined)?.columns;
  return Array.isArray(cols) ? cols.map(String) : [];
}

/** Why the file was rejected: file-level problems and a row-by-row table. Nothing was changed. */
export function ImportErrors({ imp }: { imp: PeopleImport }) {
  const { t } = useTranslation();
  const field = (f: string | null) => (isImportField(f) ? t(`imports.columns.${f}`) : (f ?? '–'));
  return (
    <>
      <Alert data-color="danger" role="alert">
        <Heading level={3} data-size="xs">
          {t('imports.invalid.title')}
        </Heading>
        <Paragraph>{t('imports.invalid.nothingChanged')}</Paragraph>
      </Alert>
      {imp.fileErrors.length > 0 ? (
        <List.Unordered className="file-errors">
          {imp.fileErrors.map((e, i) => {
            const cols = missingColumns(e.details);
            return (
              <List.Item key={`${e.code}-${i}`}>
                {isFileErrorCode(e.code) ? t(`imports.fileErrors.${e.code}`) : e.message}
                {cols.length > 0 ? `: ${cols.map((c) => field(c)).join(', ')}` : ''}
              </List.Item>
            );
          })}
        </List.Unordered>
      ) : null}
      {imp.errors.length > 0 ? (
        <section aria-labelledby="import-errors-heading" className="section">
          <Heading level={3} data-size="xs" id="import-errors-heading">
            {t('imports.errors.title', { count: imp.errors.length })}
          </Heading>
          <TableScroll label={t('imports.errors.tableLabel')}>
            <Table zebra data-size="sm" className="data-table" data-testid="import-errors">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('imports.errors.row')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('imports.errors.field')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('imports.errors.code')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('imports.errors.message')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('imports.errors.value')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {imp.errors.map((e, i) => (
                  <Table.Row key={`${e.row}-${e.field ?? ''}-${i}`}>
                    <Table.Cell>{e.row}</Table.Cell>
                    <Table.Cell>{field(e.field)}</Table.Cell>
                    <Table.Cell>
                      <code>{e.code}</code>
                    </Table.Cell>
                    <Table.Cell>{isRowErrorCode(e.code) ? t(`imports.rowErrors.${e.code}`) : e.message}</Table.Cell>
                    <Table.Cell>{e.value ?? ''}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </section>
      ) : null}
    </>
  );
}
