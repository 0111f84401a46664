import type { Language } from '../../src/shared/domain.js';

// Name pools for the fictional demo staff. Individual given and family names are
// common ones; the people are invented by combining them at random, so no
// combination is meant to describe a real person.

const NORWEGIAN_GIVEN = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg',
  'Hilde', 'Anna', 'Solveig', 'Marianne', 'Randi', 'Ida', 'Nina', 'Maria', 'Elisabeth', 'Kristin',
  'Bente', 'Heidi', 'Silje', 'Hanne', 'Gunn', 'Camilla', 'Tone', 'Ingeborg', 'Mona', 'Sara',
  'Linda', 'Nora', 'Emma', 'Ragnhild', 'Turid', 'Grete', 'Tonje', 'Julie', 'Karin', 'Marte',
  'Thea', 'Ellen', 'Siri', 'Sigrid', 'Guro', 'Janne', 'Trine', 'Mari', 'Aud', 'Eli',
  'Stine', 'Vilde', 'Synnøve', 'Åse', 'Hege', 'Wenche', 'Lene', 'Oda', 'Maren', 'Ingvild',
  'Kjersti', 'Torill', 'Ane', 'Helene',
  // Care work in Norway is mostly done by women; roughly one in five here is a man.
  'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Thomas',
  'Geir', 'Tor', 'Martin', 'Morten', 'Erik', 'Anders', 'Jonas', 'Magnus', 'Eirik', 'Håkon',
];

const NORWEGIAN_FAMILY = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen',
  'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl',
  'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Moen', 'Gundersen', 'Iversen', 'Strand', 'Solberg',
  'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen', 'Bakken', 'Kristoffersen', 'Mathisen', 'Lie', 'Amundsen',
  'Rasmussen', 'Lunde', 'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke', 'Fredriksen', 'Holm', 'Lien',
  'Hauge', 'Evensen', 'Sæther', 'Aas', 'Myhre', 'Haugland', 'Thomassen', 'Sivertsen', 'Simonsen', 'Danielsen',
  'Berntsen', 'Sandvik', 'Rønning', 'Arnesen', 'Næss', 'Vik', 'Haug', 'Ellingsen', 'Thorsen', 'Birkeland',
  'Isaksen', 'Ruud', 'Aasen', 'Strøm', 'Myklebust', 'Tangen', 'Ødegård', 'Helland', 'Bøe', 'Aune',
  'Tveit', 'Brekke', 'Vold', 'Fosse',
];

// Many care workers in Norway grew up elsewhere but work (and prefer to read) in
// Norwegian; giving them names from these pools keeps the demo staff realistic.
const IMMIGRANT_GIVEN = [
  'Amina', 'Fatima', 'Yasmin', 'Leila', 'Hodan', 'Samira', 'Agnieszka', 'Joanna', 'Marta', 'Mai',
  'Linh', 'Maricel', 'Grace', 'Ahmed', 'Mohammed', 'Yonas', 'Tomasz', 'Piotr', 'Abdi', 'Ruth',
];
const IMMIGRANT_FAMILY = [
  'Ahmed', 'Ali', 'Hussain', 'Mohamed', 'Abdi', 'Nguyen', 'Tran', 'Pham', 'Nowak', 'Kowalczyk',
  'Santos', 'Reyes', 'Haile', 'Tesfaye', 'Yusuf', 'Wisniewski',
];

// Staff trained in Sweden or Denmark, or recruited internationally, who prefer
// their own language (or English) in the app.
const FOREIGN_NAMES: Record<'sv' | 'da' | 'en', { given: string[]; family: string[] }> = {
  sv: {
    given: ['Maja', 'Elin', 'Sofia', 'Johanna', 'Linnéa', 'Ebba', 'Frida', 'Johan', 'Oskar', 'Mikael'],
    family: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Persson', 'Svensson', 'Lindqvist', 'Bergström'],
  },
  da: {
    given: ['Mette', 'Lone', 'Pernille', 'Rikke', 'Sanne', 'Søren', 'Mads', 'Rasmus', 'Jesper', 'Mikkel'],
    family: ['Mortensen', 'Poulsen', 'Kristensen', 'Madsen', 'Christensen', 'Nielsen', 'Østergaard', 'Lauridsen', 'Frandsen', 'Kjær'],
  },
  en: {
    given: ['Sarah', 'Emily', 'Chloe', 'Ana', 'Priya', 'Daniel', 'James', 'Michael', 'Kwame', 'Luis'],
    family: ['Smith', 'Walker', 'Brown', 'Okafor', 'Mensah', 'García', 'Fernandes', 'Sharma', 'Novak', 'Murphy'],
  },
};

export type NamePool = { given: readonly string[]; family: readonly string[] };

/** Which names fit someone who prefers `language`; `immigrant` only matters for nb/nn. */
export function namePoolFor(language: Language, immigrant: boolean): NamePool {
  if (language === 'sv' || language === 'da' || language === 'en') return FOREIGN_NAMES[language];
  return immigrant
    ? { given: IMMIGRANT_GIVEN, family: IMMIGRANT_FAMILY }
    : { given: NORWEGIAN_GIVEN, family: NORWEGIAN_FAMILY };
}

const FOLD: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ä: 'a', ö: 'o' };

/**
 * Mail systems in Norwegian municipalities fold æ/ø/å to ASCII in addresses;
 * other diacritics are simply stripped so every address is plain ASCII.
 */
export function emailLocalPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøåäö]/g, (ch) => FOLD[ch] ?? ch)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
