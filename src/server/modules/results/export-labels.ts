import type { Language } from '../../../shared/domain.js';
import type { Profession } from '../../../shared/domain.js';

// Column and sheet names of the results export, in the five UI languages.

export type ExportLabels = {
  sheets: { heatmap: string; details: string; survey: string; about: string };
  group: string;
  groupKinds: { unit: string; other: string; profession: string; mixed: string; total: string };
  competence: string;
  area: string;
  respondents: string;
  answered: string;
  average: string;
  required: string;
  gap: string;
  belowRequired: string;
  dontKnow: string;
  wantsTraining: string;
  level: string;
  item: string;
  option: string;
  count: string;
  campaign: string;
  closedAt: string;
  threshold: string;
  filter: string;
  all: string;
  note: string;
  suppression: string;
  mergedNote: string;
  professions: Record<Profession, string>;
};

const professions: Record<Language, Record<Profession, string>> = {
  nb: { nurse: 'Sykepleier', specialist_nurse: 'Spesialsykepleier', health_care_worker: 'Helsefagarbeider', social_educator: 'Vernepleier', assistant: 'Assistent', physiotherapist: 'Fysioterapeut', occupational_therapist: 'Ergoterapeut', doctor: 'Lege', leader: 'Leder', other: 'Annet' },
  nn: { nurse: 'Sjukepleiar', specialist_nurse: 'Spesialsjukepleiar', health_care_worker: 'Helsefagarbeidar', social_educator: 'Vernepleiar', assistant: 'Assistent', physiotherapist: 'Fysioterapeut', occupational_therapist: 'Ergoterapeut', doctor: 'Lege', leader: 'Leiar', other: 'Anna' },
  sv: { nurse: 'Sjuksköterska', specialist_nurse: 'Specialistsjuksköterska', health_care_worker: 'Undersköterska', social_educator: 'Socialpedagog', assistant: 'Vårdbiträde', physiotherapist: 'Fysioterapeut', occupational_therapist: 'Arbetsterapeut', doctor: 'Läkare', leader: 'Chef', other: 'Annat' },
  da: { nurse: 'Sygeplejerske', specialist_nurse: 'Specialsygeplejerske', health_care_worker: 'Social- og sundhedsassistent', social_educator: 'Pædagog', assistant: 'Social- og sundhedshjælper', physiotherapist: 'Fysioterapeut', occupational_therapist: 'Ergoterapeut', doctor: 'Læge', leader: 'Leder', other: 'Andet' },
  en: { nurse: 'Nurse', specialist_nurse: 'Specialist nurse', health_care_worker: 'Health care worker', social_educator: 'Social educator', assistant: 'Assistant', physiotherapist: 'Physiotherapist', occupational_therapist: 'Occupational therapist', doctor: 'Doctor', leader: 'Leader', other: 'Other' },
};

