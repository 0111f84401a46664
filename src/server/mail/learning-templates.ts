import type { Language } from '../../shared/domain.js';

// Reminders about assigned learning, in the learner's preferred language.
// Plain text: a reminder must read well in any mail client and on a phone.

type Vars = { name: string; title: string; dueDate: string; link: string };
type Template = (v: Vars & { due: string }) => { subject: string; text: string };

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

const DUE_SOON: Record<Language, Template> = {
  nb: ({ name, title, due, link }) => ({
    subject: `Påminnelse: «${title}» har frist ${due}`,
    text: `Hei ${name},\n\nDu har fått «${title}» i oppgave, med frist ${due}.\n\nSe det og fortsett i Min læring:\n${link}`,
  }),
  nn: ({ name, title, due, link }) => ({
    subject: `Påminning: «${title}» har frist ${due}`,
    text: `Hei ${name},\n\nDu har fått «${title}» i oppgåve, med frist ${due}.\n\nSjå det og hald fram i Mi læring:\n${link}`,
  }),
  sv: ({ name, title, due, link }) => ({
    subject: `Påminnelse: ”${title}” ska vara klar ${due}`,
    text: `Hej ${name},\n\nDu har fått ”${title}” tilldelad, och den ska vara klar ${due}.\n\nSe den och fortsätt i Mitt lärande:\n${link}`,
  }),
  da: ({ name, title, due, link }) => ({
    subject: `Påmindelse: »${title}« har frist ${due}`,
    text: `Hej ${name},\n\nDu har fået »${title}« tildelt med frist ${due}.\n\nSe det og fortsæt i Min læring:\n${link}`,
  }),
  en: ({ name, title, due, link }) => ({
    subject: `Reminder: "${title}" is due on ${due}`,
    text: `Hello ${name},\n\n"${title}" has been assigned to you and is due on ${due}.\n\nSee it and continue in My learning:\n${link}`,
  }),
};

const OVERDUE: Record<Language, Template> = {
  nb: ({ name, title, due, link }) => ({
    subject: `Fristen er passert: «${title}»`,
    text: `Hei ${name},\n\nFristen for «${title}» var ${due}, og vi har ikke registrert at du har fullført.\n\nDu kan ta det nå i Min læring:\n${link}\n\nHar du fullført et annet sted, snakk med lederen din.`,
  }),
  nn: ({ name, title, due, link }) => ({
    subject: `Fristen er passert: «${title}»`,
    text: `Hei ${name},\n\nFristen for «${title}» var ${due}, og vi har ikkje registrert at du har fullført.\n\nDu kan ta det no i Mi læring:\n${link}\n\nHar du fullført ein annan stad, snakk med leiaren din.`,
  }),
  sv: ({ name, title, due, link }) => ({
    subject: `Tidsfristen har passerat: ”${title}”`,
    text: `Hej ${name},\n\n”${title}” skulle vara klar ${due}, och vi har inte registrerat att du har slutfört den.\n\nDu kan göra den nu i Mitt lärande:\n${link}\n\nHar du slutfört den någon annanstans, prata med din chef.`,
  }),
  da: ({ name, title, due, link }) => ({
    subject: `Fristen er overskredet: »${title}«`,
    text: `Hej ${name},\n\nFristen for »${title}« var ${due}, og vi har ikke registreret, at du har gennemført.\n\nDu kan tage det nu i Min læring:\n${link}\n\nHar du gennemført et andet sted, så tal med din leder.`,
  }),
  en: ({ name, title, due, link }) => ({
    subject: `Overdue: "${title}"`,
    text: `Hello ${name},\n\n"${title}" was due on ${due}, and we have no record that you have completed it.\n\nYou can take it now in My learning:\n${link}\n\nIf you completed it elsewhere, talk to your leader.`,
  }),
};

const languageOf = (language: string): Language => (language in LOCALES ? (language as Language) : 'nb');

/** A YYYY-MM-DD date as the reader writes it ("14. mars 2026", "14 March 2026"). */
export function formatDueDate(language: string, date: string): string {
  return new Intl.DateTimeFormat(LOCALES[languageOf(language)], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function learningReminderMail(kind: 'due_soon' | 'overdue', language: string, vars: Vars): { subject: string; text: string } {
  const lang = languageOf(language);
  return (kind === 'due_soon' ? DUE_SOON : OVERDUE)[lang]({ ...vars, due: formatDueDate(lang, vars.dueDate) });
}
