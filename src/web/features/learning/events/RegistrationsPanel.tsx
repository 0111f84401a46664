import { Button, Checkbox, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionRegistrationsResponse, type LearningSession, type SessionRegistration } from '../../../../shared/api/learning-sessions';
import type { ApiError } from '../../../api/client';
import { asApiError, useApi } from '../../../api/useApi';
import { Loading } from '../../../components/Loading';
import { SuccessMessage } from '../../../components/StatusMessage';
import { TableScroll } from '../../../components/TableScroll';
import { SessionErrorAlert } from './SessionErrorAlert';
import { registrationsPath, saveAttendance } from './sessionsApi';

/**
 * Who signed up for a session, and (once it has started) an attendance sheet:
 * ticked people attended, the rest of the list did not.
 */
export function RegistrationsPanel({ municipalityId, session, label }: { municipalityId: string; session: LearningSession; label: string }) {
  const { t } = useTranslation();
  const { data, error, loading, setData } = useApi(registrationsPath(municipalityId, session.id), sessionRegistrationsResponse);
  const [ticked, setTicked] = useState<Set<string> | null>(null);
  const [saveError, setSaveError] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (loading) return <Loading />;
  if (error) return <SessionErrorAlert error={error} />;
  if (!data) return null;
  const people = data.registrations.filter((r) => r.status !== 'cancelled');
  if (people.length === 0) return <Paragraph>{t('sessions.registrations.empty')}</Paragraph>;

  const started = session.state === 'ongoing' || session.state === 'past';
  const attended = ticked ?? new Set(people.filter((r) => r.attended === true).map((r) => r.personId));
  const toggle = (personId: string, on: boolean) => {
    const next = new Set(attended);
    if (on) next.add(personId);
    else next.delete(personId);
    setTicked(next);
    setSaved(null);
  };
  const statusText = (r: SessionRegistration) =>
    r.status === 'waitlisted' ? t('sessions.registrations.statuses.waitlisted', { position: r.waitlistPosition }) : t(`sessions.registrations.statuses.${r.status}`);

  const save = async () => {
    setBusy(true);
    setSaveError(undefined);
    try {
      const ids = people.map((r) => r.personId);
      const result = await saveAttendance(municipalityId, session.id, { attended: ids.filter((id) => attended.has(id)), absent: ids.filter((id) => !attended.has(id)) });
      setData({ ...data, registrations: result.registrations });
      setTicked(null);
      setSaved(t('sessions.registrations.saved', { count: result.newCompletions }));
    } catch (err) {
      setSaveError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="session-registrations">
      <TableScroll label={label}>
        <Table data-size="sm" className="data-table">
          <caption>{t('sessions.registrations.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('sessions.registrations.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('sessions.registrations.status')}</Table.HeaderCell>
              {started ? <Table.HeaderCell>{t('sessions.registrations.attended')}</Table.HeaderCell> : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {people.map((r) => (
              <Table.Row key={r.personId}>
                <Table.Cell>{r.name}</Table.Cell>
                <Table.Cell>{statusText(r)}</Table.Cell>
                {started ? (
                  <Table.Cell>
                    <Checkbox
                      aria-label={t('sessions.registrations.attendedLabel', { name: r.name })}
                      checked={attended.has(r.personId)}
                      onChange={(e) => toggle(r.personId, e.target.checked)}
                    />
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      {started ? (
        <>
          {saveError ? <SessionErrorAlert error={saveError} /> : null}
          <Paragraph data-size="sm">{t('sessions.registrations.keepsCompletion')}</Paragraph>
          <div className="button-row">
            <Button onClick={() => void save()} loading={busy} disabled={busy}>
              {t('sessions.registrations.save')}
            </Button>
          </div>
          <SuccessMessage>{saved}</SuccessMessage>
        </>
      ) : (
        <Paragraph data-size="sm">{t('sessions.registrations.notStarted')}</Paragraph>
      )}
    </div>
  );
}
