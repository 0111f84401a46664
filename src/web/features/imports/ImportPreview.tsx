import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PeopleImport } from '../../../shared/api/people';
import { TableScroll } from '../../components/TableScroll';

const ACTION_COLOR = { create: 'success', update: 'warning', unchanged: 'neutral' } as const;

/** Counts per action and the first rows as they will be applied. */
export function ImportSummary({ summary }: { summary: NonNullable<PeopleImport['summary']> }) {
  const { t } = useTranslation();
  return (
    <dl className="summary" data-testid="import-summary">
      {(['create', 'update', 'unchanged'] as const).map((action) => (
        <div key={action} className="summary__item">
          <dt>{t(`imports.actions.${action}`)}</dt>
          <dd>{summary[action]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ImportPreview({ imp }: { imp: PeopleImport }) {
  const { t } = useTranslation();
  if (imp.preview.length === 0) return null;
  return (
    <section aria-labelledby="import-preview-heading" className="section">
      <Heading level={3} data-size="xs" id="import-preview-heading">
        {t('imports.preview.title')}
      </Heading>
      {imp.totalRows > imp.preview.length ? (
        <Paragraph data-size="sm">{t('imports.preview.partial', { shown: imp.preview.length, total: imp.totalRows })}</Paragraph>
      ) : null}
      <TableScroll label={t('imports.preview.tableLabel')}>
        <Table zebra data-size="sm" className="data-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('imports.errors.row')}</Table.HeaderCell>
              <Table.HeaderCell>{t('imports.preview.action')}</Table.HeaderCell>
              <Table.HeaderCell>{t('people.fields.employeeNumber')}</Table.HeaderCell>
              <Table.HeaderCell>{t('people.fields.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('people.fields.email')}</Table.HeaderCell>
              <Table.HeaderCell>{t('people.fields.profession')}</Table.HeaderCell>
              <Table.HeaderCell>{t('people.fields.positionPct')}</Table.HeaderCell>
              <Table.HeaderCell>{t('imports.columns.unitRef')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {imp.preview.map((r) => (
              <Table.Row key={r.row}>
                <Table.Cell>{r.row}</Table.Cell>
                <Table.Cell>
                  <Tag data-size="sm" data-color={ACTION_COLOR[r.action]}>
                    {t(`imports.actions.${r.action}`)}
                  </Tag>
                </Table.Cell>
                <Table.Cell>{r.employeeNumber}</Table.Cell>
                <Table.Cell>
                  {r.familyName}, {r.givenName}
                </Table.Cell>
                <Table.Cell>{r.email ?? '–'}</Table.Cell>
                <Table.Cell>{t(`professions.${r.profession}`)}</Table.Cell>
                <Table.Cell>{r.positionPct}</Table.Cell>
                <Table.Cell>{r.unitRef}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
