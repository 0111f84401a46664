import type { CreateSessionBody, LearningSession } from '../../../../shared/api/learning-sessions';
import { fromLocalInput, toLocalInput } from './sessionTime';

// The session form's values as typed, their checks (translation keys per
// field), and the request body they make.

export type SessionFormValues = { startsAt: string; endsAt: string; location: string; onlineUrl: string; capacity: string };

export const emptySessionForm = (): SessionFormValues => ({ startsAt: '', endsAt: '', location: '', onlineUrl: '', capacity: '' });

export const sessionFormFrom = (s: LearningSession): SessionFormValues => ({
  startsAt: toLocalInput(s.startsAt),
  endsAt: toLocalInput(s.endsAt),
  location: s.location ?? '',
  onlineUrl: s.onlineUrl ?? '',
  capacity: s.capacity === null ? '' : String(s.capacity),
});

export type SessionFormProblem = 'validation.required' | 'sessions.form.endBeforeStart' | 'sessions.form.httpsOnly' | 'sessions.form.wholeNumber';

/** Problems per field; the server checks everything again (and that the start is in the future). */
export function checkSessionForm(v: SessionFormValues): Partial<Record<keyof SessionFormValues, SessionFormProblem>> {
  const out: Partial<Record<keyof SessionFormValues, SessionFormProblem>> = {};
  const start = fromLocalInput(v.startsAt);
  const end = fromLocalInput(v.endsAt);
  if (!start) out.startsAt = 'validation.required';
  if (!end) out.endsAt = 'validation.required';
  else if (start && end <= start) out.endsAt = 'sessions.form.endBeforeStart';
  const url = v.onlineUrl.trim();
  if (url && !/^https:\/\/[^\s/]+\.[^\s]+$/i.test(url)) out.onlineUrl = 'sessions.form.httpsOnly';
  const capacity = v.capacity.trim();
  if (capacity && !(/^\d+$/.test(capacity) && Number(capacity) >= 1 && Number(capacity) <= 100_000)) out.capacity = 'sessions.form.wholeNumber';
  return out;
}

/** The request body for checked values; empty optional fields become null (no place, no link, no limit). */
export function sessionBody(v: SessionFormValues): CreateSessionBody {
  return {
    startsAt: fromLocalInput(v.startsAt)!,
    endsAt: fromLocalInput(v.endsAt)!,
    location: v.location.trim() || null,
    onlineUrl: v.onlineUrl.trim() || null,
    capacity: v.capacity.trim() ? Number(v.capacity.trim()) : null,
  };
}
