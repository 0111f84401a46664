import { Button, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useCurrentMunicipality } from '../../app/guards';
import { useMunicipality } from '../../app/municipality';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EmptyState, LoadErrorPage } from '../../components/States';
import { SuccessMessage } from '../../components/StatusMessage';
import { TableScroll } from '../../components/TableScroll';
import { useUnits } from '../units/useUnits';
import { useRoleProfiles } from './roleProfileApi';
import { useNotice } from './useNotice';

export function RoleProfilesPage() {
  const { t, i18n } = useTranslation();
  const municipality = useCurrentMunicipality();
  const { can } = useMunicipality();
  const profiles = useRoleProfiles(municipality.id);
  const units = useUnits(municipality.id);
  const notice = useNotice<{ deleted?: string }>();
  const title = t('roleProfiles.title');
  const sorted = useMemo(
    () => [...(profiles.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, i18n.language)),
    [profiles.data, i18n.language],
  );

  if (profiles.error) return <LoadErrorPage error={profiles.error} title={title} />;

  return (
    <Page
      title={title}
      lead={<Paragraph>{t('roleProfiles.lead', { municipality: municipality.name })}</Paragraph>}
      actions={
        can.manageRoleProfiles ? (
          <div className="button-row">
            <Button asChild>
              <RouterLink to="/role-profiles/new/template">{t('roleProfiles.newFromTemplate')}</RouterLink>
            </Button>
            <Button asChild variant="secondary">
              <RouterLink to="/role-profiles/new">{t('roleProfiles.new')}</RouterLink>
            </Button>
          </div>
        ) : null
      }
    >
      <SuccessMessage>{notice?.deleted ? t('roleProfiles.deleted', { name: notice.deleted }) : null}</SuccessMessage>
      {profiles.loading && !profiles.data ? <Loading /> : null}
      {profiles.data ? (
        <Paragraph className="result-count">{t('roleProfiles.count', { count: profiles.data.length })}</Paragraph>
      ) : null}
      {profiles.data && profiles.data.length === 0 ? (
        <EmptyState>{can.manageRoleProfiles ? t('roleProfiles.emptyManage') : t('roleProfiles.empty')}</EmptyState>
      ) : null}
      {sorted.length > 0 ? (
        <TableScroll label={t('roleProfiles.tableLabel')}>
          <Table zebra data-size="sm" className="data-table">
            <caption className="visually-hidden">{t('roleProfiles.tableLabel')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('roleProfiles.fields.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roleProfiles.fields.profession')}</Table.HeaderCell>
                <Table.HeaderCell>{t('roleProfiles.fields.unit')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('roleProfiles.fields.requirements')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {sorted.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/role-profiles/${p.id}`}>{p.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{p.profession ? t(`professions.${p.profession}`) : t('roleProfiles.allProfessions')}</Table.Cell>
                  <Table.Cell>{p.unitId ? (units.byId.get(p.unitId)?.name ?? '…') : t('roleProfiles.allUnits')}</Table.Cell>
                  <Table.Cell className="numeric">{p.requirements.length}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </Page>
  );
}
