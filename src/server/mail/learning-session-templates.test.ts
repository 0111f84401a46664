import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/domain.js';
import { formatSessionTime, sessionMail, type SessionMailKind } from './learning-session-templates.js';

const vars = {
  name: 'Kari',
  title: 'Fagdag',
  // 07:00Z in June is 09:00 in Oslo (summer time).
  startsAt: new Date('2031-06-12T07:00:00Z'),
  endsAt: new Date('2031-06-12T13:30:00Z'),
  location: 'Rådhuset',
  onlineUrl: null,
  timeZone: 'Europe/Oslo',
  link: 'https://mestring.example/learning/items/x/sessions',
  position: 3,
};
const KINDS: SessionMailKind[] = ['registered', 'waitlisted', 'promoted', 'cancelled'];

describe('session e-mails', () => {
  it('exist in every language for every kind, naming the person, the event, the time and the place', () => {
    for (const language of LANGUAGES) {
      for (const kind of KINDS) {
        const mail = sessionMail(kind, language, vars);
        // No language silently falls back to another's wording.
        if (language !== 'en') expect(mail.text).not.toBe(sessionMail(kind, 'en', vars).text);
        if (language === 'nn') expect(mail.text).not.toBe(sessionMail(kind, 'nb', vars).text);
        expect(mail.subject).toContain('Fagdag');
        expect(mail.text).toContain('Kari');
        expect(mail.text).toContain('Rådhuset');
        expect(mail.text).toMatch(/09[:.]00/);
        if (kind === 'waitlisted') expect(mail.text).toContain('3');
        // A cancelled session has nothing left to open.
        expect(mail.text.includes(vars.link)).toBe(kind !== 'cancelled');
      }
    }
  });

  it('writes the time in the municipality\'s zone, not the server\'s', () => {
    expect(formatSessionTime('en', vars.startsAt, vars.endsAt, 'Europe/Oslo')).toMatch(/09:00.*15:30/);
    expect(formatSessionTime('en', vars.startsAt, vars.endsAt, 'UTC')).toMatch(/07:00.*13:30/);
  });

  it('falls back to bokmål for an unknown language, and says when no place is set yet', () => {
    const mail = sessionMail('registered', 'xx', { ...vars, location: null });
    expect(mail.subject).toBe('Påmeldt: Fagdag');
    expect(mail.text).toContain('Sted: Sted kommer senere');
  });
});
