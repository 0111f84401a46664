import type { Language } from '../../shared/domain.js';

// E-mails about classroom sessions, workshops and network meetings, in the
// recipient's language (the person's preferred language; bokmål when unknown).
// Times are written in the municipality's time zone, since that is where the
// session happens, whatever the server's own clock zone is.

export type SessionMailKind = 'registered' | 'waitlisted' | 'promoted' | 'cancelled';

export type SessionMailVars = {
  name: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  timeZone: string;
  /** The sessions page of the event. */
  link: string;
  /** Place in line, for 'waitlisted'. */
  position?: number | null;
};

type Words = {
  subject: Record<SessionMailKind, (title: string) => string>;
  hello: string;
  body: Record<SessionMailKind, (v: { title: string; position: string }) => string>;
  when: string;
  where: string;
  online: string;
  noPlace: string;
  more: string;
};

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

const WORDS: Record<Language, Words> = {
  nb: {
    subject: {
      registered: (t) => `Påmeldt: ${t}`,
      waitlisted: (t) => `Venteliste: ${t}`,
      promoted: (t) => `Du har fått plass: ${t}`,
      cancelled: (t) => `Avlyst: ${t}`,
    },
    hello: 'Hei',
    body: {
      registered: (v) => `Du er påmeldt «${v.title}».`,
      waitlisted: (v) => `Det er fullt på «${v.title}». Du står på venteliste som nummer ${v.position}, og får e-post hvis du får plass.`,
      promoted: (v) => `En plass ble ledig, og du har fått plass på «${v.title}». Du er nå påmeldt.`,
      cancelled: (v) => `«${v.title}» er dessverre avlyst. Påmeldingen din gjelder ikke lenger.`,
    },
    when: 'Tid',
    where: 'Sted',
    online: 'Nettmøte',
    noPlace: 'Sted kommer senere',
    more: 'Se detaljer eller meld deg av her',
  },
  nn: {
    subject: {
      registered: (t) => `Påmeld: ${t}`,
      waitlisted: (t) => `Venteliste: ${t}`,
      promoted: (t) => `Du har fått plass: ${t}`,
      cancelled: (t) => `Avlyst: ${t}`,
    },
    hello: 'Hei',
    body: {
      registered: (v) => `Du er påmeld «${v.title}».`,
      waitlisted: (v) => `Det er fullt på «${v.title}». Du står på venteliste som nummer ${v.position}, og får e-post om du får plass.`,
      promoted: (v) => `Ein plass vart ledig, og du har fått plass på «${v.title}». Du er no påmeld.`,
      cancelled: (v) => `«${v.title}» er dessverre avlyst. Påmeldinga di gjeld ikkje lenger.`,
    },
    when: 'Tid',
    where: 'Stad',
    online: 'Nettmøte',
    noPlace: 'Stad kjem seinare',
    more: 'Sjå detaljar eller meld deg av her',
  },
  sv: {
    subject: {
      registered: (t) => `Anmäld: ${t}`,
      waitlisted: (t) => `Reservlista: ${t}`,
      promoted: (t) => `Du har fått en plats: ${t}`,
      cancelled: (t) => `Inställt: ${t}`,
    },
    hello: 'Hej',
    body: {
      registered: (v) => `Du är anmäld till ”${v.title}”.`,
      waitlisted: (v) => `”${v.title}” är fullbokat. Du står som nummer ${v.position} på reservlistan och får ett mejl om du får en plats.`,
      promoted: (v) => `En plats blev ledig och du har fått en plats på ”${v.title}”. Du är nu anmäld.`,
      cancelled: (v) => `”${v.title}” är tyvärr inställt. Din anmälan gäller inte längre.`,
    },
    when: 'Tid',
    where: 'Plats',
    online: 'Onlinemöte',
    noPlace: 'Plats meddelas senare',
    more: 'Se detaljer eller avanmäl dig här',
  },
  da: {
    subject: {
      registered: (t) => `Tilmeldt: ${t}`,
      waitlisted: (t) => `Venteliste: ${t}`,
      promoted: (t) => `Du har fået en plads: ${t}`,
      cancelled: (t) => `Aflyst: ${t}`,
    },
    hello: 'Hej',
    body: {
      registered: (v) => `Du er tilmeldt »${v.title}«.`,
      waitlisted: (v) => `»${v.title}« er fuldt booket. Du står som nummer ${v.position} på ventelisten og får en e-mail, hvis du får en plads.`,
      promoted: (v) => `En plads blev ledig, og du har fået en plads på »${v.title}«. Du er nu tilmeldt.`,
      cancelled: (v) => `»${v.title}« er desværre aflyst. Din tilmelding gælder ikke længere.`,
    },
    when: 'Tidspunkt',
    where: 'Sted',
    online: 'Onlinemøde',
    noPlace: 'Sted følger senere',
    more: 'Se detaljer eller afmeld dig her',
  },
  en: {
    subject: {
      registered: (t) => `Signed up: ${t}`,
      waitlisted: (t) => `Waiting list: ${t}`,
      promoted: (t) => `You have a seat: ${t}`,
      cancelled: (t) => `Cancelled: ${t}`,
    },
    hello: 'Hello',
    body: {
      registered: (v) => `You are signed up for "${v.title}".`,
      waitlisted: (v) => `"${v.title}" is full. You are number ${v.position} on the waiting list and will get an e-mail if a seat becomes free.`,
      promoted: (v) => `A seat became free and you now have a seat at "${v.title}". You are signed up.`,
      cancelled: (v) => `Unfortunately "${v.title}" has been cancelled. Your sign-up no longer applies.`,
    },
    when: 'When',
    where: 'Where',
    online: 'Online meeting',
    noPlace: 'Place to be announced',
    more: 'See the details or leave the session here',
  },
};

export function languageOf(language: string): Language {
  return (language in WORDS ? language : 'nb') as Language;
}

/** "Thursday 12 June 2025, 09:00–15:30" in the recipient's locale and the municipality's zone. */
export function formatSessionTime(language: string, startsAt: Date, endsAt: Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat(LOCALES[languageOf(language)], { dateStyle: 'full', timeStyle: 'short', timeZone });
  return format.formatRange(startsAt, endsAt);
}

export function sessionMail(kind: SessionMailKind, language: string, v: SessionMailVars): { subject: string; text: string } {
  const lang = languageOf(language);
  const w = WORDS[lang];
  const place = [v.location ? `${w.where}: ${v.location}` : null, v.onlineUrl ? `${w.online}: ${v.onlineUrl}` : null].filter(Boolean);
  const lines = [
    `${w.hello} ${v.name},`,
    '',
    w.body[kind]({ title: v.title, position: String(v.position ?? '') }),
    '',
    `${w.when}: ${formatSessionTime(lang, v.startsAt, v.endsAt, v.timeZone)}`,
    ...(place.length > 0 ? place : [`${w.where}: ${w.noPlace}`]),
    ...(kind === 'cancelled' ? [] : ['', `${w.more}:`, v.link]),
  ];
  return { subject: w.subject[kind](v.title), text: lines.join('\n') };
}
