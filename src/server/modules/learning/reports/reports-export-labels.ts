import type { Language } from '../../../../shared/domain.js';

// Sheet and column names of the learning report export, in the five UI languages.

export type ReportExportLabels = {
  sheets: { items: string; units: string; people: string; trend: string; about: string };
  item: string;
  kind: string;
  unit: string;
  person: string;
  employeeNumber: string;
  profession: string;
  people: string;
  assigned: string;
  completed: string;
  inProgress: string;
  notStarted: string;
  overdue: string;
  completionRate: string;
  month: string;
  completions: string;
  learners: string;
  scope: string;
  wholeMunicipality: string;
  date: string;
  timeZone: string;
};

export const REPORT_EXPORT_LABELS: Record<Language, ReportExportLabels> = {
  nb: {
    sheets: { items: 'Per aktivitet', units: 'Per enhet', people: 'Per person', trend: 'Utvikling', about: 'Om uttrekket' },
    item: 'Læringsaktivitet',
    kind: 'Type',
    unit: 'Enhet',
    person: 'Person',
    employeeNumber: 'Ansattnummer',
    profession: 'Yrke',
    people: 'Personer',
    assigned: 'Tildelt',
    completed: 'Fullført',
    inProgress: 'Påbegynt',
    notStarted: 'Ikke startet',
    overdue: 'Forfalt',
    completionRate: 'Fullføringsgrad',
    month: 'Måned',
    completions: 'Fullføringer',
    learners: 'Personer som fullførte',
    scope: 'Utvalg',
    wholeMunicipality: 'Hele kommunen',
    date: 'Dato',
    timeZone: 'Tidssone',
  },
  nn: {
    sheets: { items: 'Per aktivitet', units: 'Per eining', people: 'Per person', trend: 'Utvikling', about: 'Om uttrekket' },
    item: 'Læringsaktivitet',
    kind: 'Type',
    unit: 'Eining',
    person: 'Person',
    employeeNumber: 'Tilsettnummer',
    profession: 'Yrke',
    people: 'Personar',
    assigned: 'Tildelt',
    completed: 'Fullført',
    inProgress: 'Påbyrja',
    notStarted: 'Ikkje starta',
    overdue: 'Forfalle',
    completionRate: 'Fullføringsgrad',
    month: 'Månad',
    completions: 'Fullføringar',
    learners: 'Personar som fullførte',
    scope: 'Utval',
    wholeMunicipality: 'Heile kommunen',
    date: 'Dato',
    timeZone: 'Tidssone',
  },
  sv: {
    sheets: { items: 'Per aktivitet', units: 'Per enhet', people: 'Per person', trend: 'Utveckling', about: 'Om exporten' },
    item: 'Lärandeaktivitet',
    kind: 'Typ',
    unit: 'Enhet',
    person: 'Person',
    employeeNumber: 'Anställningsnummer',
    profession: 'Yrke',
    people: 'Personer',
    assigned: 'Tilldelade',
    completed: 'Slutförda',
    inProgress: 'Påbörjade',
    notStarted: 'Inte påbörjade',
    overdue: 'Försenade',
    completionRate: 'Andel slutförda',
    month: 'Månad',
    completions: 'Slutföranden',
    learners: 'Personer som slutförde',
    scope: 'Urval',
    wholeMunicipality: 'Hela kommunen',
    date: 'Datum',
    timeZone: 'Tidszon',
  },
  da: {
    sheets: { items: 'Pr. aktivitet', units: 'Pr. enhed', people: 'Pr. person', trend: 'Udvikling', about: 'Om udtrækket' },
    item: 'Læringsaktivitet',
    kind: 'Type',
    unit: 'Enhed',
    person: 'Person',
    employeeNumber: 'Medarbejdernummer',
    profession: 'Fag',
    people: 'Personer',
    assigned: 'Tildelt',
    completed: 'Gennemført',
    inProgress: 'Påbegyndt',
    notStarted: 'Ikke startet',
    overdue: 'Forfalden',
    completionRate: 'Gennemførelsesgrad',
    month: 'Måned',
    completions: 'Gennemførelser',
    learners: 'Personer der gennemførte',
    scope: 'Udvalg',
    wholeMunicipality: 'Hele kommunen',
    date: 'Dato',
    timeZone: 'Tidszone',
  },
  en: {
    sheets: { items: 'By item', units: 'By unit', people: 'By person', trend: 'Trend', about: 'About' },
    item: 'Learning item',
    kind: 'Kind',
    unit: 'Unit',
    person: 'Person',
    employeeNumber: 'Employee number',
    profession: 'Profession',
    people: 'People',
    assigned: 'Assigned',
    completed: 'Completed',
    inProgress: 'In progress',
    notStarted: 'Not started',
    overdue: 'Overdue',
    completionRate: 'Completion rate',
    month: 'Month',
    completions: 'Completions',
    learners: 'People who completed',
    scope: 'Scope',
    wholeMunicipality: 'Whole municipality',
    date: 'Date',
    timeZone: 'Time zone',
  },
};
