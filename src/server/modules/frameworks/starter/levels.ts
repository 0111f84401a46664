import type { LevelSource } from './define.js';

/** The four-level scale of the starter framework, from first steps to guiding others. */
export const STARTER_LEVELS: readonly LevelSource[] = [
  {
    level: 1,
    name: { nb: 'Grunnleggende', nn: 'Grunnleggjande', sv: 'Grundläggande', da: 'Grundlæggende', en: 'Basic' },
    description: {
      nb: 'Kjenner til det viktigste og kan utføre enkle oppgaver med veiledning.',
      nn: 'Kjenner til det viktigaste og kan utføre enkle oppgåver med rettleiing.',
      sv: 'Känner till det viktigaste och kan utföra enkla uppgifter med stöd.',
      da: 'Kender det vigtigste og kan løse enkle opgaver med vejledning.',
      en: 'Knows the essentials and can carry out simple tasks with guidance.',
    },
  },
  {
    level: 2,
    name: { nb: 'Selvstendig', nn: 'Sjølvstendig', sv: 'Självständig', da: 'Selvstændig', en: 'Independent' },
    description: {
      nb: 'Utfører vanlige oppgaver på egen hånd i det daglige arbeidet.',
      nn: 'Utfører vanlege oppgåver på eiga hand i det daglege arbeidet.',
      sv: 'Utför vanliga uppgifter på egen hand i det dagliga arbetet.',
      da: 'Løser almindelige opgaver på egen hånd i det daglige arbejde.',
      en: 'Carries out routine tasks on their own in everyday work.',
    },
  },
  {
    level: 3,
    name: { nb: 'Avansert', nn: 'Avansert', sv: 'Avancerad', da: 'Avanceret', en: 'Advanced' },
    description: {
      nb: 'Håndterer krevende og uvanlige situasjoner og tilpasser arbeidsmåten etter behov.',
      nn: 'Handterer krevjande og uvanlege situasjonar og tilpassar arbeidsmåten etter behov.',
      sv: 'Hanterar krävande och ovanliga situationer och anpassar arbetssättet efter behov.',
      da: 'Håndterer krævende og usædvanlige situationer og tilpasser arbejdsmåden efter behov.',
      en: 'Handles demanding and unusual situations and adapts the way of working as needed.',
    },
  },
  {
    level: 4,
    name: {
      nb: 'Ekspert/veileder',
      nn: 'Ekspert/rettleiar',
      sv: 'Expert/handledare',
      da: 'Ekspert/vejleder',
      en: 'Expert / can guide others',
    },
    description: {
      nb: 'Veileder og lærer opp andre, og bidrar til å utvikle rutiner og praksis.',
      nn: 'Rettleier og lærer opp andre, og bidreg til å utvikle rutinar og praksis.',
      sv: 'Handleder och lär upp andra samt bidrar till att utveckla rutiner och arbetssätt.',
      da: 'Vejleder og oplærer andre og bidrager til at udvikle rutiner og praksis.',
      en: 'Guides and trains others, and helps develop routines and practice.',
    },
  },
];
