import { Button, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CompletionCounts, CompletionReport } from '../../../../shared/api/learning-reports';
import { TableScroll } from '../../../components/TableScroll';
import { useFormat } from '../../results/format';

// The per-item and per-unit tables of the reports page: the same counts in
// columns, overdue marked in words and colour (never colour alone).

function CountHeaders() {
  const { t } = useTranslation();
  return (
    <>
      {(['assigned', 'completed', 'inProgress', 'notStarted', 'overdue', 'rate'] as const).map((c) => (
        <Table.HeaderCell scope="col" key={c} className="numeric">
          {t(`learningReports.columns.${c}`)}
        </Table.HeaderCell>
      ))}
    </>
  );
}

export function Overdue({ count }: { count: number }) {
  const f = useFormat();
  if (count === 0) return <>{f.int(0)}</>;
  return (
    <Tag data-size="sm" data-color="danger" className="learning-reports__overdue">
      {f.int(count)}
    </Tag>
  );
}

function CountCells({ c }: { c: CompletionCounts }) {
  const f = useFormat();
  return (
    <>
      <Table.Cell className="numeric">{f.int(c.assigned)}</Table.Cell>
      <Table.Cell className="numeric">{f.int(c.completed)}</Table.Cell>
      <Table.Cell className="numeric">{f.int(c.inProgress)}</Table.Cell>
      <Table.Cell className="numeric">{f.int(c.notStarted)}</Table.Cell>
      <Table.Cell className="numeric">
        <Overdue count={c.overdue} />
      </Table.Cell>
      <Table.Cell className="numeric">{c.completionRate === null ? '–' : f.pct(c.completionRate)}</Table.Cell>
    </>
  );
}

export function ItemsTable({ items }: { items: CompletionReport['items'] }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t('learningReports.items.table')}>
      <Table data-size="sm" zebra>
        <caption className="visually-hidden">{t('learningReports.items.table')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('learningReports.items.item')}</Table.HeaderCell>
            <CountHeaders />
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((i) => (
            <Table.Row key={i.itemId} className={i.overdue > 0 ? 'learning-reports__row--overdue' : undefined}>
              <Table.HeaderCell scope="row">{i.title}</Table.HeaderCell>
              <CountCells c={i} />
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

export function UnitsTable({ units, onOpen }: { units: CompletionReport['units']; onOpen: (unitId: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <TableScroll label={t('learningReports.units.table')}>
      <Table data-size="sm" zebra>
        <caption className="visually-hidden">{t('learningReports.units.table')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('learningReports.units.unit')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('learningReports.units.people')}
            </Table.HeaderCell>
            <CountHeaders />
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {units.map((u) => (
            <Table.Row key={u.unitId} className={u.overdue > 0 ? 'learning-reports__row--overdue' : undefined}>
              <Table.HeaderCell scope="row">
                <Button variant="tertiary" data-size="sm" onClick={() => onOpen(u.unitId)} aria-label={t('learningReports.units.open', { unit: u.name })}>
                  {u.name}
                </Button>
              </Table.HeaderCell>
              <Table.Cell className="numeric">{f.int(u.people)}</Table.Cell>
              <CountCells c={u} />
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
