import { Alert, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { competenceProfile, myProfiles, respondentList } from '../../../shared/api/results';
import type { ApiError } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EmptyState, LoadErrorPage, NotFoundPage } from '../../components/States';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../results/format';
import { LeaderRatingsForm } from './LeaderRatingsForm';
import { LearningSuggestions, ProfileTable } from './ProfileTable';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isAnonymous(error: ApiError | undefined): boolean {
  return (error?.details as { reason?: string } | undefined)?.reason === 'CAMPAIGN_ANONYMOUS';
}

function BackToCampaign({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Link asChild>
        <RouterLink to={`/campaigns/${campaignId}`}>{t('results.backToCampaign')}</RouterLink>
      </Link>
      <Link asChild>
        <RouterLink to={`/campaigns/${campaignId}/results`}>{t('competenceProfile.respondents.resultsLink')}</RouterLink>
      </Link>
    </div>
  );
}

/** The people of an identified campaign, with links to their profiles. */
export function RespondentsPage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const list = useApi(UUID.test(campaignId) ? `/municipalities/${municipality.id}/campaigns/${campaignId}/respondents` : null, respondentList);
  const title = t('competenceProfile.respondents.title');
  if (!UUID.test(campaignId)) return <NotFoundPage />;
  if (list.error && isAnonymous(list.error)) {
    return (
      <Page title={title} lead={<BackToCampaign campaignId={campaignId} />}>
        <Alert data-color="info">
          <Paragraph>{t('competenceProfile.respondents.anonymous')}</Paragraph>
        </Alert>
      </Page>
    );
  }
  if (list.error) return <LoadErrorPage error={list.error} title={title} />;
  const people = list.data?.people ?? [];
  return (
    <Page
      title={title}
      lead={
        <div className="lead-stack">
          <Paragraph>{t('competenceProfile.respondents.lead')}</Paragraph>
          <BackToCampaign campaignId={campaignId} />
        </div>
      }
    >
      {list.loading ? <Loading /> : null}
      {list.data && people.length === 0 ? <EmptyState>{t('competenceProfile.respondents.empty')}</EmptyState> : null}
      {people.length > 0 ? (
        <TableScroll label={title}>
          <Table data-size="sm" zebra className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('competenceProfile.respondents.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('competenceProfile.respondents.unit')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('competenceProfile.respondents.profession')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('competenceProfile.respondents.submitted')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">{t('competenceProfile.respondents.gaps')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">{t('competenceProfile.respondents.leaderRated')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {people.map((p) => (
                <Table.Row key={p.personId}>
                  <Table.HeaderCell scope="row">
                    <Link asChild>
                      <RouterLink to={`/campaigns/${campaignId}/people/${p.personId}`}>{p.name}</RouterLink>
                    </Link>
                  </Table.HeaderCell>
                  <Table.Cell>{p.unitName ?? '–'}</Table.Cell>
                  <Table.Cell>{t(`professions.${p.profession}`)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={p.submitted ? 'success' : 'neutral'}>
                      {p.submitted ? t('competenceProfile.respondents.yes') : t('competenceProfile.respondents.no')}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell className="numeric">{p.gaps ?? '–'}</Table.Cell>
                  <Table.Cell className="numeric">{p.leaderRated}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </Page>
  );
}

/** One person's competence profile in a campaign; leaders enter their own rating beside it. */
export function PersonProfilePage() {
  const { campaignId = '', personId = '' } = useParams();
  if (!UUID.test(campaignId) || !UUID.test(personId)) return <NotFoundPage />;
  return <PersonProfileLoader key={`${campaignId}/${personId}`} campaignId={campaignId} personId={personId} />;
}

function PersonProfileLoader({ campaignId, personId }: { campaignId: string; personId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const municipality = useCurrentMunicipality();
  const base = `/municipalities/${municipality.id}/campaigns/${campaignId}/people/${personId}`;
  const profile = useApi(`${base}/profile`, competenceProfile, { lang: f.lang });
  const title = t('competenceProfile.person.loadingTitle');
  if (profile.error && isAnonymous(profile.error)) {
    return (
      <Page title={title}>
        <Alert data-color="info">
          <Paragraph>{t('competenceProfile.respondents.anonymous')}</Paragraph>
        </Alert>
      </Page>
    );
  }
  if (profile.error) return <LoadErrorPage error={profile.error} title={title} />;
  if (!profile.data) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  const p = profile.data;
  return (
    <Page
      title={p.person.name}
      lead={
        <div className="lead-stack">
          <Paragraph>
            {[p.person.unitName, t(`professions.${p.person.profession}`), p.campaign.name].filter(Boolean).join(' · ')}
          </Paragraph>
          <div className="button-row">
            <Link asChild>
              <RouterLink to={`/campaigns/${campaignId}/people`}>{t('competenceProfile.person.back')}</RouterLink>
            </Link>
          </div>
        </div>
      }
    >
      {!p.submitted ? (
        <Alert data-color="info">
          <Paragraph>{t('competenceProfile.person.notSubmitted')}</Paragraph>
        </Alert>
      ) : null}
      <section aria-labelledby="profile-heading" className="results-section">
        <Heading level={2} data-size="sm" id="profile-heading">
          {t('competenceProfile.person.profileTitle')}
        </Heading>
        <Paragraph data-size="sm">{t('competenceProfile.person.sideBySide')}</Paragraph>
        <ProfileTable profile={p} caption={t('competenceProfile.person.profileTitle')} />
      </section>
      <LearningSuggestions profile={p} id="profile-learning" />
      {p.canRate ? (
        <section aria-labelledby="rate-heading" className="results-section">
          <Heading level={2} data-size="sm" id="rate-heading">
            {t('competenceProfile.rate.title')}
          </Heading>
          <LeaderRatingsForm profile={p} path={`${base}/leader-ratings`} onSaved={profile.setData} />
        </section>
      ) : null}
    </Page>
  );
}

/** The signed-in employee's own profiles: own rating, leader rating, required level, gaps and learning. */
export function MyCompetencePage() {
  const { t } = useTranslation();
  const f = useFormat();
  const mine = useApi('/me/competence-profiles', myProfiles, { lang: f.lang });
  return (
    <Page title={t('competenceProfile.mine.title')} lead={<Paragraph>{t('competenceProfile.mine.lead')}</Paragraph>}>
      {mine.error ? <ErrorAlert error={mine.error} title={t('states.loadFailed')} /> : null}
      {mine.loading ? <Loading /> : null}
      {mine.data && mine.data.profiles.length === 0 ? <EmptyState>{t('competenceProfile.mine.empty')}</EmptyState> : null}
      {mine.data?.profiles.map((p, i) => {
        const id = `my-profile-${i}`;
        return (
          <section key={`${p.campaign.id}-${p.person.id}`} aria-labelledby={id} className="results-section profile-card">
            <Heading level={2} data-size="sm" id={id}>
              {p.campaign.name}
            </Heading>
            <Paragraph data-size="sm" className="muted">
              {[p.campaign.closedAt ? t('results.closedOn', { date: f.date(p.campaign.closedAt) }) : null, p.person.unitName]
                .filter(Boolean)
                .join(' · ')}
            </Paragraph>
            {!p.submitted ? <Paragraph data-size="sm">{t('competenceProfile.mine.notSubmitted')}</Paragraph> : null}
            <ProfileTable profile={p} caption={t('competenceProfile.mine.tableCaption', { name: p.campaign.name })} />
            <LearningSuggestions profile={p} headingLevel={3} id={`${id}-learning`} />
          </section>
        );
      })}
    </Page>
  );
}
