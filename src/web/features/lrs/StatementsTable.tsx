import { Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { LrsStatementRow } from '../../../shared/api/lrs';
import { TableScroll } from '../../components/TableScroll';

function ResultCell({ result }: { result: LrsStatementRow['result'] }) {
  const { t, i18n } = useTranslation();
  if (!result) return <span className="muted">–</span>;
  const parts: string[] = [];
  if (result.success !== null) parts.push(t(result.success ? 'lrs.statements.result.passed' : 'lrs.statements.result.failed'));
  if (result.completion !== null) parts.push(t(result.completion ? 'lrs.statements.result.completed' : 'lrs.statements.result.notCompleted'));
  if (result.scaled !== null) parts.push(t('lrs.statements.result.score', { score: new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(result.scaled) }));
  return <>{parts.length ? parts.join(', ') : '–'}</>;
}

export function StatementsTable({ items }: { items: LrsStatementRow[] }) {
  const { t, i18n } = useTranslation();
  // Only a sub-statement comes without an id to show.
  const objectTypeLabel = (type: string) => (type === 'SubStatement' ? t('lrs.statements.subStatement') : type);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <TableScroll label={t('lrs.statements.tableLabel')}>
      <Table zebra data-size="sm" className="data-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('lrs.statements.columns.stored')}</Table.HeaderCell>
            <Table.HeaderCell>{t('lrs.statements.columns.actor')}</Table.HeaderCell>
            <Table.HeaderCell>{t('lrs.statements.columns.verb')}</Table.HeaderCell>
            <Table.HeaderCell>{t('lrs.statements.columns.object')}</Table.HeaderCell>
            <Table.HeaderCell>{t('lrs.statements.columns.result')}</Table.HeaderCell>
            <Table.HeaderCell>{t('lrs.statements.columns.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((s) => (
            <Table.Row key={s.id}>
              <Table.Cell>
                <time dateTime={s.stored}>{format.format(new Date(s.stored))}</time>
              </Table.Cell>
              <Table.Cell>
                {s.actor.display}
                {s.actor.ifi && s.actor.ifi !== s.actor.display ? (
                  <>
                    <br />
                    <span className="muted">{s.actor.ifi}</span>
                  </>
                ) : null}
              </Table.Cell>
              <Table.Cell>
                {s.verb.display ?? <code className="wrap-code">{s.verb.id}</code>}
              </Table.Cell>
              <Table.Cell>
                {s.object.name ?? (s.object.id ? null : objectTypeLabel(s.object.objectType))}
                {s.object.id ? (
                  <>
                    {s.object.name ? <br /> : null}
                    <span className="muted">{s.object.id}</span>
                  </>
                ) : null}
              </Table.Cell>
              <Table.Cell>
                <ResultCell result={s.result} />
              </Table.Cell>
              <Table.Cell>{s.voided ? <Tag data-color="warning">{t('lrs.statements.voided')}</Tag> : null}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
