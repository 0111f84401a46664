import type { Language } from '../../shared/domain.js';

type Template = (vars: { link: string; name: string }) => { subject: string; text: string };

// Mail goes out in the recipient's preferred language.
const RESET: Record<Language, Template> = {
  nb: ({ link, name }) => ({ subject: 'Tilbakestill passordet ditt i Mestring', text: `Hei ${name},\n\nNoen ba om å tilbakestille passordet ditt. Åpne lenken innen én time:\n${link}\n\nHvis det ikke var deg, kan du se bort fra denne e-posten.` }),
  nn: ({ link, name }) => ({ subject: 'Tilbakestill passordet ditt i Mestring', text: `Hei ${name},\n\nNokon bad om å tilbakestille passordet ditt. Opna lenkja innan éin time:\n${link}\n\nViss det ikkje var deg, kan du sjå bort frå denne e-posten.` }),
  sv: ({ link, name }) => ({ subject: 'Återställ ditt lösenord i Mestring', text: `Hej ${name},\n\nNågon bad om att återställa ditt lösenord. Öppna länken inom en timme:\n${link}\n\nOm det inte var du kan du bortse från det här mejlet.` }),
  da: ({ link, name }) => ({ subject: 'Nulstil din adgangskode i Mestring', text: `Hej ${name},\n\nNogen har bedt om at nulstille din adgangskode. Åbn linket inden for en time:\n${link}\n\nHvis det ikke var dig, kan du se bort fra denne e-mail.` }),
  en: ({ link, name }) => ({ subject: 'Reset your Mestring password', text: `Hello ${name},\n\nSomeone asked to reset your password. Open this link within one hour:\n${link}\n\nIf this was not you, you can ignore this e-mail.` }),
};

const INVITE: Record<Language, Template> = {
  nb: ({ link, name }) => ({ subject: 'Du har fått tilgang til Mestring', text: `Hei ${name},\n\nDu har fått en konto i Mestring. Velg passord her (lenken gjelder i sju dager):\n${link}` }),
  nn: ({ link, name }) => ({ subject: 'Du har fått tilgang til Mestring', text: `Hei ${name},\n\nDu har fått ein konto i Mestring. Vel passord her (lenkja gjeld i sju dagar):\n${link}` }),
  sv: ({ link, name }) => ({ subject: 'Du har fått tillgång till Mestring', text: `Hej ${name},\n\nDu har fått ett konto i Mestring. Välj lösenord här (länken gäller i sju dagar):\n${link}` }),
  da: ({ link, name }) => ({ subject: 'Du har fået adgang til Mestring', text: `Hej ${name},\n\nDu har fået en konto i Mestring. Vælg adgangskode her (linket gælder i syv dage):\n${link}` }),
  en: ({ link, name }) => ({ subject: 'You now have access to Mestring', text: `Hello ${name},\n\nAn account has been created for you in Mestring. Choose your password here (the link is valid for seven days):\n${link}` }),
};

function pick<T>(table: Record<Language, T>, language: string): T {
  return table[(language in table ? language : 'nb') as Language];
}

export const passwordResetMail = (language: string, vars: { link: string; name: string }) => pick(RESET, language)(vars);
export const inviteMail = (language: string, vars: { link: string; name: string }) => pick(INVITE, language)(vars);
