import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { municipalitySchema, networkSchema } from '../../../shared/api/tenancy';
import { ROLE_SCOPES, ROLES } from '../../../shared/domain';
import { useApi } from '../../api/useApi';
import { useMunicipality } from '../../app/municipality';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { EmptyState, LoadErrorPage } from '../../components/States';
import { SelectField } from '../../components/SelectField';
import { CreateNetworkForm } from './CreateNetworkForm';
import { NetworkMunicipalities } from './NetworkMunicipalities';
import { NetworkNameForm } from './NetworkNameForm';
import { RoleGrants } from './RoleGrants';

const networkList = z.array(networkSchema);
const networkDetail = networkSchema.extend({ municipalities: z.array(municipalitySchema) });
const NETWORK_ROLES = ROLES.filter((r) => ROLE_SCOPES[r].includes('network'));

export function NetworkAdminPage() {
  const { t } = useTranslation();
  const { current, can } = useMunicipality();
  const networks = useApi('/networks', networkList);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = networks.data ?? [];
  const networkId = list.find((n) => n.id === chosen)?.id ?? list.find((n) => n.id === current?.networkId)?.id ?? list[0]?.id ?? null;
  const detail = useApi(networkId ? `/networks/${networkId}` : null, networkDetail);
  const title = t('admin.network.title');

  if (networks.error) return <LoadErrorPage error={networks.error} title={title} />;
  if (detail.error) return <LoadErrorPage error={detail.error} title={title} />;

  return (
    <Page title={title} lead={<Paragraph>{t('admin.network.lead')}</Paragraph>}>
      {networks.loading && !networks.data ? <Loading /> : null}
      {networks.data && list.length === 0 ? <EmptyState>{t('admin.network.none')}</EmptyState> : null}
      {list.length > 1 ? (
        <SelectField label={t('admin.network.choose')} value={networkId ?? ''} onChange={(e) => setChosen(e.target.value)} className="narrow-field">
          {list.map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {networkId && !detail.data ? <Loading /> : null}
      {detail.data ? (
        <>
          <section aria-labelledby="network-settings-heading" className="section">
            <Heading level={2} data-size="sm" id="network-settings-heading">
              {t('admin.network.settings', { name: detail.data.name })}
            </Heading>
            <NetworkNameForm
              key={detail.data.id}
              networkId={detail.data.id}
              name={detail.data.name}
              onSaved={(name) => {
                if (detail.data) detail.setData({ ...detail.data, name });
                networks.reload();
              }}
            />
          </section>
          <section aria-labelledby="network-municipalities-heading" className="section">
            <Heading level={2} data-size="sm" id="network-municipalities-heading">
              {t('admin.network.municipalities')}
            </Heading>
            <NetworkMunicipalities municipalities={detail.data.municipalities} />
          </section>
          <section aria-labelledby="network-grants-heading" className="section">
            <Heading level={2} data-size="sm" id="network-grants-heading">
              {t('admin.network.grants')}
            </Heading>
            <RoleGrants
              key={detail.data.id}
              path={`/networks/${detail.data.id}/role-grants`}
              roles={NETWORK_ROLES}
              readOnly={!can.manageNetworkGrants}
            />
          </section>
        </>
      ) : null}
      {can.createNetwork ? (
        <section aria-labelledby="create-network-heading" className="section">
          <Heading level={2} data-size="sm" id="create-network-heading">
            {t('admin.network.createTitle')}
          </Heading>
          <CreateNetworkForm
            onCreated={(n) => {
              setChosen(n.id);
              networks.reload();
            }}
          />
        </section>
      ) : null}
    </Page>
  );
}
