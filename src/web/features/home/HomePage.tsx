import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useMe } from '../../app/auth';
import { useMunicipality } from '../../app/municipality';
import { NAV_ITEMS } from '../../app/navItems';
import { Page } from '../../components/Page';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const { current, can } = useMunicipality();
  const links = NAV_ITEMS.filter((item) => item.key !== 'home' && item.visible(can));

  return (
    <Page
      title={t('home.title', { name: me.user.displayName })}
      lead={
        <Paragraph>
          {current ? t('home.leadMunicipality', { municipality: current.name }) : t('home.lead')}
        </Paragraph>
      }
    >
      <section aria-labelledby="home-tasks">
        <Heading level={2} data-size="sm" id="home-tasks">
          {t('home.whatYouCanDo')}
        </Heading>
        <ul className="card-grid">
          {links.map((item) => (
            <li key={item.to}>
              <Card data-color="neutral" className="link-card">
                <Heading level={3} data-size="xs">
                  <Link asChild>
                    <RouterLink to={item.to}>{t(`nav.${item.key}`)}</RouterLink>
                  </Link>
                </Heading>
                <Paragraph data-size="sm">{t(`home.describe.${item.key}`)}</Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      {me.grants.length > 0 ? (
        <section aria-labelledby="home-roles">
          <Heading level={2} data-size="sm" id="home-roles">
            {t('home.yourRoles')}
          </Heading>
          <ul className="tag-list">
            {me.grants.map((g) => (
              <li key={g.id}>
                <Tag data-color="info">
                  {g.scopeName ? t('home.roleIn', { role: t(`roles.${g.role}`), scope: g.scopeName }) : t(`roles.${g.role}`)}
                </Tag>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
