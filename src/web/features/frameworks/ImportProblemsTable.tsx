import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import type { ImportProblem } from './importProblems';

/** Every problem in the file, with the row, worksheet and place it concerns when known. */
export function ImportProblemsTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation();
  const hasSheet = problems.some((p) => p.sheet);
  const hasPath = problems.some((p) => p.path);
  const label = t('frameworks.import.problems.tableLabel');
  return (
    <TableScroll label={label}>
      <Table zebra data-size="sm" className="data-table problems-table" data-testid="framework-import-problems">
        <caption className="visually-hidden">{label}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('frameworks.import.problems.row')}</Table.HeaderCell>
            {hasSheet ? <Table.HeaderCell>{t('frameworks.import.problems.sheet')}</Table.HeaderCell> : null}
            {hasPath ? <Table.HeaderCell>{t('frameworks.import.problems.path')}</Table.HeaderCell> : null}
            <Table.HeaderCell>{t('frameworks.import.problems.message')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {problems.map((p, i) => (
            <Table.Row key={`${p.row ?? ''}-${p.path ?? ''}-${i}`}>
              <Table.Cell>{p.row ?? '–'}</Table.Cell>
              {hasSheet ? <Table.Cell>{p.sheet ?? '–'}</Table.Cell> : null}
              {hasPath ? <Table.Cell>{p.path ? <code>{p.path}</code> : '–'}</Table.Cell> : null}
              {/* The importers word their problems in English. */}
              <Table.Cell lang="en">{p.message}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
