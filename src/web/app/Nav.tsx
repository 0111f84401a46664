import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMunicipality } from './municipality';
import { NAV_ITEMS } from './navItems';

export function Nav() {
  const { t } = useTranslation();
  const { can } = useMunicipality();
  return (
    <nav aria-label={t('nav.label')} className="app-nav">
      <ul>
        {NAV_ITEMS.filter((item) => item.visible(can)).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end className="app-nav__link">
              {t(`nav.${item.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
