import { Button, Fieldset, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { assignmentSchema, type AssignmentTarget, type AssignmentTargetKind } from '../../../../shared/api/assignments';
import { cataloguePage } from '../../../../shared/api/learning';
import { api, type ApiError } from '../../../api/client';
import { asApiError } from '../../../api/useApi';
import { useMe } from '../../../app/auth';
import { useMunicipality } from '../../../app/municipality';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Page } from '../../../components/Page';
import { ForbiddenPage, NoMunicipalityPage } from '../../../components/States';
import { assignAccess, assignmentsPath } from './assignmentsApi';
import { SearchPicker } from './SearchPicker';
import { TargetPicker } from './TargetPicker';
import './assignments.css';

type Deadline = 'none' | 'date' | 'days';

/** Assign a published item to a person, a unit, a profession or a role profile. */
export function NewAssignmentPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { current } = useMunicipality();
  const access = assignAccess(me, current);
  const [itemId, setItemId] = useState<string | null>(null);
  const [kind, setKind] = useState<AssignmentTargetKind>('unit');
  const [target, setTarget] = useState<AssignmentTarget | null>(null);
  const [deadline, setDeadline] = useState<Deadline>('date');
  const [dueDate, setDueDate] = useState('');
  const [dueDays, setDueDays] = useState('30');
  const [recurrence, setRecurrence] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  if (!current) return <NoMunicipalityPage title={t('assignments.newTitle')} />;
  if (!access.any) return <ForbiddenPage />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!itemId) found.item = t('assignments.form.chooseItem');
    if (!target) found.target = t('assignments.form.chooseTarget');
    if (deadline === 'date' && !dueDate) found.dueDate = t('assignments.form.giveDate');
    const days = Number(dueDays);
    if (deadline === 'days' && !(Number.isInteger(days) && days >= 1 && days <= 3650)) found.dueDays = t('assignments.form.daysRange');
    const months = recurrence.trim() === '' ? null : Number(recurrence);
    if (months !== null && !(Number.isInteger(months) && months >= 1 && months <= 120)) found.recurrence = t('assignments.form.monthsRange');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await api(assignmentsPath(current.id), assignmentSchema, {
        method: 'POST',
        body: {
          itemId,
          target,
          dueDate: deadline === 'date' ? dueDate : null,
          dueDays: deadline === 'days' ? days : null,
          recurrenceMonths: months,
          note: note.trim() || null,
        },
      });
      navigate(`/learning/assignments/${created.id}`);
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <Page title={t('assignments.newTitle')} width="narrow">
      <form className="assignment-form" onSubmit={(e) => void submit(e)} noValidate>
        <SearchPicker
          name="item"
          legend={t('assignments.form.item')}
          searchLabel={t('assignments.form.itemSearch')}
          help={t('assignments.form.itemHelp')}
          emptyText={t('assignments.form.noItems')}
          path={`/municipalities/${current.id}/learning/items`}
          schema={cataloguePage}
          query={(q) => ({ q: q || undefined, status: 'published', pageSize: 10 })}
          options={(page) => page.items.map((item) => ({ id: item.id, label: item.title, detail: t(`catalogue.kinds.${item.kind}`) }))}
          value={itemId}
          onChange={(id) => setItemId(id)}
          error={problems.item}
        />
        <TargetPicker
          municipalityId={current.id}
          access={access}
          kind={kind}
          target={target}
          onKind={(k) => {
            setKind(k);
            setTarget(null);
          }}
          onTarget={setTarget}
          error={problems.target}
        />
        <Fieldset>
          <Fieldset.Legend>{t('assignments.form.deadline')}</Fieldset.Legend>
          {(['date', 'days', 'none'] as const).map((d) => (
            <Radio key={d} name="deadline" value={d} label={t(`assignments.form.deadlineKinds.${d}`)} checked={deadline === d} onChange={() => setDeadline(d)} />
          ))}
        </Fieldset>
        {deadline === 'date' ? <Textfield label={t('assignments.form.dueDate')} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} error={problems.dueDate} /> : null}
        {deadline === 'days' ? (
          <Textfield label={t('assignments.form.dueDays')} description={t('assignments.form.dueDaysHelp')} type="number" inputMode="numeric" min={1} max={3650} value={dueDays} onChange={(e) => setDueDays(e.target.value)} error={problems.dueDays} />
        ) : null}
        <Textfield label={t('assignments.form.recurrence')} description={t('assignments.form.recurrenceHelp')} type="number" inputMode="numeric" min={1} max={120} value={recurrence} onChange={(e) => setRecurrence(e.target.value)} error={problems.recurrence} />
        <Textfield label={t('assignments.form.note')} multiline rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        {error ? <ErrorAlert error={error} title={t('assignments.form.failed')} /> : null}
        <div className="button-row">
          <Button type="submit" loading={busy} disabled={busy}>
            {t('assignments.form.save')}
          </Button>
          <Button asChild variant="secondary">
            <RouterLink to="/learning/assignments">{t('common.cancel')}</RouterLink>
          </Button>
        </div>
        <Paragraph data-size="sm" className="muted">
          {t('assignments.form.reminderInfo')}
        </Paragraph>
      </form>
    </Page>
  );
}
