import { sql, type RawBuilder } from 'kysely';
import type { Language } from '../../../../shared/domain.js';

// The catalogue sorts titles the way a reader of the sort language expects:
// case does not matter, accented letters go with their base letter, and the
// Nordic letters come after z in their own order (nb, nn, da: æ ø å; sv:
// å ä ö, with æ and ø read as ä and ö); English puts them with a and o.
//
// Why not a database collation: SQL here must behave the same on PGlite and
// PostgreSQL. Both have ICU's root collation ("und-x-icu"), but it files å
// under a and ø under o, which is wrong for four of our five languages, and
// the Nordic ICU collations ("nb-x-icu", "sv-x-icu", …) exist only in
// PostgreSQL: PGlite's ICU carries no language tailorings (a collation
// created with locale 'nb' sorts exactly like root), so the two would page
// differently. Instead the sort key maps the letters onto ASCII that the
// byte-wise "C" collation orders as wanted ('{', '|', '}' follow 'z'), after
// lowering with ICU (which, unlike a database in the C locale, lowers Æ Ø Å).

const FOLDS: [string, string][] = [
  ['àáâãāą', 'a'],
  ['çćč', 'c'],
  ['ďđð', 'd'],
  ['èéêëēęě', 'e'],
  ['ìíîïī', 'i'],
  ['łľ', 'l'],
  ['ñńň', 'n'],
  ['òóôõō', 'o'],
  ['ŕř', 'r'],
  ['śšş', 's'],
  ['ťţ', 't'],
  ['ùúûūů', 'u'],
  ['ýÿ', 'y'],
  ['źżž', 'z'],
];

const NORDIC: [string, string][] = [['æä', '{'], ['øöő', '|'], ['å', '}'], ['üű', 'y']];
const SWEDISH: [string, string][] = [['å', '{'], ['äæ', '|'], ['öøő', '}'], ['üű', 'y']];
const ENGLISH: [string, string][] = [['æäå', 'a'], ['øöő', 'o'], ['üű', 'u']];

const LETTERS: Record<Language, [string, string][]> = { nb: NORDIC, nn: NORDIC, da: NORDIC, sv: SWEDISH, en: ENGLISH };

/** translate()'s two arguments: every letter in the first becomes the letter at the same place in the second. */
export function sortTranslation(language: Language): { from: string; to: string } {
  const pairs = [...FOLDS, ...LETTERS[language]];
  return { from: pairs.map(([f]) => f).join(''), to: pairs.map(([f, t]) => t.repeat([...f].length)).join('') };
}

/** The expression to order text by for readers of the language (compare with the "C" collation). */
export function titleSortKey(text: RawBuilder<string>, language: Language): RawBuilder<string> {
  const { from, to } = sortTranslation(language);
  return sql<string>`translate(lower((${text}) collate "und-x-icu"), ${from}, ${to}) collate "C"`;
}
