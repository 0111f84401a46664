import { describe, expect, it } from 'vitest';
import { checkSessionForm, emptySessionForm, sessionBody, sessionFormFrom } from './sessionForm';
import { fromLocalInput, toLocalInput } from './sessionTime';

const filled = { ...emptySessionForm(), startsAt: '2031-06-12T09:00', endsAt: '2031-06-12T15:30' };

describe('the session form', () => {
  it('needs a start and an end after it', () => {
    expect(checkSessionForm(emptySessionForm())).toEqual({ startsAt: 'validation.required', endsAt: 'validation.required' });
    expect(checkSessionForm({ ...filled, endsAt: '2031-06-12T08:00' })).toEqual({ endsAt: 'sessions.form.endBeforeStart' });
    expect(checkSessionForm(filled)).toEqual({});
  });

  it('takes only https meeting links and whole seat numbers of at least 1', () => {
    expect(checkSessionForm({ ...filled, onlineUrl: 'http://meet.example.org/a' }).onlineUrl).toBe('sessions.form.httpsOnly');
    expect(checkSessionForm({ ...filled, onlineUrl: 'https://meet.example.org/a' }).onlineUrl).toBeUndefined();
    for (const bad of ['0', '2.5', '-3', 'ti']) expect(checkSessionForm({ ...filled, capacity: bad }).capacity, bad).toBe('sessions.form.wholeNumber');
    expect(checkSessionForm({ ...filled, capacity: '12' }).capacity).toBeUndefined();
  });

  it('sends empty optional fields as null and local times as instants', () => {
    const body = sessionBody({ ...filled, location: '  ', capacity: '' });
    expect(body).toEqual({ startsAt: new Date('2031-06-12T09:00').toISOString(), endsAt: new Date('2031-06-12T15:30').toISOString(), location: null, onlineUrl: null, capacity: null });
  });

  it('round-trips a saved session through the inputs', () => {
    const iso = new Date('2031-06-12T09:00').toISOString();
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    const values = sessionFormFrom({ startsAt: iso, endsAt: iso, location: null, onlineUrl: 'https://x.example/m', capacity: 4 } as never);
    expect(values).toMatchObject({ location: '', onlineUrl: 'https://x.example/m', capacity: '4' });
  });
});
