import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paged } from '../../../shared/api/common';
import { personSchema } from '../../../shared/api/people';
import { api } from '../../api/client';
import { SelectField } from '../../components/SelectField';
import type { FieldErrors } from '../../components/validation';

export type StatementFilterValues = { personId: string; email: string; activityId: string; verbId: string; from: string; to: string };
export const EMPTY_STATEMENT_FILTERS: StatementFilterValues = { personId: '', email: '', activityId: '', verbId: '', from: '', to: '' };

const peoplePage = paged(personSchema);
type PersonOption = { id: string; label: string };

/**
 * Filter form. A person is found by name or employee number and chosen from
 * the matches; or give an e-mail address for learners content names by mbox.
 */
export function StatementFilters({ municipalityId, values, errors, onApply }: { municipalityId: string; values: StatementFilterValues; errors: FieldErrors; onApply: (v: StatementFilterValues) => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState(values);
  const [search, setSearch] = useState('');
  const [people, setPeople] = useState<PersonOption[] | null>(null);
  const [searching, setSearching] = useState(false);

  const findPeople = async () => {
    setSearching(true);
    try {
      const page = await api(`/municipalities/${municipalityId}/people`, peoplePage, { query: { q: search.trim(), pageSize: 50, active: 'all' } });
      setPeople(page.items.map((p) => ({ id: p.id, label: `${p.givenName} ${p.familyName} (${p.employeeNumber})` })));
    } catch {
      setPeople([]);
    } finally {
      setSearching(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...v, email: v.email.trim(), activityId: v.activityId.trim(), verbId: v.verbId.trim() });
  };
  const clear = () => {
    setV(EMPTY_STATEMENT_FILTERS);
    setSearch('');
    setPeople(null);
    onApply(EMPTY_STATEMENT_FILTERS);
  };

  return (
    <form role="search" className="filters" onSubmit={submit} aria-label={t('lrs.statements.filters.label')} noValidate>
      <div className="filters__search">
        <Textfield
          label={t('lrs.statements.filters.personSearch')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            // Enter looks people up instead of applying the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              void findPeople();
            }
          }}
        />
        <Button variant="secondary" onClick={() => void findPeople()} loading={searching} disabled={searching}>
          {t('lrs.statements.filters.findPerson')}
        </Button>
      </div>
      <SelectField label={t('lrs.statements.filters.person')} value={v.personId} error={errors.personId} onChange={(e) => setV({ ...v, personId: e.target.value })}>
        <option value="">{t('lrs.statements.filters.anyPerson')}</option>
        {v.personId && !people?.some((p) => p.id === v.personId) ? <option value={v.personId}>{t('lrs.statements.filters.chosenPerson')}</option> : null}
        {(people ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <span role="status" aria-live="polite" className="visually-hidden">
        {people ? t('lrs.statements.filters.peopleFound', { count: people.length }) : ''}
      </span>
      <Textfield label={t('lrs.statements.filters.email')} type="email" value={v.email} error={errors.email} onChange={(e) => setV({ ...v, email: e.target.value })} />
      <Textfield label={t('lrs.statements.filters.activity')} description={t('lrs.statements.filters.iriHelp')} value={v.activityId} error={errors.activityId} onChange={(e) => setV({ ...v, activityId: e.target.value })} />
      <Textfield label={t('lrs.statements.filters.verb')} description={t('lrs.statements.filters.iriHelp')} value={v.verbId} error={errors.verbId} onChange={(e) => setV({ ...v, verbId: e.target.value })} />
      <Textfield label={t('lrs.statements.filters.from')} type="date" value={v.from} error={errors.since} onChange={(e) => setV({ ...v, from: e.target.value })} />
      <Textfield label={t('lrs.statements.filters.to')} type="date" value={v.to} error={errors.until} onChange={(e) => setV({ ...v, to: e.target.value })} />
      <div className="button-row filters__buttons">
        <Button type="submit">{t('lrs.statements.filters.apply')}</Button>
        <Button variant="secondary" onClick={clear}>
          {t('lrs.statements.filters.clear')}
        </Button>
      </div>
    </form>
  );
}

/** Query parameters for the browser and the exports; days are local calendar days. */
export function statementQuery(v: StatementFilterValues, lang: string): Record<string, string | undefined> {
  const day = (value: string, next: boolean) => {
    if (!value) return undefined;
    const d = new Date(`${value}T00:00:00`);
    if (Number.isNaN(d.getTime())) return undefined;
    if (next) d.setDate(d.getDate() + 1);
    // since is exclusive: start a millisecond before midnight so midnight itself counts.
    else d.setTime(d.getTime() - 1);
    return d.toISOString();
  };
  return {
    personId: v.personId || undefined,
    email: v.email || undefined,
    activityId: v.activityId || undefined,
    verbId: v.verbId || undefined,
    // since is exclusive and until inclusive on the server (as in xAPI): from the start of the first day to the end of the last.
    since: day(v.from, false),
    until: day(v.to, true),
    lang,
  };
}
