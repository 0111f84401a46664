import { Button, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { LrsCredential } from '../../../shared/api/lrs';
import { TableScroll } from '../../components/TableScroll';

type Props = { items: LrsCredential[]; onRotate: (c: LrsCredential) => void; onRevoke: (c: LrsCredential) => void };

export function CredentialsTable({ items, onRotate, onRevoke }: Props) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (value: string | null) => (value ? <time dateTime={value}>{time.format(new Date(value))}</time> : <span className="muted">{t('lrs.credentials.never')}</span>);
  const graceRunning = (c: LrsCredential) => c.status === 'active' && c.previousValidUntil !== null && Date.parse(c.previousValidUntil) > Date.now();
  return (
    <TableScroll label={t('lrs.credentials.tableLabel')}>
      <Table zebra data-size="sm" className="data-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('lrs.credentials.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('lrs.credentials.columns.key')}</Table.HeaderCell>
            <Table.HeaderCell>{t('lrs.credentials.columns.created')}</Table.HeaderCell>
            <Table.HeaderCell>{t('lrs.credentials.columns.rotated')}</Table.HeaderCell>
            <Table.HeaderCell>{t('lrs.credentials.columns.lastUsed')}</Table.HeaderCell>
            <Table.HeaderCell>{t('lrs.credentials.columns.status')}</Table.HeaderCell>
            <Table.HeaderCell>
              <span className="visually-hidden">{t('lrs.credentials.columns.actions')}</span>
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>{c.name}</Table.Cell>
              <Table.Cell>
                <code className="wrap-code">{c.key}</code>
              </Table.Cell>
              <Table.Cell>{when(c.createdAt)}</Table.Cell>
              <Table.Cell>{when(c.rotatedAt)}</Table.Cell>
              <Table.Cell>{when(c.lastUsedAt)}</Table.Cell>
              <Table.Cell>
                <Tag data-color={c.status === 'active' ? 'success' : 'neutral'}>{t(`lrs.credentials.status.${c.status}`)}</Tag>
                {graceRunning(c) ? (
                  <>
                    <br />
                    <span className="muted">{t('lrs.credentials.graceUntil', { time: time.format(new Date(c.previousValidUntil!)) })}</span>
                  </>
                ) : null}
              </Table.Cell>
              <Table.Cell>
                {c.status === 'active' ? (
                  <span className="button-row">
                    <Button variant="tertiary" data-size="sm" onClick={() => onRotate(c)}>
                      {t('lrs.rotate.button')}
                      <span className="visually-hidden"> {c.name}</span>
                    </Button>
                    <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => onRevoke(c)}>
                      {t('lrs.revoke.button')}
                      <span className="visually-hidden"> {c.name}</span>
                    </Button>
                  </span>
                ) : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
