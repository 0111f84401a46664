import type { LeaderSurveyScale, ScaleDefinition } from './types.js';

/** The answer scales of the leader survey, with their labels in all five languages. */
export const SCALES: Readonly<Record<LeaderSurveyScale, ScaleDefinition>> = {
  agree5: {
    options: [
      {
        code: 'strongly_disagree',
        value: 1,
        text: { nb: 'Helt uenig', nn: 'Heilt ueinig', sv: 'Tar helt avstånd', da: 'Meget uenig', en: 'Strongly disagree' },
      },
      {
        code: 'disagree',
        value: 2,
        text: { nb: 'Litt uenig', nn: 'Litt ueinig', sv: 'Tar delvis avstånd', da: 'Uenig', en: 'Disagree' },
      },
      {
        code: 'neutral',
        value: 3,
        text: {
          nb: 'Verken enig eller uenig',
          nn: 'Verken einig eller ueinig',
          sv: 'Varken instämmer eller tar avstånd',
          da: 'Hverken enig eller uenig',
          en: 'Neither agree nor disagree',
        },
      },
      {
        code: 'agree',
        value: 4,
        text: { nb: 'Litt enig', nn: 'Litt einig', sv: 'Instämmer delvis', da: 'Enig', en: 'Agree' },
      },
      {
        code: 'strongly_agree',
        value: 5,
        text: { nb: 'Helt enig', nn: 'Heilt einig', sv: 'Instämmer helt', da: 'Meget enig', en: 'Strongly agree' },
      },
    ],
  },
  yes_no_unsure: {
    options: [
      { code: 'yes', text: { nb: 'Ja', nn: 'Ja', sv: 'Ja', da: 'Ja', en: 'Yes' } },
      { code: 'no', text: { nb: 'Nei', nn: 'Nei', sv: 'Nej', da: 'Nej', en: 'No' } },
      { code: 'unsure', text: { nb: 'Vet ikke', nn: 'Veit ikkje', sv: 'Vet inte', da: 'Ved ikke', en: "Don't know" } },
    ],
  },
  multi_select: {
    options: [],
    instruction: {
      nb: 'Velg alle som passer.',
      nn: 'Vel alle som passar.',
      sv: 'Välj alla som passar.',
      da: 'Vælg alle, der passer.',
      en: 'Select all that apply.',
    },
  },
};
