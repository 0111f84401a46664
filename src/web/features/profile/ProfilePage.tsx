import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { ChangePasswordForm } from './ChangePasswordForm';
import { ProfileForm } from './ProfileForm';

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('profile.title')} width="narrow">
      <section aria-labelledby="profile-details" className="section">
        <Heading level={2} data-size="sm" id="profile-details">
          {t('profile.details')}
        </Heading>
        <ProfileForm />
      </section>
      <section aria-labelledby="profile-password" className="section">
        <Heading level={2} data-size="sm" id="profile-password">
          {t('profile.changePassword')}
        </Heading>
        <ChangePasswordForm />
      </section>
    </Page>
  );
}
