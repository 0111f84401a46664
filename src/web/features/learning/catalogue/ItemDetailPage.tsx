import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { catalogueItem, type CatalogueItem } from '../../../../shared/api/learning';
import { anyResponse, api, type ApiError } from '../../../api/client';
import { asApiError, useApi } from '../../../api/useApi';
import { useAuth } from '../../../app/auth';
import { useMunicipality } from '../../../app/municipality';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { LocalizedText } from '../../../components/LocalizedText';
import { Page } from '../../../components/Page';
import { LoadErrorPage, NoMunicipalityPage } from '../../../components/States';
import { SuccessMessage } from '../../../components/StatusMessage';
import { useLocalize } from '../../../i18n/localize';
import { catalogueAccess, itemPath } from './catalogueApi';
import { ItemAction } from './ItemAction';
import { ItemFacts, StatusTags } from './ItemFacts';
import './catalogue.css';

export type ItemNotice = { notice?: 'saved' };

export function BackToCatalogue() {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to="/catalogue">{t('catalogue.backToList')}</RouterLink>
      </Link>
    </Paragraph>
  );
}

/** One item: what it is, which competences it builds, and what to do with it. */
export function ItemDetailPage() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const { current } = useMunicipality();
  const { me } = useAuth();
  const { text } = useLocalize();
  const location = useLocation();
  const { data, error, loading, setData } = useApi(current ? itemPath(current.id, itemId) : null, catalogueItem);
  if (!current) return <NoMunicipalityPage title={t('catalogue.title')} />;
  if (error) return <LoadErrorPage error={error} title={t('catalogue.title')} />;
  if (loading || !data) return <Loading />;
  const notice = (location.state as ItemNotice | null)?.notice;

  return (
    <Page title={text(data.titles) || data.title} lead={<BackToCatalogue />} width="narrow" actions={data.editable ? <ManageActions item={data} /> : undefined}>
      <SuccessMessage>{notice === 'saved' ? t('catalogue.editor.saved') : null}</SuccessMessage>
      <StatusTags item={data} />
      {Object.keys(data.descriptions).length > 0 ? (
        <Paragraph className="catalogue-item__description">
          <LocalizedText value={data.descriptions} />
        </Paragraph>
      ) : null}
      <ItemFacts item={data} />
      <ItemAction item={data} learner={catalogueAccess(me, current).learner} onStatus={(myStatus) => setData({ ...data, myStatus })} />
      <section className="catalogue-item__section" aria-labelledby="item-competences">
        <Heading level={2} data-size="sm" id="item-competences">
          {t('catalogue.item.competences')}
        </Heading>
        {data.competences.length === 0 ? (
          <Paragraph>{t('catalogue.item.noCompetences')}</Paragraph>
        ) : (
          <ul className="catalogue-competences">
            {data.competences.map((c) => (
              <li key={c.code}>
                {c.name ?? c.code} <span className="muted">({c.code})</span>
                {c.level !== null ? ` – ${t('catalogue.item.toLevel', { level: c.level })}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}

/** Edit and delete, for the item's managers. A deleted item with learners is refused: archive it instead. */
function ManageActions({ item }: { item: CatalogueItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const remove = async () => {
    setBusy(true);
    try {
      await api(itemPath(item.municipalityId, item.id), anyResponse, { method: 'DELETE' });
      void navigate('/catalogue');
    } catch (err) {
      setError(asApiError(err));
      setConfirm(false);
      setBusy(false);
    }
  };
  const inUse = (error?.details as { reason?: string } | undefined)?.reason === 'ITEM_IN_USE';
  return (
    <div className="button-row">
      <Button asChild variant="secondary">
        <RouterLink to={`/learning/items/${item.id}/edit`}>{t('catalogue.edit')}</RouterLink>
      </Button>
      {item.kind === 'course' ? (
        <Button asChild variant="secondary">
          <RouterLink to={`/learning/items/${item.id}/course/edit`}>{t('course.editor.open')}</RouterLink>
        </Button>
      ) : null}
      <Button variant="tertiary" data-color="danger" onClick={() => setConfirm(true)}>
        {t('catalogue.delete')}
      </Button>
      {error ? <ErrorAlert error={error} message={inUse ? t('catalogue.deleteInUse') : undefined} /> : null}
      <ConfirmDialog open={confirm} title={t('catalogue.deleteTitle')} confirmLabel={t('catalogue.delete')} busy={busy} onConfirm={() => void remove()} onClose={() => setConfirm(false)}>
        {t('catalogue.deleteText', { title: item.title })}
      </ConfirmDialog>
    </div>
  );
}
