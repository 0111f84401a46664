import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { catalogueItem } from '../../../../shared/api/learning';
import type { Language } from '../../../../shared/domain';
import { useApi } from '../../../api/useApi';
import { useAuth } from '../../../app/auth';
import { useMunicipality } from '../../../app/municipality';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { ForbiddenPage, LoadErrorPage, NoMunicipalityPage } from '../../../components/States';
import { useLocalize } from '../../../i18n/localize';
import { useFrameworks } from '../../frameworks/frameworkApi';
import { canCreate, catalogueAccess, itemPath } from './catalogueApi';
import { BackToCatalogue } from './ItemDetailPage';
import { ItemEditorForm } from './ItemEditorForm';
import { emptyValues, valuesOf } from './itemForm';
import './catalogue.css';

/** /catalogue/new: a new item, owned by the municipality (or the network, for its coordinators). */
export function NewItemPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { current } = useMunicipality();
  const { lng } = useLocalize();
  const frameworks = useFrameworks();
  const title = t('catalogue.editor.newTitle');
  if (!current) return <NoMunicipalityPage title={title} />;
  const access = catalogueAccess(me, current);
  if (!canCreate(access)) return <ForbiddenPage />;
  if (frameworks.error) return <LoadErrorPage error={frameworks.error} title={title} />;
  return (
    <Page title={title} lead={<BackToCatalogue />} width="narrow">
      {frameworks.data ? (
        <ItemEditorForm municipalityId={current.id} access={access} frameworks={frameworks.data} initial={emptyValues(lng as Language, access.manageOwn ? 'municipality' : 'network')} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

/** /learning/items/:itemId/edit, for the item's managers. */
export function EditItemPage() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const { me } = useAuth();
  const { current } = useMunicipality();
  const item = useApi(current ? itemPath(current.id, itemId) : null, catalogueItem);
  const frameworks = useFrameworks();
  const title = t('catalogue.editor.editTitle');
  if (!current) return <NoMunicipalityPage title={title} />;
  const failed = item.error ?? frameworks.error;
  if (failed) return <LoadErrorPage error={failed} title={title} />;
  if (!item.data || !frameworks.data) return <Loading />;
  if (!item.data.editable) return <ForbiddenPage />;
  return (
    <Page title={title} lead={<BackToCatalogue />} width="narrow">
      <ItemEditorForm key={item.data.updatedAt} municipalityId={current.id} access={catalogueAccess(me, current)} frameworks={frameworks.data} initial={valuesOf(item.data)} item={item.data} />
    </Page>
  );
}
