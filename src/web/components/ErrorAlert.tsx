import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';

/** An API error as a danger alert, worded from its stable code. */
export function ErrorAlert({ error, title, message }: { error: ApiError; title?: string; message?: string }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" role="alert">
      {title ? (
        <Heading level={2} data-size="xs">
          {title}
        </Heading>
      ) : null}
      <Paragraph>{message ?? t(`errors.${error.code}`)}</Paragraph>
    </Alert>
  );
}
