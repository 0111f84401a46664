import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../shared/api/audit';
import { TableScroll } from '../../components/TableScroll';
import { AuditDiff } from './AuditDiff';

export function AuditTable({ items }: { items: AuditEvent[] }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <TableScroll label={t('audit.tableLabel')}>
      <Table zebra data-size="sm" className="data-table audit-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('audit.columns.time')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.columns.actor')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.columns.action')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.columns.entity')}</Table.HeaderCell>
            <Table.HeaderCell>{t('audit.columns.changes')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((e) => (
            <Table.Row key={e.id}>
              <Table.Cell>
                <time dateTime={e.occurredAt}>{format.format(new Date(e.occurredAt))}</time>
              </Table.Cell>
              <Table.Cell>{e.actorLabel}</Table.Cell>
              <Table.Cell>
                <code>{e.action}</code>
              </Table.Cell>
              <Table.Cell>
                <code>{e.entityType}</code>
                <br />
                <span className="muted">{e.entityId}</span>
              </Table.Cell>
              <Table.Cell>
                <AuditDiff before={e.before} after={e.after} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
