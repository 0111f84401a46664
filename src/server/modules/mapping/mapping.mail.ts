import type { CampaignInstrument } from '../../../shared/api/mapping.js';
import type { Language } from '../../../shared/domain.js';

// Invitation and reminder e-mails of a mapping campaign, in the recipient's
// language (the person's preferred language; Norwegian bokmål when unknown).
// Each e-mail is for one invitation and names its instrument: the
// self-assessment or the leader survey (a leader invited to both gets two).

type Vars = { name: string; campaign: string; link: string; closesAt: Date; anonymous: boolean; instrument: CampaignInstrument };
type Template = (v: Vars & { closes: string }) => { subject: string; text: string };

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

const INVITE: Record<Language, Template> = {
  nb: (v) => ({
    subject: `Kartlegging av digital kompetanse: ${v.campaign}`,
    text: `Hei ${v.name},\n\nDu er invitert til å vurdere din egen digitale kompetanse i kartleggingen «${v.campaign}». Det tar omtrent 15 minutter, og svarene lagres underveis.\n${v.anonymous ? 'Kartleggingen er anonym: svarene dine kan ikke knyttes til deg.\n' : ''}\nÅpne skjemaet her (lenken er personlig, ikke del den):\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  nn: (v) => ({
    subject: `Kartlegging av digital kompetanse: ${v.campaign}`,
    text: `Hei ${v.name},\n\nDu er invitert til å vurdere din eigen digitale kompetanse i kartlegginga «${v.campaign}». Det tek om lag 15 minutt, og svara blir lagra undervegs.\n${v.anonymous ? 'Kartlegginga er anonym: svara dine kan ikkje knytast til deg.\n' : ''}\nOpna skjemaet her (lenkja er personleg, ikkje del henne):\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  sv: (v) => ({
    subject: `Kartläggning av digital kompetens: ${v.campaign}`,
    text: `Hej ${v.name},\n\nDu är inbjuden att bedöma din egen digitala kompetens i kartläggningen ”${v.campaign}”. Det tar ungefär 15 minuter och svaren sparas medan du fyller i.\n${v.anonymous ? 'Kartläggningen är anonym: dina svar kan inte kopplas till dig.\n' : ''}\nÖppna formuläret här (länken är personlig, dela den inte):\n${v.link}\n\nSista svarsdag: ${v.closes}.`,
  }),
  da: (v) => ({
    subject: `Kortlægning af digitale kompetencer: ${v.campaign}`,
    text: `Hej ${v.name},\n\nDu er inviteret til at vurdere dine egne digitale kompetencer i kortlægningen »${v.campaign}«. Det tager omkring 15 minutter, og svarene gemmes undervejs.\n${v.anonymous ? 'Kortlægningen er anonym: dine svar kan ikke kobles til dig.\n' : ''}\nÅbn skemaet her (linket er personligt, del det ikke):\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  en: (v) => ({
    subject: `Digital competence mapping: ${v.campaign}`,
    text: `Hello ${v.name},\n\nYou are invited to assess your own digital competence in "${v.campaign}". It takes about 15 minutes, and your answers are saved as you go.\n${v.anonymous ? 'The mapping is anonymous: your answers cannot be traced back to you.\n' : ''}\nOpen the form here (the link is personal, do not share it):\n${v.link}\n\nPlease answer by ${v.closes}.`,
  }),
};

const INVITE_LEADER_SURVEY: Record<Language, Template> = {
  nb: (v) => ({
    subject: `Lederundersøkelse om digital kompetanse: ${v.campaign}`,
    text: `Hei ${v.name},\n\nSom leder er du invitert til å svare på lederundersøkelsen i kartleggingen «${v.campaign}»: spørsmål om hvordan digitalisering endrer arbeidet, hvilken kompetanse som mangler, og behovet for opplæring i ditt ansvarsområde. Det tar omtrent 10 minutter, og svarene lagres underveis.\n${v.anonymous ? 'Undersøkelsen er anonym: svarene dine kan ikke knyttes til deg.\n' : ''}\nÅpne undersøkelsen her (lenken er personlig, ikke del den):\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  nn: (v) => ({
    subject: `Leiarundersøking om digital kompetanse: ${v.campaign}`,
    text: `Hei ${v.name},\n\nSom leiar er du invitert til å svare på leiarundersøkinga i kartlegginga «${v.campaign}»: spørsmål om korleis digitalisering endrar arbeidet, kva kompetanse som manglar, og behovet for opplæring i ansvarsområdet ditt. Det tek om lag 10 minutt, og svara blir lagra undervegs.\n${v.anonymous ? 'Undersøkinga er anonym: svara dine kan ikkje knytast til deg.\n' : ''}\nOpna undersøkinga her (lenkja er personleg, ikkje del henne):\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  sv: (v) => ({
    subject: `Chefsenkät om digital kompetens: ${v.campaign}`,
    text: `Hej ${v.name},\n\nSom chef är du inbjuden att svara på chefsenkäten i kartläggningen ”${v.campaign}”: frågor om hur digitaliseringen förändrar arbetet, vilken kompetens som saknas och behovet av utbildning inom ditt ansvarsområde. Det tar ungefär 10 minuter och svaren sparas medan du fyller i.\n${v.anonymous ? 'Enkäten är anonym: dina svar kan inte kopplas till dig.\n' : ''}\nÖppna enkäten här (länken är personlig, dela den inte):\n${v.link}\n\nSista svarsdag: ${v.closes}.`,
  }),
  da: (v) => ({
    subject: `Lederundersøgelse om digitale kompetencer: ${v.campaign}`,
    text: `Hej ${v.name},\n\nSom leder er du inviteret til at besvare lederundersøgelsen i kortlægningen »${v.campaign}«: spørgsmål om, hvordan digitalisering ændrer arbejdet, hvilke kompetencer der mangler, og behovet for uddannelse inden for dit ansvarsområde. Det tager omkring 10 minutter, og svarene gemmes undervejs.\n${v.anonymous ? 'Undersøgelsen er anonym: dine svar kan ikke kobles til dig.\n' : ''}\nÅbn undersøgelsen her (linket er personligt, del det ikke):\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  en: (v) => ({
    subject: `Leader survey on digital competence: ${v.campaign}`,
    text: `Hello ${v.name},\n\nAs a leader, you are invited to answer the leader survey in "${v.campaign}": questions on how digitalisation changes work, which competence is lacking, and the need for training in your area of responsibility. It takes about 10 minutes, and your answers are saved as you go.\n${v.anonymous ? 'The survey is anonymous: your answers cannot be traced back to you.\n' : ''}\nOpen the survey here (the link is personal, do not share it):\n${v.link}\n\nPlease answer by ${v.closes}.`,
  }),
};

const REMIND: Record<Language, Template> = {
  nb: (v) => ({
    subject: `Påminnelse: ${v.campaign}`,
    text: `Hei ${v.name},\n\nVi har ikke fått svaret ditt i kartleggingen «${v.campaign}» ennå. Du kan fortsette der du slapp:\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  nn: (v) => ({
    subject: `Påminning: ${v.campaign}`,
    text: `Hei ${v.name},\n\nVi har ikkje fått svaret ditt i kartlegginga «${v.campaign}» enno. Du kan halde fram der du slapp:\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  sv: (v) => ({
    subject: `Påminnelse: ${v.campaign}`,
    text: `Hej ${v.name},\n\nVi har ännu inte fått ditt svar i kartläggningen ”${v.campaign}”. Du kan fortsätta där du slutade:\n${v.link}\n\nSista svarsdag: ${v.closes}.`,
  }),
  da: (v) => ({
    subject: `Påmindelse: ${v.campaign}`,
    text: `Hej ${v.name},\n\nVi har endnu ikke fået dit svar i kortlægningen »${v.campaign}«. Du kan fortsætte, hvor du slap:\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  en: (v) => ({
    subject: `Reminder: ${v.campaign}`,
    text: `Hello ${v.name},\n\nWe have not received your answers to "${v.campaign}" yet. You can continue where you left off:\n${v.link}\n\nPlease answer by ${v.closes}.`,
  }),
};

const REMIND_LEADER_SURVEY: Record<Language, Template> = {
  nb: (v) => ({
    subject: `Påminnelse om lederundersøkelsen: ${v.campaign}`,
    text: `Hei ${v.name},\n\nVi har ikke fått svaret ditt på lederundersøkelsen i kartleggingen «${v.campaign}» ennå. Du kan fortsette der du slapp:\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  nn: (v) => ({
    subject: `Påminning om leiarundersøkinga: ${v.campaign}`,
    text: `Hei ${v.name},\n\nVi har ikkje fått svaret ditt på leiarundersøkinga i kartlegginga «${v.campaign}» enno. Du kan halde fram der du slapp:\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  sv: (v) => ({
    subject: `Påminnelse om chefsenkäten: ${v.campaign}`,
    text: `Hej ${v.name},\n\nVi har ännu inte fått ditt svar på chefsenkäten i kartläggningen ”${v.campaign}”. Du kan fortsätta där du slutade:\n${v.link}\n\nSista svarsdag: ${v.closes}.`,
  }),
  da: (v) => ({
    subject: `Påmindelse om lederundersøgelsen: ${v.campaign}`,
    text: `Hej ${v.name},\n\nVi har endnu ikke fået dit svar på lederundersøgelsen i kortlægningen »${v.campaign}«. Du kan fortsætte, hvor du slap:\n${v.link}\n\nSvarfrist: ${v.closes}.`,
  }),
  en: (v) => ({
    subject: `Reminder, leader survey: ${v.campaign}`,
    text: `Hello ${v.name},\n\nWe have not received your answers to the leader survey in "${v.campaign}" yet. You can continue where you left off:\n${v.link}\n\nPlease answer by ${v.closes}.`,
  }),
};

function languageOf(language: string): Language {
  return (language in INVITE ? language : 'nb') as Language;
}

function render(table: Record<Language, Template>, language: string, vars: Vars) {
  const lang = languageOf(language);
  const closes = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(vars.closesAt);
  return table[lang]({ ...vars, closes });
}

export const campaignInviteMail = (language: string, vars: Vars) => render(vars.instrument === 'leader_survey' ? INVITE_LEADER_SURVEY : INVITE, language, vars);
export const campaignReminderMail = (language: string, vars: Vars) => render(vars.instrument === 'leader_survey' ? REMIND_LEADER_SURVEY : REMIND, language, vars);
