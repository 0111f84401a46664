import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { frameworkSummary } from '../../../shared/api/frameworks';
import { campaignSchema } from '../../../shared/api/mapping';
import { useApi } from '../../api/useApi';

const campaignList = z.array(campaignSchema);
const frameworkList = z.array(frameworkSummary);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** All frameworks in the library. */
export function useFrameworks() {
  return useApi('/frameworks', frameworkList);
}

/** The municipality's closed campaigns (newest first) and the frameworks they used. */
export function useClosedCampaigns(municipalityId: string) {
  const campaigns = useApi(`/municipalities/${municipalityId}/campaigns`, campaignList);
  const frameworks = useFrameworks();
  const closed = useMemo(
    () =>
      (campaigns.data ?? [])
        .filter((c) => c.status === 'closed')
        .sort((a, b) => (b.closedAt ?? b.closesAt).localeCompare(a.closedAt ?? a.closesAt)),
    [campaigns.data],
  );
  const frameworkChoices = useMemo(() => {
    const versions = new Set(closed.map((c) => c.frameworkVersionId));
    return (frameworks.data ?? []).filter((fw) => fw.versions.some((v) => versions.has(v.id)));
  }, [closed, frameworks.data]);
  return { campaigns, closed, frameworkChoices };
}

/** ?frameworkId=… in the address. */
export function useFrameworkParam(): [string | null, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('frameworkId');
  const value = raw && UUID.test(raw) ? raw : null;
  const set = (id: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set('frameworkId', id);
    else next.delete('frameworkId');
    setParams(next, { replace: true });
  };
  return [value, set];
}