export const EXPORT_LABELS: Record<Language, ExportLabels> = {
  nb: {
    sheets: { heatmap: 'Varmekart', details: 'Detaljer', survey: 'Lederundersøkelse', about: 'Om uttrekket' },
    group: 'Gruppe',
    groupKinds: { unit: 'Enhet', other: 'Øvrige', profession: 'Yrke', mixed: 'Blandede grupper', total: 'Totalt' },
    competence: 'Kompetanse',
    area: 'Område',
    respondents: 'Svar',
    answered: 'Med nivå',
    average: 'Snitt',
    required: 'Krav',
    gap: 'Gap',
    belowRequired: 'Under krav',
    dontKnow: 'Vet ikke',
    wantsTraining: 'Ønsker opplæring',
    level: 'Nivå',
    item: 'Påstand',
    option: 'Svaralternativ',
    count: 'Antall',
    campaign: 'Kartlegging',
    closedAt: 'Avsluttet',
    threshold: 'Anonymitetsgrense (k)',
    filter: 'Utvalg',
    all: 'Alle',
    note: 'Merknad',
    suppression: 'Ingen tall gjelder færre enn k personer. Små enheter og yrker er slått sammen med andre, slik at ingen gruppe under k kan regnes ut ved å trekke tall fra hverandre.',
    mergedNote: 'inkluderer mindre underenheter',
    professions: professions.nb,
  },
  nn: {
    sheets: { heatmap: 'Varmekart', details: 'Detaljar', survey: 'Leiarundersøking', about: 'Om uttrekket' },
    group: 'Gruppe',
    groupKinds: { unit: 'Eining', other: 'Andre', profession: 'Yrke', mixed: 'Blanda grupper', total: 'Totalt' },
    competence: 'Kompetanse',
    area: 'Område',
    respondents: 'Svar',
    answered: 'Med nivå',
    average: 'Snitt',
    required: 'Krav',
    gap: 'Gap',
    belowRequired: 'Under krav',
    dontKnow: 'Veit ikkje',
    wantsTraining: 'Ønskjer opplæring',
    level: 'Nivå',
    item: 'Påstand',
    option: 'Svaralternativ',
    count: 'Tal',
    campaign: 'Kartlegging',
    closedAt: 'Avslutta',
    threshold: 'Anonymitetsgrense (k)',
    filter: 'Utval',
    all: 'Alle',
    note: 'Merknad',
    suppression: 'Ingen tal gjeld færre enn k personar. Små einingar og yrke er slått saman med andre, slik at ingen gruppe under k kan reknast ut ved å trekkje tal frå kvarandre.',
    mergedNote: 'inkluderer mindre undereiningar',
    professions: professions.nn,
  },
  sv: {
    sheets: { heatmap: 'Värmekarta', details: 'Detaljer', survey: 'Chefsenkät', about: 'Om uttaget' },
    group: 'Grupp',
    groupKinds: { unit: 'Enhet', other: 'Övriga', profession: 'Yrke', mixed: 'Blandade grupper', total: 'Totalt' },
    competence: 'Kompetens',
    area: 'Område',
    respondents: 'Svar',
    answered: 'Med nivå',
    average: 'Medel',
    required: 'Krav',
    gap: 'Gap',
    belowRequired: 'Under krav',
    dontKnow: 'Vet inte',
    wantsTraining: 'Vill ha utbildning',
    level: 'Nivå',
    item: 'Påstående',
    option: 'Svarsalternativ',
    count: 'Antal',
    campaign: 'Kartläggning',
    closedAt: 'Avslutad',
    threshold: 'Anonymitetsgräns (k)',
    filter: 'Urval',
    all: 'Alla',
    note: 'Anmärkning',
    suppression: 'Inga siffror gäller färre än k personer. Små enheter och yrken är sammanslagna med andra, så att ingen grupp under k kan räknas fram genom att dra siffror från varandra.',
    mergedNote: 'inkluderar mindre underenheter',
    professions: professions.sv,
  },
  da: {
    sheets: { heatmap: 'Varmekort', details: 'Detaljer', survey: 'Lederundersøgelse', about: 'Om udtrækket' },
    group: 'Gruppe',
    groupKinds: { unit: 'Enhed', other: 'Øvrige', profession: 'Fag', mixed: 'Blandede grupper', total: 'I alt' },
    competence: 'Kompetence',
    area: 'Område',
    respondents: 'Svar',
    answered: 'Med niveau',
    average: 'Gennemsnit',
    required: 'Krav',
    gap: 'Gap',
    belowRequired: 'Under krav',
    dontKnow: 'Ved ikke',
    wantsTraining: 'Ønsker uddannelse',
    level: 'Niveau',
    item: 'Udsagn',
    option: 'Svarmulighed',
    count: 'Antal',
    campaign: 'Kortlægning',
    closedAt: 'Afsluttet',
    threshold: 'Anonymitetsgrænse (k)',
    filter: 'Udvalg',
    all: 'Alle',
    note: 'Bemærkning',
    suppression: 'Ingen tal gælder færre end k personer. Små enheder og fag er lagt sammen med andre, så ingen gruppe under k kan regnes ud ved at trække tal fra hinanden.',
    mergedNote: 'omfatter mindre underenheder',
    professions: professions.da,
  },
  en: {
    sheets: { heatmap: 'Heatmap', details: 'Details', survey: 'Leader survey', about: 'About' },
    group: 'Group',
    groupKinds: { unit: 'Unit', other: 'Other', profession: 'Profession', mixed: 'Mixed groups', total: 'Total' },
    competence: 'Competence',
    area: 'Area',
    respondents: 'Respondents',
    answered: 'With a level',
    average: 'Average',
    required: 'Required',
    gap: 'Gap',
    belowRequired: 'Below required',
    dontKnow: "Don't know",
    wantsTraining: 'Wants training',
    level: 'Level',
    item: 'Statement',
    option: 'Option',
    count: 'Count',
    campaign: 'Campaign',
    closedAt: 'Closed',
    threshold: 'Anonymity threshold (k)',
    filter: 'Selection',
    all: 'All',
    note: 'Note',
    suppression: 'No figure describes fewer than k people. Small units and professions are merged with others, so that no group under k can be worked out by subtracting figures from each other.',
    mergedNote: 'includes smaller sub-units',
    professions: professions.en,
  },
};
