import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CampaignProgress } from '../../../shared/api/mapping';

/**
 * The leader survey's response count for the whole campaign (never per unit:
 * leaders are few); the submitted count is hidden while fewer than k are invited.
 */
export function LeaderSurveyProgress({ progress }: { progress: CampaignProgress }) {
  const { t } = useTranslation();
  const survey = progress.leaderSurvey;
  if (!survey) return null;
  return (
    <section aria-labelledby="leader-survey-progress-heading" className="leader-survey-progress">
      <Heading level={3} data-size="xs" id="leader-survey-progress-heading">
        {t('campaigns.leaderSurveyProgress.title')}
      </Heading>
      <dl className="facts facts--grid">
        <div>
          <dt>{t('campaigns.progress.invited')}</dt>
          <dd>{survey.invited}</dd>
        </div>
        <div>
          <dt>{t('campaigns.progress.submitted')}</dt>
          <dd>{survey.submitted ?? t('campaigns.leaderSurveyProgress.hidden', { k: progress.threshold })}</dd>
        </div>
        {survey.submitted !== null && survey.invited > 0 ? (
          <div>
            <dt>{t('campaigns.progress.rate')}</dt>
            <dd>{Math.round((survey.submitted / survey.invited) * 100)} %</dd>
          </div>
        ) : null}
      </dl>
      {survey.invited === 0 ? <Paragraph data-size="sm">{t('campaigns.leaderSurveyProgress.none')}</Paragraph> : null}
    </section>
  );
}
