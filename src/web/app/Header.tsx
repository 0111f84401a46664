import { Button } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MunicipalityPicker } from './MunicipalityPicker';
import { Nav } from './Nav';

export function Header() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Close the phone menu after navigating.
  useEffect(() => setOpen(false), [location.pathname]);

  const signOut = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <header className="app-header">
      <div className="app-header__bar">
        <RouterLink to="/" className="app-header__brand">
          {t('app.name')}
        </RouterLink>
        <div className="app-header__bar-tools">
          <LanguageSwitcher />
          {me ? (
            <Button
              ref={buttonRef}
              variant="secondary"
              data-size="sm"
              className="app-header__menu-button"
              aria-expanded={open}
              aria-controls="app-menu"
              onClick={() => setOpen((v) => !v)}
            >
              {open ? t('header.closeMenu') : t('header.menu')}
            </Button>
          ) : null}
        </div>
      </div>
      {me ? (
        <div
          id="app-menu"
          className="app-header__menu"
          data-open={open}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && open) {
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          <Nav />
          <div className="app-header__tools">
            <MunicipalityPicker />
            <span className="app-header__user" data-testid="signed-in-user">
              {me.user.displayName}
            </span>
            <Button variant="tertiary" data-size="sm" onClick={() => void signOut()}>
              {t('header.signOut')}
            </Button>
          </div>
        </div>
      ) : null}
    </header>
  );
}
