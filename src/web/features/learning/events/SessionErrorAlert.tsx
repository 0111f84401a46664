import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { conflictReason } from './sessionsApi';

/** An API error, worded by its 409 reason when it has one (session started, cancelled …). */
export function SessionErrorAlert({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const reason = conflictReason(error);
  return <ErrorAlert error={error} message={reason ? t(`sessions.conflicts.${reason}` as never, { defaultValue: t(`errors.${error.code}`) }) : undefined} />;
}
