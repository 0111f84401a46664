import { Textfield } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../shared/api/auth';

export type NewPasswordValue = { password: string; confirm: string };

export function validateNewPassword(value: NewPasswordValue, t: TFunction): Partial<Record<keyof NewPasswordValue, string>> {
  const errors: Partial<Record<keyof NewPasswordValue, string>> = {};
  if (value.password.length < PASSWORD_MIN_LENGTH) errors.password = t('validation.tooShort', { min: PASSWORD_MIN_LENGTH });
  else if (value.password.length > 256) errors.password = t('validation.tooLong', { max: 256 });
  if (value.confirm !== value.password) errors.confirm = t('auth.passwordMismatch');
  return errors;
}

type Props = {
  value: NewPasswordValue;
  errors: Partial<Record<keyof NewPasswordValue, string>>;
  onChange: (value: NewPasswordValue) => void;
};

/** "New password" and "Repeat new password" with the length rule as description. */
export function NewPasswordFields({ value, errors, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield
        label={t('auth.fields.newPassword')}
        description={t('auth.passwordRule', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        error={errors.password}
        required
      />
      <Textfield
        label={t('auth.fields.confirmPassword')}
        type="password"
        autoComplete="new-password"
        value={value.confirm}
        onChange={(e) => onChange({ ...value, confirm: e.target.value })}
        error={errors.confirm}
        required
      />
    </>
  );
}
