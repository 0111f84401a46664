import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LrsCredentialSecret } from '../../../shared/api/lrs';
import { CopyButton } from '../../components/CopyButton';

/**
 * The endpoint, key and secret right after a credential is created or rotated.
 * The server never shows the secret again, so the panel takes focus and says so.
 */
export function SecretPanel({ issued, rotated, onDone }: { issued: LrsCredentialSecret; rotated: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [issued.secret]);
  const rows = [
    { id: 'endpoint', label: t('lrs.secret.endpoint'), value: issued.endpoint },
    { id: 'key', label: t('lrs.secret.key'), value: issued.key },
    { id: 'secret', label: t('lrs.secret.secret'), value: issued.secret },
  ];
  return (
    <Alert data-color="warning" className="lrs-secret" aria-labelledby="lrs-secret-heading">
      <Heading level={2} data-size="xs" id="lrs-secret-heading" ref={headingRef} tabIndex={-1}>
        {rotated ? t('lrs.secret.rotatedHeading', { name: issued.credential.name }) : t('lrs.secret.heading', { name: issued.credential.name })}
      </Heading>
      <Paragraph>{t('lrs.secret.onlyOnce')}</Paragraph>
      <dl className="facts">
        {rows.map((r) => (
          <div key={r.id}>
            <dt>{r.label}</dt>
            <dd>
              <code className="wrap-code" data-testid={`lrs-secret-${r.id}`}>
                {r.value}
              </code>
              <CopyButton value={r.value} label={r.label} />
            </dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        <Button variant="secondary" onClick={onDone}>
          {t('lrs.secret.done')}
        </Button>
      </div>
    </Alert>
  );
}
