import { Heading, Paragraph, Tabs } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { municipalitySchema } from '../../../shared/api/tenancy';
import { ROLE_SCOPES, ROLES } from '../../../shared/domain';
import { useApi } from '../../api/useApi';
import { useCurrentMunicipality } from '../../app/guards';
import { useMunicipality } from '../../app/municipality';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { LoadErrorPage } from '../../components/States';
import { flattenTree } from '../units/tree';
import { useUnits } from '../units/useUnits';
import { BenchmarkSharingSwitch } from './BenchmarkSharingSwitch';
import { MunicipalitySettingsForm } from './MunicipalitySettingsForm';
import { RoleGrants } from './RoleGrants';

const MUNICIPAL_ROLES = ROLES.filter((r) => ROLE_SCOPES[r].includes('municipality') || ROLE_SCOPES[r].includes('unit'));

export function MunicipalityAdminPage() {
  const { t } = useTranslation();
  const current = useCurrentMunicipality();
  const { can } = useMunicipality();
  const municipality = useApi(`/municipalities/${current.id}`, municipalitySchema);
  const units = useUnits(current.id);
  const unitOptions = useMemo(() => flattenTree(units.tree), [units.tree]);
  const [tab, setTab] = useState('settings');
  const title = t('admin.municipality.title');

  if (municipality.error) return <LoadErrorPage error={municipality.error} title={title} />;
  if (!municipality.data) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  const m = municipality.data;

  return (
    <Page title={title} lead={<Paragraph>{t('admin.municipality.lead', { municipality: m.name })}</Paragraph>}>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="settings">{t('admin.municipality.settingsTab')}</Tabs.Tab>
          <Tabs.Tab value="grants">{t('admin.municipality.grantsTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="settings">
          {/* Only the open tab is rendered, so labels are unique on the page. */}
          {tab === 'settings' ? (
            <>
              <Heading level={2} data-size="sm" id="municipality-settings-heading" className="tab-heading">
                {t('admin.municipality.settingsTab')}
              </Heading>
              <MunicipalitySettingsForm key={m.id} municipality={m} onSaved={municipality.setData} />
              {can.manageBenchmarkSharing ? <BenchmarkSharingSwitch key={`sharing-${m.id}`} municipalityId={m.id} /> : null}
            </>
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="grants">
          {tab === 'grants' ? (
            <>
              <Heading level={2} data-size="sm" className="tab-heading">
                {t('admin.municipality.grantsTab')}
              </Heading>
              <RoleGrants key={m.id} path={`/municipalities/${m.id}/role-grants`} roles={MUNICIPAL_ROLES} units={unitOptions} />
            </>
          ) : null}
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
