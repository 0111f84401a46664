import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { z } from 'zod';
import { myAssessment } from '../../../shared/api/mapping';
import { useApi } from '../../api/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EmptyState } from '../../components/States';

const list = z.array(myAssessment);

/** The signed-in person's open self-assessments and (leaders) leader surveys. */
export function MyAssessmentsPage() {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useApi('/me/assessments', list);
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Page title={t('assessment.mine.title')} width="narrow" lead={<Paragraph>{t('assessment.mine.lead')}</Paragraph>}>
      {error ? <ErrorAlert error={error} title={t('states.loadFailed')} /> : null}
      {loading ? <Loading /> : null}
      {data && data.length === 0 ? <EmptyState>{t('assessment.mine.empty')}</EmptyState> : null}
      {data && data.length > 0 ? (
        <ul className="assessment-list">
          {data.map((a) => (
            <li key={a.invitationId}>
              <Card>
                <Heading level={2} data-size="xs">
                  <Link asChild>
                    <RouterLink to={`/assess/${a.invitationId}`}>
                      {a.instrument === 'leader_survey' ? `${a.campaignName}: ${t('assessment.instruments.leader_survey')}` : a.campaignName}
                    </RouterLink>
                  </Link>
                </Heading>
                <Paragraph data-size="sm">
                  {t(`assessment.instruments.${a.instrument}`)} · {a.municipalityName} · {t('assessment.mine.closes', { date: new Date(a.closesAt).toLocaleDateString(lang) })}
                </Paragraph>
                <Tag data-color={a.submitted ? 'success' : a.status === 'open' ? 'info' : 'neutral'}>
                  {a.submitted ? t('assessment.mine.submitted') : t(`assessment.status.${a.status}`)}
                </Tag>
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
