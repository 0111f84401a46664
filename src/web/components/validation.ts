import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiError } from '../api/client';

/** Messages keyed by field path ("email", "unitIds"); "" for the form as a whole. */
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

function message(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('validation.required') : t('validation.tooShort', { min });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.chooseAtLeast', { min });
      return t('validation.tooSmall', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.tooLong', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.chooseAtMost', { max });
      return t('validation.tooLarge', { max });
    }
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.format');
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? t('validation.number') : t('validation.required');
    case 'invalid_value':
      return t('validation.choose');
    default:
      return t('validation.invalid');
  }
}

/** Translate client-side zod issues into messages per field. */
export function zodFieldErrors(error: z.ZodError, t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = message(issue, t);
  }
  return out;
}

/** Field messages from a VALIDATION error returned by the server. */
export function serverFieldErrors(error: ApiError): FieldErrors {
  return error.code === 'VALIDATION' ? error.fieldIssues() : {};
}

/** Move focus to the first invalid field once the messages are rendered. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}
