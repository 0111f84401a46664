import { Alert, Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import type { PeopleImport } from '../../../shared/api/people';
import type { ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { LoadErrorPage } from '../../components/States';
import { ImportErrors } from './ImportErrors';
import { ImportPreview, ImportSummary } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { ImportSteps, type Step } from './ImportSteps';
import { ImportUpload } from './ImportUpload';
import { usePeopleImport } from './usePeopleImport';

function stepOf(imp: PeopleImport | undefined): Step {
  if (!imp) return 'upload';
  if (imp.status === 'committing') return 'commit';
  if (imp.status === 'committed') return 'done';
  return 'check';
}

export function ImportPage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const [params, setParams] = useSearchParams();
  const importId = params.get('import');
  const { data: imp, error, commit, setData } = usePeopleImport(municipality.id, importId);
  const [commitError, setCommitError] = useState<ApiError | undefined>();
  const [committing, setCommitting] = useState(false);
  const title = t('imports.title');
  const step = stepOf(imp);

  if (error && error.code !== 'INTERNAL') return <LoadErrorPage error={error} title={title} />;

  const startOver = () => {
    setCommitError(undefined);
    setParams({});
  };
  const onCommit = async () => {
    setCommitting(true);
    setCommitError(undefined);
    try {
      await commit();
    } catch (err) {
      setCommitError(asApiError(err));
    } finally {
      setCommitting(false);
    }
  };

  return (
    <Page title={title} lead={<Paragraph>{t('imports.lead', { municipality: municipality.name })}</Paragraph>}>
      <ImportSteps current={step} />
      <div className="visually-hidden" aria-live="polite" data-testid="import-announcer">
        {imp ? t(`imports.status.${imp.status}`) : ''}
      </div>
      <section aria-labelledby="import-step-heading" className="section">
        <Heading level={2} data-size="sm" id="import-step-heading">
          {t(`imports.steps.${step}`)}
        </Heading>
        {error ? <ErrorAlert error={error} /> : null}
        {!importId ? (
          <ImportUpload
            municipalityId={municipality.id}
            onUploaded={(created) => {
              setData(created);
              setParams({ import: created.id });
            }}
          />
        ) : null}
        {importId && !imp && !error ? <Loading /> : null}
        {imp ? (
          <div data-testid="import-status" data-status={imp.status}>
            {imp.status === 'parsing' || imp.status === 'committing' ? <ImportProgress imp={imp} /> : null}
            {imp.status === 'ready' ? (
              <>
                <Paragraph>{t('imports.ready.text', { file: imp.fileName, count: imp.totalRows })}</Paragraph>
                {imp.summary ? <ImportSummary summary={imp.summary} /> : null}
                {commitError ? <ErrorAlert error={commitError} /> : null}
                <div className="button-row">
                  <Button onClick={() => void onCommit()} loading={committing} disabled={committing}>
                    {t('imports.ready.commit')}
                  </Button>
                  <Button variant="secondary" onClick={startOver} disabled={committing}>
                    {t('imports.startOver')}
                  </Button>
                </div>
                <ImportPreview imp={imp} />
              </>
            ) : null}
            {imp.status === 'invalid' ? (
              <>
                <ImportErrors imp={imp} />
                <div className="button-row">
                  <Button onClick={startOver}>{t('imports.tryAgain')}</Button>
                </div>
              </>
            ) : null}
            {imp.status === 'failed' ? (
              <>
                <Alert data-color="danger" role="alert">
                  <Paragraph>{t('imports.failed')}</Paragraph>
                </Alert>
                <div className="button-row">
                  <Button onClick={startOver}>{t('imports.tryAgain')}</Button>
                </div>
              </>
            ) : null}
            {imp.status === 'committed' ? (
              <>
                <Alert data-color="success" role="status">
                  <Paragraph>{t('imports.done.text')}</Paragraph>
                </Alert>
                {imp.summary ? <ImportSummary summary={imp.summary} /> : null}
                <div className="button-row">
                  <Button asChild>
                    <RouterLink to="/people">{t('imports.done.toPeople')}</RouterLink>
                  </Button>
                  <Button variant="secondary" onClick={startOver}>
                    {t('imports.done.another')}
                  </Button>
                </div>
              </>
            ) : null}
          </div>
        ) : null}
      </section>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/people">{t('people.backToList')}</RouterLink>
        </Link>
      </Paragraph>
    </Page>
  );
}
