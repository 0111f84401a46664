import type { SurveyOption } from './types.js';

// Choices of the multi_select items. Where the Nordic countries have different
// bodies for the same role (the association of municipalities, the regional
// state authority, the hospital owner), each language names its own country's.

/** Partners a municipality may work with on the digital competence of staff. */
export const PARTNER_OPTIONS: readonly SurveyOption[] = [
  {
    code: 'municipal_association',
    text: {
      nb: 'KS (Kommunesektorens organisasjon)',
      nn: 'KS (Kommunesektorens organisasjon)',
      sv: 'SKR (Sveriges Kommuner och Regioner)',
      da: 'KL (Kommunernes Landsforening)',
      en: 'The association of local authorities (KS, SKR or KL)',
    },
  },
  {
    code: 'state_authority',
    text: {
      nb: 'Statsforvalteren eller andre statlige etater',
      nn: 'Statsforvaltaren eller andre statlege etatar',
      sv: 'Länsstyrelsen eller andra statliga myndigheter',
      da: 'Statslige myndigheder, for eksempel Sundhedsstyrelsen',
      en: 'The county governor or other state agencies',
    },
  },
  {
    code: 'higher_education',
    text: {
      nb: 'Universitet eller høgskole',
      nn: 'Universitet eller høgskule',
      sv: 'Universitet eller högskola',
      da: 'Universitet eller professionshøjskole',
      en: 'University or university college',
    },
  },
  {
    code: 'other_municipalities',
    text: { nb: 'Andre kommuner', nn: 'Andre kommunar', sv: 'Andra kommuner', da: 'Andre kommuner', en: 'Other municipalities' },
  },
  {
    code: 'vendors',
    text: {
      nb: 'Leverandører av teknologi eller fagsystemer',
      nn: 'Leverandørar av teknologi eller fagsystem',
      sv: 'Leverantörer av teknik eller verksamhetssystem',
      da: 'Leverandører af teknologi eller fagsystemer',
      en: 'Technology or system vendors',
    },
  },
  {
    code: 'hospital_or_region',
    text: {
      nb: 'Helseforetaket eller sykehuset',
      nn: 'Helseføretaket eller sjukehuset',
      sv: 'Regionen (hälso- och sjukvården)',
      da: 'Regionen eller sygehuset',
      en: 'The hospital trust or region',
    },
  },
  { code: 'other', text: { nb: 'Andre', nn: 'Andre', sv: 'Andra', da: 'Andre', en: 'Others' } },
  {
    code: 'none',
    exclusive: true,
    text: { nb: 'Ingen av disse', nn: 'Ingen av desse', sv: 'Ingen av dessa', da: 'Ingen af disse', en: 'None of these' },
  },
];

/** Competence areas where staff may most need strengthening. */
export const COMPETENCE_NEED_OPTIONS: readonly SurveyOption[] = [
  {
    code: 'basic_digital_skills',
    text: {
      nb: 'Grunnleggende digitale ferdigheter',
      nn: 'Grunnleggjande digitale ferdigheiter',
      sv: 'Grundläggande digitala färdigheter',
      da: 'Grundlæggende digitale færdigheder',
      en: 'Basic digital skills',
    },
  },
  {
    code: 'welfare_technology',
    text: { nb: 'Velferdsteknologi', nn: 'Velferdsteknologi', sv: 'Välfärdsteknik', da: 'Velfærdsteknologi', en: 'Welfare technology' },
  },
  {
    code: 'records_and_systems',
    text: {
      nb: 'Pasientjournal og fagsystemer',
      nn: 'Pasientjournal og fagsystem',
      sv: 'Journal- och verksamhetssystem',
      da: 'Journal og fagsystemer',
      en: 'Patient records and professional systems',
    },
  },
  {
    code: 'security_and_privacy',
    text: {
      nb: 'Informasjonssikkerhet og personvern',
      nn: 'Informasjonstryggleik og personvern',
      sv: 'Informationssäkerhet och dataskydd',
      da: 'Informationssikkerhed og databeskyttelse',
      en: 'Information security and privacy',
    },
  },
  {
    code: 'innovation',
    text: {
      nb: 'Innovasjon og tjenesteutvikling',
      nn: 'Innovasjon og tenesteutvikling',
      sv: 'Innovation och verksamhetsutveckling',
      da: 'Innovation og udvikling af tilbud',
      en: 'Innovation and service development',
    },
  },
  {
    code: 'learning_and_adapting',
    text: {
      nb: 'Evne til å lære og omstille seg',
      nn: 'Evne til å lære og stille om',
      sv: 'Förmåga att lära och ställa om',
      da: 'Evne til at lære og omstille sig',
      en: 'Ability to learn and adapt',
    },
  },
  { code: 'other', text: { nb: 'Annet', nn: 'Anna', sv: 'Annat', da: 'Andet', en: 'Other' } },
];

/** Who trains staff in digital tools and systems. */
export const TRAINING_PROVIDER_OPTIONS: readonly SurveyOption[] = [
  {
    code: 'own_staff',
    text: {
      nb: 'Egne ansatte, for eksempel superbrukere eller digitaliseringsombud',
      nn: 'Eigne tilsette, til dømes superbrukarar eller digitaliseringsombod',
      sv: 'Egna medarbetare, till exempel superanvändare eller digitaliseringsombud',
      da: 'Egne medarbejdere, for eksempel superbrugere eller digitaliseringsambassadører',
      en: 'Our own staff, for example superusers or digitalisation ombuds',
    },
  },
  {
    code: 'municipal_it',
    text: {
      nb: 'Kommunens IT-avdeling',
      nn: 'IT-avdelinga i kommunen',
      sv: 'Kommunens IT-avdelning',
      da: 'Kommunens IT-afdeling',
      en: "The municipality's IT department",
    },
  },
  {
    code: 'vendor',
    text: {
      nb: 'Leverandøren av løsningen',
      nn: 'Leverandøren av løysinga',
      sv: 'Leverantören av lösningen',
      da: 'Leverandøren af løsningen',
      en: 'The vendor of the solution',
    },
  },
  {
    code: 'external_provider',
    text: {
      nb: 'Eksterne kurs- eller opplæringstilbydere',
      nn: 'Eksterne kurs- eller opplæringstilbydarar',
      sv: 'Externa kurs- eller utbildningsanordnare',
      da: 'Eksterne kursus- eller uddannelsesudbydere',
      en: 'External course or training providers',
    },
  },
  {
    code: 'inter_municipal',
    text: {
      nb: 'Et interkommunalt samarbeid',
      nn: 'Eit interkommunalt samarbeid',
      sv: 'Ett samarbete mellan kommuner',
      da: 'Et tværkommunalt samarbejde',
      en: 'An inter-municipal partnership',
    },
  },
  {
    code: 'nobody',
    exclusive: true,
    text: {
      nb: 'Ingen gir slik opplæring i dag',
      nn: 'Ingen gir slik opplæring i dag',
      sv: 'Ingen ger sådan utbildning i dag',
      da: 'Ingen giver sådan oplæring i dag',
      en: 'Nobody provides such training today',
    },
  },
];
