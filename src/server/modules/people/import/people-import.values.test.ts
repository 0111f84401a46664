import { describe, expect, it } from 'vitest';
import { PROFESSIONS } from '../../../../shared/domain.js';
import { parseEmail, parseLanguage, parsePositionPct, professionFromTitle } from './people-import.values.js';

describe('professionFromTitle', () => {
  it.each([
    ['Sykepleier', 'nurse'],
    ['sjukepleiar', 'nurse'],
    ['Sjuksköterska', 'nurse'],
    ['SYGEPLEJERSKE', 'nurse'],
    ['Spesialsykepleier', 'specialist_nurse'],
    ['Specialistsjuksköterska', 'specialist_nurse'],
    ['Specialsygeplejerske', 'specialist_nurse'],
    ['Intensivsykepleier', 'specialist_nurse'],
    ['Helsefagarbeider', 'health_care_worker'],
    ['Helsefagarbeidar', 'health_care_worker'],
    ['Hjelpepleier', 'health_care_worker'],
    ['Undersköterska', 'health_care_worker'],
    ['Social- og sundhedsassistent', 'health_care_worker'],
    ['SOSU-assistent', 'health_care_worker'],
    ['sosu assistent', 'health_care_worker'],
    ['Vernepleier', 'social_educator'],
    ['Socialpedagog', 'social_educator'],
    ['Pædagog', 'social_educator'],
    ['Assistent', 'assistant'],
    ['Pleieassistent', 'assistant'],
    ['Vårdbiträde', 'assistant'],
    ['Social- og sundhedshjælper', 'assistant'],
    ['assistant', 'assistant'],
    ['Fysioterapeut', 'physiotherapist'],
    ['Sjukgymnast', 'physiotherapist'],
    ['Ergoterapeut', 'occupational_therapist'],
    ['Arbetsterapeut', 'occupational_therapist'],
    ['Lege', 'doctor'],
    ['Läkare', 'doctor'],
    ['Læge', 'doctor'],
    ['Overlege', 'doctor'],
    ['Leder', 'leader'],
    ['Enhetsleder', 'leader'],
    ['Avdelingsleder', 'leader'],
    ['Chef', 'leader'],
    ['Enhetschef', 'leader'],
    ['leader', 'leader'],
    ['Andet', 'other'],
    // Qualifiers after the title, and compounds ending in one.
    ['Sykepleier natt', 'nurse'],
    ['Avdelingsleder sykehjem', 'leader'],
    ['  demensassistent ', 'assistant'],
    ['SOSU-assistent, nat', 'health_care_worker'],
  ])('maps %s to %s', (title, code) => {
    expect(professionFromTitle(title)).toBe(code);
  });

  it('accepts every profession code itself', () => {
    for (const code of PROFESSIONS) expect(professionFromTitle(code)).toBe(code);
  });

  it.each(['Sykepleierstudent', 'Kokk', 'Snekker', '', '   ', '123'])('does not guess %j', (title) => {
    expect(professionFromTitle(title)).toBeNull();
  });
});

describe('parsePositionPct', () => {
  it.each([
    ['80', 80],
    ['80 %', 80],
    ['80%', 80],
    ['80,5', 80.5],
    ['80.5', 80.5],
    ['100', 100],
    ['100,00 %', 100],
    ['0,8', 80],
    ['0.8', 80],
    ['1', 100], // a fraction of a full position, see parsePositionPct
    ['1,0', 100],
    ['0.835', 83.5],
    ['0,5 %', 0.5], // an explicit % sign is never scaled
    ['0.1234', 12.34],
    ['\u00a080\u00a0%', 80],
  ])('reads %j as %d', (text, value) => {
    expect(parsePositionPct(text)).toBe(value);
  });

  it.each(['0', '0 %', '0,0', '101', '150 %', '-50', 'abc', '80 prosent', '1.000,5', '', '50/50', '1e2'])(
    'rejects %j',
    (text) => {
      expect(parsePositionPct(text)).toBeNull();
    },
  );
});

describe('parseLanguage', () => {
  it.each([
    ['nb', 'nb'], ['NN', 'nn'], ['sv', 'sv'], ['da', 'da'], ['en', 'en'],
    ['norsk', 'nb'], ['Bokmål', 'nb'], ['nynorsk', 'nn'], ['Svenska', 'sv'], ['dansk', 'da'], ['English', 'en'],
    ['nb-NO', 'nb'], ['sv_SE', 'sv'], ['en-GB', 'en'], ['no', 'nb'],
  ])('reads %j as %s', (text, code) => {
    expect(parseLanguage(text)).toBe(code);
  });

  it.each(['de', 'tysk', 'fi', 'suomi', 'x'])('rejects %j', (text) => {
    expect(parseLanguage(text)).toBeNull();
  });
});

describe('parseEmail', () => {
  it('lowercases and drops a mailto: prefix', () => {
    expect(parseEmail('Kari.Nordmann@Kommune.NO')).toBe('kari.nordmann@kommune.no');
    expect(parseEmail('mailto:ola@example.no')).toBe('ola@example.no');
  });

  it.each(['kari', 'kari@', '@kommune.no', 'kari nordmann@kommune.no', 'kari@kommune'])('rejects %j', (text) => {
    expect(parseEmail(text)).toBeNull();
  });
});
