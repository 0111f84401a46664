// The few texts the player page shows itself (the controls live on the app
// page). The page runs on the content origin without the app's bundle, so it
// carries its own small table in the app's five languages.

type Key = 'loading' | 'invalid' | 'loadFailed' | 'ended' | 'waiting' | 'expired' | 'superseded' | 'frameTitle';

const STRINGS: Record<string, Record<Key, string>> = {
  nb: {
    loading: 'Laster kurset …',
    invalid: 'Kurset kan ikke åpnes herfra. Lukk det og åpne det på nytt fra kurslisten.',
    loadFailed: 'Kurset kunne ikke lastes. Lukk det og prøv igjen.',
    ended: 'Kurset er avsluttet. Fremdriften din er lagret.',
    waiting: 'Velg hvor du vil fortsette, med knappene eller innholdsfortegnelsen.',
    expired: 'Økten er utløpt. Lukk kurset og åpne det på nytt for å fortsette.',
    superseded: 'Kurset er åpnet i et annet vindu. Dette vinduet lagrer ikke lenger.',
    frameTitle: 'Kursinnhold: {title}',
  },
  nn: {
    loading: 'Lastar kurset …',
    invalid: 'Kurset kan ikkje opnast herifrå. Lukk det og opna det på nytt frå kurslista.',
    loadFailed: 'Kurset kunne ikkje lastast. Lukk det og prøv igjen.',
    ended: 'Kurset er avslutta. Framdrifta di er lagra.',
    waiting: 'Vel kvar du vil halde fram, med knappane eller innhaldslista.',
    expired: 'Økta har gått ut. Lukk kurset og opna det på nytt for å halde fram.',
    superseded: 'Kurset er opna i eit anna vindauge. Dette vindauget lagrar ikkje lenger.',
    frameTitle: 'Kursinnhald: {title}',
  },
  sv: {
    loading: 'Kursen laddas …',
    invalid: 'Kursen kan inte öppnas härifrån. Stäng den och öppna den igen från kurslistan.',
    loadFailed: 'Kursen kunde inte laddas. Stäng den och försök igen.',
    ended: 'Kursen är avslutad. Dina framsteg är sparade.',
    waiting: 'Välj var du vill fortsätta med knapparna eller innehållsförteckningen.',
    expired: 'Sessionen har gått ut. Stäng kursen och öppna den igen för att fortsätta.',
    superseded: 'Kursen har öppnats i ett annat fönster. Det här fönstret sparar inte längre.',
    frameTitle: 'Kursinnehåll: {title}',
  },
  da: {
    loading: 'Kurset indlæses …',
    invalid: 'Kurset kan ikke åbnes herfra. Luk det, og åbn det igen fra kursuslisten.',
    loadFailed: 'Kurset kunne ikke indlæses. Luk det, og prøv igen.',
    ended: 'Kurset er afsluttet. Dine fremskridt er gemt.',
    waiting: 'Vælg, hvor du vil fortsætte, med knapperne eller indholdsfortegnelsen.',
    expired: 'Sessionen er udløbet. Luk kurset, og åbn det igen for at fortsætte.',
    superseded: 'Kurset er åbnet i et andet vindue. Dette vindue gemmer ikke længere.',
    frameTitle: 'Kursusindhold: {title}',
  },
  en: {
    loading: 'Loading the course …',
    invalid: 'The course cannot be opened from here. Close it and open it again from the course list.',
    loadFailed: 'The course could not be loaded. Close it and try again.',
    ended: 'The course has ended. Your progress is saved.',
    waiting: 'Choose where to go next with the buttons or the contents list.',
    expired: 'The session has expired. Close the course and open it again to continue.',
    superseded: 'The course has been opened in another window. This window no longer saves.',
    frameTitle: 'Course content: {title}',
  },
};

let language = 'nb';

export function useLanguage(lang: string): void {
  language = lang in STRINGS ? lang : 'nb';
  document.documentElement.lang = language;
}

export function text(key: Key, values: Record<string, string> = {}): string {
  return STRINGS[language]![key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
