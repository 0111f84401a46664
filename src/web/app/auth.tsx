import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Me, meSchema } from '../../shared/api/auth';
import { okResponse } from '../../shared/api/common';
import { api, ApiError, onUnauthenticated, setCsrfToken } from '../api/client';
import { i18n, setLanguage, storedLanguage } from '../i18n';

type AuthContextValue = {
  /** undefined while the session is being checked; null when signed out. */
  me: Me | null | undefined;
  /** Set when GET /me failed for another reason than "not signed in". */
  error: ApiError | undefined;
  login: (email: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  setMe: (me: Me) => void;
};

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);

  const setMe = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setMeState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await api('/me', meSchema, { quietAuth: true });
      setError(undefined);
      setMe(next);
      // No choice made on this device yet: follow the account's preference.
      if (!storedLanguage()) void i18n.changeLanguage(next.user.preferredLanguage);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
        setError(undefined);
        setMe(null);
      } else {
        setError(err instanceof ApiError ? err : new ApiError(0, 'INTERNAL', String(err)));
        setMe(null);
      }
    }
  }, [setMe]);

  useEffect(() => {
    void refresh();
    return onUnauthenticated(() => setMe(null));
  }, [refresh, setMe]);

  const login = useCallback(
    async (email: string, password: string) => {
      const next = await api('/auth/login', meSchema, { method: 'POST', body: { email, password }, quietAuth: true });
      setError(undefined);
      setMe(next);
      await setLanguage(next.user.preferredLanguage);
      return next;
    },
    [setMe],
  );

  const logout = useCallback(async () => {
    try {
      await api('/auth/logout', okResponse, { method: 'POST', quietAuth: true });
    } finally {
      setMe(null);
    }
  }, [setMe]);

  const value = useMemo<AuthContextValue>(
    () => ({ me, error, login, logout, refresh, setMe }),
    [me, error, login, logout, refresh, setMe],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}
