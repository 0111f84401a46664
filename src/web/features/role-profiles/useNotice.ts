import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** A one-off notice passed in the navigation state (e.g. "created"), read once. */
export function useNotice<T>(): T | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [notice] = useState(() => (location.state as T | null) ?? null);
  // Forget it, so that reloading the page does not show it again.
  useEffect(() => {
    if (location.state) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, [location.state, location.pathname, location.search, navigate]);
  return notice;
}
