import { Button, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { RoleGrantView } from '../../../shared/api/access';
import { TableScroll } from '../../components/TableScroll';

export function RoleGrantsTable({ grants, onRevoke }: { grants: RoleGrantView[]; onRevoke?: ((g: RoleGrantView) => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <TableScroll label={t('grants.tableLabel')}>
      <Table zebra data-size="sm" className="data-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('grants.columns.person')}</Table.HeaderCell>
            <Table.HeaderCell>{t('grants.columns.role')}</Table.HeaderCell>
            <Table.HeaderCell>{t('grants.columns.scope')}</Table.HeaderCell>
            <Table.HeaderCell>{t('grants.columns.created')}</Table.HeaderCell>
            {onRevoke ? (
              <Table.HeaderCell>
                <span className="visually-hidden">{t('grants.columns.actions')}</span>
              </Table.HeaderCell>
            ) : null}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {grants.map((g) => (
            <Table.Row key={g.id}>
              <Table.Cell>
                {g.userDisplayName}
                <br />
                <span className="muted">{g.userEmail}</span>
              </Table.Cell>
              <Table.Cell>{t(`roles.${g.role}`)}</Table.Cell>
              <Table.Cell>
                {t(`scopes.${g.scopeType}`)}
                {g.scopeName ? `: ${g.scopeName}` : ''}
              </Table.Cell>
              <Table.Cell>{date.format(new Date(g.createdAt))}</Table.Cell>
              {onRevoke ? (
                <Table.Cell>
                  <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => onRevoke(g)}>
                    {t('grants.revoke')}
                    <span className="visually-hidden">
                      {' '}
                      {t('grants.revokeFor', { role: t(`roles.${g.role}`), name: g.userDisplayName })}
                    </span>
                  </Button>
                </Table.Cell>
              ) : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
