import { useMemo } from 'react';
import { z } from 'zod';
import { unitSchema } from '../../../shared/api/tenancy';
import { useApi } from '../../api/useApi';
import { buildUnitTree } from './tree';

const unitList = z.array(unitSchema);

/** The municipality's units, flat and as a tree. */
export function useUnits(municipalityId: string | null) {
  const state = useApi(municipalityId ? `/municipalities/${municipalityId}/units` : null, unitList);
  const tree = useMemo(() => buildUnitTree(state.data ?? []), [state.data]);
  const byId = useMemo(() => new Map((state.data ?? []).map((u) => [u.id, u])), [state.data]);
  return { ...state, units: state.data ?? [], tree, byId };
}
