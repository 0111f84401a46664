import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Me } from '../../shared/api/auth';
import { useAuth } from './auth';
import { type Permissions, permissionsFor } from './permissions';

export type MeMunicipality = Me['municipalities'][number];

const STORAGE_KEY = 'mestring.municipalityId';

type MunicipalityContextValue = {
  municipalities: MeMunicipality[];
  current: MeMunicipality | null;
  select: (id: string) => void;
  can: Permissions;
};

const MunicipalityContext = createContext<MunicipalityContextValue | null>(null);

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function MunicipalityProvider({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const [selectedId, setSelectedId] = useState<string | null>(readStored);
  const municipalities = useMemo(() => me?.municipalities ?? [], [me]);
  const current = municipalities.find((m) => m.id === selectedId) ?? municipalities[0] ?? null;

  const select = useCallback((id: string) => {
    setSelectedId(id);
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Storage disabled: the choice lasts for this visit only.
    }
  }, []);

  const can = useMemo(() => permissionsFor(me ?? null, current), [me, current]);
  const value = useMemo(() => ({ municipalities, current, select, can }), [municipalities, current, select, can]);
  return <MunicipalityContext.Provider value={value}>{children}</MunicipalityContext.Provider>;
}

export function useMunicipality(): MunicipalityContextValue {
  const ctx = useContext(MunicipalityContext);
  if (!ctx) throw new Error('useMunicipality outside MunicipalityProvider');
  return ctx;
}
