import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, labelledDetails, type Refusal } from './packageFormat';

/**
 * Why the package was not accepted: the reason in plain language, then the
 * server's own message (in English, so marked as such) and the details it
 * names, such as the zip entry or manifest line.
 */
export function UploadRefusal({ refusal, ourFault, headingRef }: { refusal: Refusal; ourFault: boolean; headingRef?: Ref<HTMLHeadingElement> }) {
  const { t, i18n } = useTranslation();
  const details = labelledDetails(refusal.details);
  return (
    <Alert data-color={ourFault ? 'warning' : 'danger'} data-testid="package-refusal" data-reason={refusal.reason}>
      <Heading level={3} data-size="xs" ref={headingRef} tabIndex={-1} className="focus-target">
        {ourFault ? t('packages.result.failedTitle') : t('packages.result.refusedTitle')}
      </Heading>
      <Paragraph>{t(`packages.reasons.${refusal.reason}`)}</Paragraph>
      <Paragraph>{t('packages.result.nothingKept')}</Paragraph>
      {refusal.message ? (
        <div className="package-refusal__server">
          <Paragraph data-size="sm">{t('packages.result.serverMessage')}</Paragraph>
          <Paragraph data-size="sm" lang="en" className="package-code">
            {refusal.message}
          </Paragraph>
        </div>
      ) : null}
      {details.length > 0 ? (
        <dl className="package-facts package-facts--compact">
          {details.map((d) => (
            <div key={d.key}>
              <dt>{t(`packages.result.details.${d.key}`)}</dt>
              <dd>
                {d.key === 'maxBytes' ? formatBytes(Number(d.value), i18n.language) : <code className="package-code">{d.value}</code>}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </Alert>
  );
}
