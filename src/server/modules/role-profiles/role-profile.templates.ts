import type { RoleProfileTemplate } from '../../../shared/api/role-profiles.js';

// Starting points for role profiles, keyed to the built-in starter framework.
// A municipality copies one and adjusts the levels to its own services.
// Levels: 1 basic, 2 independent, 3 advanced, 4 expert / can guide others.

const req = (levels: Record<string, number>) => Object.entries(levels).map(([competenceCode, requiredLevel]) => ({ competenceCode, requiredLevel }));
const STARTER = { frameworkKey: 'mestring-starter', frameworkVersion: '1.0' } as const;

export const ROLE_PROFILE_TEMPLATES: RoleProfileTemplate[] = [
  {
    key: 'nurse-home-care',
    ...STARTER,
    profession: 'nurse',
    name: { nb: 'Sykepleier i hjemmetjenesten', nn: 'Sjukepleiar i heimetenesta', sv: 'Sjuksköterska i hemsjukvården', da: 'Sygeplejerske i hjemmeplejen', en: 'Nurse in home care' },
    description: {
      nb: 'Dokumenterer og samhandler digitalt, følger opp velferdsteknologi hos brukerne og veileder kolleger.',
      nn: 'Dokumenterer og samhandlar digitalt, følgjer opp velferdsteknologi hos brukarane og rettleier kollegaer.',
      sv: 'Dokumenterar och samverkar digitalt, följer upp välfärdsteknik hos brukarna och vägleder kollegor.',
      da: 'Dokumenterer og samarbejder digitalt, følger op på velfærdsteknologi hos borgerne og vejleder kolleger.',
      en: 'Documents and collaborates digitally, follows up welfare technology with users and guides colleagues.',
    },
    requirements: req({
      'HC.DIG.1': 3, 'HC.DIG.2': 2, 'HC.DIG.3': 3, 'HC.DIG.4': 3, 'HC.DIG.6': 2,
      'HC.EPR.1': 3, 'HC.EPR.2': 3, 'HC.EPR.3': 3, 'HC.EPR.4': 3,
      'HC.SEC.1': 3, 'HC.SEC.2': 3, 'HC.SEC.3': 3, 'HC.SEC.4': 2, 'HC.SEC.5': 3,
      'HC.WT.1': 3, 'HC.WT.2': 3, 'HC.WT.3': 2, 'HC.WT.5': 2, 'HC.WT.6': 3,
    }),
  },
  {
    key: 'health-care-worker-nursing-home',
    ...STARTER,
    profession: 'health_care_worker',
    name: { nb: 'Helsefagarbeider i sykehjem', nn: 'Helsefagarbeidar i sjukeheim', sv: 'Undersköterska på särskilt boende', da: 'Social- og sundhedsassistent på plejecenter', en: 'Health care worker in a nursing home' },
    description: {
      nb: 'Bruker nettbrett og journal i det daglige, svarer på alarmer og sensorer og tar vare på taushetsplikten.',
      nn: 'Bruker nettbrett og journal i kvardagen, svarar på alarmar og sensorar og tek vare på teieplikta.',
      sv: 'Använder surfplatta och journal i vardagen, svarar på larm och sensorer och värnar tystnadsplikten.',
      da: 'Bruger tablet og journal i hverdagen, reagerer på alarmer og sensorer og overholder tavshedspligten.',
      en: 'Uses the tablet and the record every day, responds to alarms and sensors and keeps confidentiality.',
    },
    requirements: req({
      'HC.DIG.1': 2, 'HC.DIG.2': 2, 'HC.DIG.3': 2, 'HC.DIG.6': 1,
      'HC.EPR.1': 2, 'HC.EPR.4': 2,
      'HC.SEC.1': 2, 'HC.SEC.3': 2, 'HC.SEC.4': 2, 'HC.SEC.5': 2,
      'HC.WT.3': 2, 'HC.WT.4': 2,
    }),
  },
  {
    key: 'assistant-care',
    ...STARTER,
    profession: 'assistant',
    name: { nb: 'Assistent i pleie og omsorg', nn: 'Assistent i pleie og omsorg', sv: 'Vårdbiträde', da: 'Social- og sundhedshjælper', en: 'Care assistant' },
    description: {
      nb: 'Grunnleggende digital trygghet: utstyret på jobb, taushetsplikt og å melde fra.',
      nn: 'Grunnleggjande digital tryggleik: utstyret på jobb, teieplikt og å melde frå.',
      sv: 'Grundläggande digital trygghet: utrustningen på jobbet, tystnadsplikt och att säga till.',
      da: 'Grundlæggende digital tryghed: udstyret på arbejdet, tavshedspligt og at sige til.',
      en: 'Basic digital confidence: the devices at work, confidentiality and speaking up.',
    },
    requirements: req({ 'HC.DIG.1': 2, 'HC.DIG.2': 1, 'HC.EPR.1': 1, 'HC.SEC.1': 2, 'HC.SEC.3': 2, 'HC.SEC.4': 1, 'HC.SEC.5': 1, 'HC.WT.3': 1 }),
  },
  {
    key: 'social-educator-disability',
    ...STARTER,
    profession: 'social_educator',
    name: { nb: 'Vernepleier i tjenester for funksjonshemmede', nn: 'Vernepleiar i tenester for funksjonshemma', sv: 'Socialpedagog i funktionshinderverksamhet', da: 'Pædagog i handicapområdet', en: 'Social educator in disability services' },
    description: {
      nb: 'Vurderer og følger opp teknologi som gir brukerne mer selvstendighet, og dokumenterer tiltak.',
      nn: 'Vurderer og følgjer opp teknologi som gir brukarane meir sjølvstende, og dokumenterer tiltak.',
      sv: 'Bedömer och följer upp teknik som ger brukarna mer självständighet och dokumenterar insatser.',
      da: 'Vurderer og følger op på teknologi, der giver borgerne mere selvstændighed, og dokumenterer indsatser.',
      en: 'Assesses and follows up technology that gives users more independence, and documents measures.',
    },
    requirements: req({ 'HC.DIG.2': 3, 'HC.EPR.1': 3, 'HC.SEC.1': 3, 'HC.SEC.2': 2, 'HC.WT.1': 2, 'HC.WT.4': 2, 'HC.WT.6': 3 }),
  },
  {
    key: 'unit-leader',
    ...STARTER,
    profession: 'leader',
    name: { nb: 'Leder i helse og omsorg', nn: 'Leiar i helse og omsorg', sv: 'Chef i vård och omsorg', da: 'Leder i sundhed og omsorg', en: 'Leader in health and care' },
    description: {
      nb: 'Leder innføringen av nye verktøy som endringsarbeid og har ansvar for personvern og avvik i enheten.',
      nn: 'Leiar innføringa av nye verktøy som endringsarbeid og har ansvar for personvern og avvik i eininga.',
      sv: 'Leder införandet av nya verktyg som ett förändringsarbete och ansvarar för dataskydd och avvikelser i enheten.',
      da: 'Leder indførelsen af nye værktøjer som forandringsarbejde og har ansvar for databeskyttelse og hændelser i enheden.',
      en: 'Leads the introduction of new tools as a change process and is responsible for privacy and deviations in the unit.',
    },
    requirements: req({
      'HC.LEAD.1': 3, 'HC.LEAD.2': 3, 'HC.LEAD.3': 3, 'HC.LEAD.4': 3, 'HC.LEAD.5': 3,
      'HC.SEC.1': 3, 'HC.SEC.2': 3, 'HC.SEC.5': 3, 'HC.EPR.1': 2, 'HC.DIG.2': 3, 'HC.WT.1': 2,
    }),
  },
  {
    key: 'digitalization-ombud',
    ...STARTER,
    profession: null,
    name: { nb: 'Digitaliseringsombud', nn: 'Digitaliseringsombod', sv: 'Digitaliseringsombud', da: 'Digitaliseringsambassadør', en: 'Digitalization ombud' },
    description: {
      nb: 'Superbruker som hjelper kolleger med utstyr og systemer og tar opp det som ikke fungerer.',
      nn: 'Superbrukar som hjelper kollegaer med utstyr og system og tek opp det som ikkje fungerer.',
      sv: 'Superanvändare som hjälper kollegor med utrustning och system och lyfter det som inte fungerar.',
      da: 'Superbruger, der hjælper kolleger med udstyr og systemer og tager det op, der ikke virker.',
      en: 'Super-user who helps colleagues with devices and systems and raises what does not work.',
    },
    requirements: req({ 'HC.DIG.1': 4, 'HC.DIG.6': 3, 'HC.SEC.3': 3, 'HC.SEC.4': 3, 'HC.EPR.1': 3, 'HC.WT.2': 3, 'HC.WT.6': 3, 'HC.LEAD.2': 2 }),
  },
];
