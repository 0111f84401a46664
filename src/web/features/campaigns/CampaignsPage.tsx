import { Button, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { z } from 'zod';
import { campaignSchema, type CampaignStatus } from '../../../shared/api/mapping';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { useMunicipality } from '../../app/municipality';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EmptyState } from '../../components/States';
import { TableScroll } from '../../components/TableScroll';
import { CampaignForm } from './CampaignForm';
import { createBody, emptyValues } from './campaignValues';
import './campaigns.css';

const campaignList = z.array(campaignSchema);

export function StatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  const color = status === 'open' ? 'success' : status === 'scheduled' ? 'info' : status === 'draft' ? 'warning' : 'neutral';
  return <Tag data-color={color}>{t(`assessment.status.${status}`)}</Tag>;
}

export function formatDate(iso: string, lang: string): string {
  return new Date(iso).toLocaleDateString(lang);
}

/** Mapping campaigns of the municipality. */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const municipality = useCurrentMunicipality();
  const { can } = useMunicipality();
  const { data, error, loading } = useApi(`/municipalities/${municipality.id}/campaigns`, campaignList);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Page
      title={t('campaigns.title')}
      lead={<Paragraph>{t('campaigns.lead')}</Paragraph>}
      actions={
        can.manageCampaigns ? (
          <Button asChild>
            <RouterLink to="/campaigns/new">{t('campaigns.new')}</RouterLink>
          </Button>
        ) : null
      }
    >
      {error ? <ErrorAlert error={error} title={t('states.loadFailed')} /> : null}
      {loading ? <Loading /> : null}
      {data && data.length === 0 ? <EmptyState>{t('campaigns.empty')}</EmptyState> : null}
      {data && data.length > 0 ? (
        <TableScroll label={t('campaigns.title')}>
          <Table>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('campaigns.fields.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('campaigns.fields.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('campaigns.fields.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('campaigns.fields.mode')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={`/campaigns/${c.id}`}>{c.name}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <StatusTag status={c.status} />
                  </Table.Cell>
                  <Table.Cell>
                    {formatDate(c.opensAt, lang)} – {formatDate(c.closesAt, lang)}
                  </Table.Cell>
                  <Table.Cell>{t(`campaigns.modes.${c.mode}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </Page>
  );
}

/** Create a draft campaign. */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const navigate = useNavigate();
  const [initial] = useState(() => emptyValues());
  return (
    <Page title={t('campaigns.newTitle')} width="narrow">
      <CampaignForm
        initial={initial}
        submitLabel={t('campaigns.create')}
        onSave={async (values) => {
          const created = await api(`/municipalities/${municipality.id}/campaigns`, campaignSchema, { method: 'POST', body: createBody(values) });
          navigate(`/campaigns/${created.id}`);
        }}
        cancel={
          <Button variant="secondary" asChild>
            <RouterLink to="/campaigns">{t('common.cancel')}</RouterLink>
          </Button>
        }
      />
    </Page>
  );
}
