import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { personSchema } from '../../../shared/api/people';
import { anyResponse, api, type ApiError } from '../../api/client';
import { asApiError, useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { useMunicipality } from '../../app/municipality';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { LoadErrorPage, NotFoundPage } from '../../components/States';
import { SuccessMessage } from '../../components/StatusMessage';
import { flattenTree } from '../units/tree';
import { useUnits } from '../units/useUnits';
import { PersonAccount } from './PersonAccount';
import { PersonDetails } from './PersonDetails';
import { PersonForm } from './PersonForm';
import { emptyPerson, fromPerson } from './personForm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function BackLink() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/people">{t('people.backToList')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

export function NewPersonPage() {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const navigate = useNavigate();
  const units = useUnits(municipality.id);
  const options = useMemo(() => flattenTree(units.tree), [units.tree]);
  return (
    <Page title={t('people.newTitle')} lead={<BackLink />}>
      {units.loading && !units.data ? (
        <Loading />
      ) : (
        <PersonForm
          initial={emptyPerson()}
          units={options}
          submitLabel={t('people.create')}
          onSubmit={async (body) => {
            const created = await api(`/municipalities/${municipality.id}/people`, personSchema, { method: 'POST', body });
            navigate(`/people/${created.id}`, { state: { created: true } });
          }}
        />
      )}
    </Page>
  );
}

export function PersonPage() {
  const { personId = '' } = useParams();
  if (!UUID.test(personId)) return <NotFoundPage />;
  return <PersonEditor personId={personId} />;
}

function PersonEditor({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const municipality = useCurrentMunicipality();
  const { can } = useMunicipality();
  const navigate = useNavigate();
  const location = useLocation();
  const path = `/municipalities/${municipality.id}/people/${personId}`;
  const person = useApi(path, personSchema);
  const units = useUnits(municipality.id);
  const options = useMemo(() => flattenTree(units.tree), [units.tree]);
  const [saved, setSaved] = useState<string | null>(
    (location.state as { created?: boolean } | null)?.created ? t('people.created') : null,
  );
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  if (person.error) return <LoadErrorPage error={person.error} title={t('people.editTitle')} />;
  if (!person.data || (units.loading && !units.data)) {
    return (
      <Page title={t('people.editTitle')}>
        <Loading />
      </Page>
    );
  }
  const p = person.data;
  const name = `${p.givenName} ${p.familyName}`;

  const remove = async () => {
    setBusy(true);
    setDeleteError(undefined);
    try {
      await api(path, anyResponse, { method: 'DELETE' });
      navigate('/people', { replace: true });
    } catch (err) {
      setDeleteError(asApiError(err));
      setBusy(false);
    }
  };

  return (
    <Page
      title={name}
      lead={<BackLink />}
      actions={
        can.managePeople ? (
          <Button variant="secondary" data-color="danger" onClick={() => setConfirming(true)}>
            {t('people.delete')}
          </Button>
        ) : null
      }
    >
      <SuccessMessage>{saved}</SuccessMessage>
      {can.managePeople ? (
        <PersonForm
          key={`${p.id}-${JSON.stringify(p)}`}
          initial={fromPerson(p)}
          units={options}
          submitLabel={t('common.save')}
          onSubmit={async (body) => {
            const next = await api(path, personSchema, { method: 'PATCH', body });
            person.setData(next);
            setSaved(t('people.saved', { name: `${next.givenName} ${next.familyName}` }));
          }}
        />
      ) : (
        <PersonDetails person={p} unitsById={units.byId} />
      )}
      {can.createAccounts ? (
        <section aria-labelledby="person-account" className="section">
          <Heading level={2} data-size="sm" id="person-account">
            {t('people.account.title')}
          </Heading>
          <PersonAccount person={p} path={path} onCreated={() => person.reload()} />
        </section>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('people.deleteTitle', { name })}
        confirmLabel={t('people.delete')}
        busy={busy}
        onConfirm={() => void remove()}
        onClose={() => setConfirming(false)}
      >
        <>
          {deleteError ? <ErrorAlert error={deleteError} /> : null}
          <Paragraph>{t('people.deleteText')}</Paragraph>
        </>
      </ConfirmDialog>
    </Page>
  );
}
