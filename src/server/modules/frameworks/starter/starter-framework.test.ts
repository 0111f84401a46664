import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../../shared/domain.js';
import { frameworkDocument, frameworkProblems, type LocalizedText } from '../framework.document.js';
import { DIGCOMP_3_IDS } from './define.js';
import { buildStarterFramework, STARTER_AREA_CODES, STARTER_FRAMEWORK_KEY } from './starter-framework.js';

// The DigComp 3.0 reference data lives beside the repository in the development
// setup only; it is read in place and never copied into the repo.
const DIGCOMP_FILE = fileURLToPath(new URL('../../../../../../shared/data/digcomp-3.0.json', import.meta.url));
const SKIP_MESSAGE = '(skipped: ../shared/data/digcomp-3.0.json is not present in this checkout)';

/** The 21 competence ids of DigComp 3.0, written out independently of the source. */
const DIGCOMP_IDS = [
  '1.1', '1.2', '1.3',
  '2.1', '2.2', '2.3', '2.4', '2.5', '2.6',
  '3.1', '3.2', '3.3', '3.4',
  '4.1', '4.2', '4.3', '4.4',
  '5.1', '5.2', '5.3', '5.4',
];

const doc = buildStarterFramework();

interface Found {
  where: string;
  text: LocalizedText;
}

/** Every translatable text in the document, with where it sits. */
function allTexts(): Found[] {
  const found: Found[] = [{ where: 'name', text: doc.name }];
  if (doc.description) found.push({ where: 'description', text: doc.description });
  for (const l of doc.levels) {
    found.push({ where: `level ${l.level} name`, text: l.name });
    if (l.description) found.push({ where: `level ${l.level} description`, text: l.description });
  }
  for (const a of doc.areas) {
    found.push({ where: `area ${a.code} name`, text: a.name });
    if (a.description) found.push({ where: `area ${a.code} description`, text: a.description });
  }
  for (const c of doc.competences) {
    found.push({ where: `${c.code} name`, text: c.name });
    if (c.description) found.push({ where: `${c.code} description`, text: c.description });
    for (const d of c.levelDescriptions ?? []) found.push({ where: `${c.code} level ${d.level}`, text: d.text });
  }
  return found;
}

/** Texts that are full sentences: descriptions and level descriptions. */
const sentences = () => allTexts().filter((f) => !f.where.endsWith('name'));

const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean));
const get = (text: LocalizedText, lang: Language) => text[lang] ?? '';

// Frequent words that exist in only one of the two written Norwegian standards.
const BOKMAL_ONLY = [
  'ikke', 'hvordan', 'hva', 'hvem', 'hvor', 'hvilke', 'hvis', 'noen', 'noe', 'selv', 'mye', 'bare', 'fra', 'vet', 'sier',
  'sikkerhet', 'taushetsplikt', 'ansatte', 'løsning', 'løsningen', 'løsninger', 'løsningene', 'tjeneste', 'tjenesten',
  'tjenester', 'hjemme', 'veileder', 'veiledning', 'hendelse', 'hendelser', 'pårørende', 'brukere', 'brukerne',
  'brukerens', 'deres', 'enheten', 'enhetens',
];
const NYNORSK_ONLY = [
  'ikkje', 'kva', 'korleis', 'kven', 'kvar', 'kvifor', 'berre', 'frå', 'dei', 'ein', 'eit', 'noko', 'nokon', 'veit',
  'eininga', 'einingar', 'tilsette', 'brukarar', 'brukaren', 'tenesta', 'tenester', 'heime', 'løysing', 'løysinga',
  'løysingar', 'rettleiing', 'tryggleik', 'pårørande',
];

describe('buildStarterFramework', () => {
  it('is a valid framework document without structural problems', () => {
    const parsed = frameworkDocument.parse(doc);
    expect(parsed.key).toBe(STARTER_FRAMEWORK_KEY);
    expect(parsed.version).toBe('1.0');
    expect(parsed.source).toBe('Mestring (original content)');
    expect(parsed.licence).toBe('CC BY 4.0');
    expect(frameworkProblems(parsed)).toEqual([]);
    expect(frameworkProblems(doc)).toEqual([]);
  });

  it('has a four-level scale, 5–6 areas and 20–26 competences', () => {
    expect(doc.levels.map((l) => l.level)).toEqual([1, 2, 3, 4]);
    expect(doc.areas.length).toBeGreaterThanOrEqual(5);
    expect(doc.areas.length).toBeLessThanOrEqual(6);
    expect(doc.competences.length).toBeGreaterThanOrEqual(20);
    expect(doc.competences.length).toBeLessThanOrEqual(26);
  });

  it('has every text in all five languages, none empty', () => {
    const found = allTexts();
    expect(found.length).toBeGreaterThan(100);
    for (const { where, text } of found) {
      expect(Object.keys(text).sort(), where).toEqual([...LANGUAGES].sort());
      for (const lang of LANGUAGES) {
        expect(get(text, lang).trim().length, `${where} [${lang}]`).toBeGreaterThan(0);
        expect(get(text, lang), `${where} [${lang}]`).toBe(get(text, lang).trim());
      }
    }
    for (const l of doc.levels) expect(l.description, `level ${l.level}`).toBeDefined();
    for (const a of doc.areas) expect(a.description, a.code).toBeDefined();
    for (const c of doc.competences) expect(c.description, c.code).toBeDefined();
  });

  it('describes every level of the scale for every competence, once each', () => {
    const scale = doc.levels.map((l) => l.level);
    for (const c of doc.competences) {
      expect((c.levelDescriptions ?? []).map((d) => d.level), c.code).toEqual(scale);
    }
  });

  it('has unique, well-formed codes, each competence under its own area', () => {
    const areaCodes = doc.areas.map((a) => a.code);
    const codes = doc.competences.map((c) => c.code);
    expect(new Set(areaCodes).size).toBe(areaCodes.length);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of areaCodes) expect(code).toMatch(/^HC\.[A-Z]+$/);
    for (const c of doc.competences) {
      expect(c.code).toMatch(/^HC\.[A-Z]+\.\d+$/);
      expect(c.code.startsWith(`${c.areaCode}.`), c.code).toBe(true);
    }
  });

  it('has the health-and-care areas DigComp lacks, each with competences', () => {
    for (const [theme, code] of Object.entries(STARTER_AREA_CODES)) {
      expect(doc.areas.some((a) => a.code === code), theme).toBe(true);
      expect(doc.competences.filter((c) => c.areaCode === code).length, theme).toBeGreaterThanOrEqual(3);
    }
  });

  it('covers the required topics in each area', () => {
    const english = (areaCode: string) =>
      doc.competences
        .filter((c) => c.areaCode === areaCode)
        .flatMap((c) => [c.name.en, c.description?.en, ...(c.levelDescriptions ?? []).map((d) => d.text.en)])
        .join(' ');
    const topics: Record<string, RegExp[]> = {
      [STARTER_AREA_CODES.digitalBasics]: [/tablet/i, /phone/i, /video meeting/i, /health information/i, /technical problem/i],
      [STARTER_AREA_CODES.welfareTechnology]: [/medicine dispenser/i, /sensor/i, /alarm/i, /digital supervision/i, /GPS/, /video consultation/i, /needs/i, /relatives/i],
      [STARTER_AREA_CODES.recordsAndSystems]: [/record/i, /electronic messages/i, /e-prescription/i, /medicine list/i, /decision support/i, /checklist/i],
      [STARTER_AREA_CODES.securityAndPrivacy]: [/GDPR/, /confidentiality/i, /access/i, /logged/i, /deviation/i, /phishing/i, /shared tablet/i],
      [STARTER_AREA_CODES.leadingChange]: [/benefits/i, /involv/i, /training/i, /PDCA/, /ombuds/i, /celebrat/i],
    };
    for (const [area, patterns] of Object.entries(topics)) {
      const text = english(area);
      for (const pattern of patterns) expect(text, `${area} ${pattern}`).toMatch(pattern);
    }
  });

  it('refers only to DigComp 3.0 competence ids, and to the expected ones', () => {
    const refs = doc.competences.map((c) => c.digcompRef).filter((r): r is string => typeof r === 'string');
    expect(DIGCOMP_IDS).toHaveLength(21);
    expect([...DIGCOMP_3_IDS]).toEqual(DIGCOMP_IDS);
    for (const ref of refs) expect(DIGCOMP_IDS).toContain(ref);
    for (const expected of ['1.1', '1.2', '2.1', '3.1', '4.1', '4.2', '5.1', '5.2']) expect(refs).toContain(expected);
    // The areas DigComp lacks are mostly without a counterpart.
    const welfare = doc.competences.filter((c) => c.areaCode === STARTER_AREA_CODES.welfareTechnology);
    expect(welfare.filter((c) => c.digcompRef == null).length).toBeGreaterThan(welfare.length / 2);
  });

  it.skipIf(!existsSync(DIGCOMP_FILE))(`refers only to ids found in the DigComp 3.0 data ${SKIP_MESSAGE}`, () => {
    const data = JSON.parse(readFileSync(DIGCOMP_FILE, 'utf8')) as { competences: { id: string }[] };
    const ids = new Set(data.competences.map((c) => c.id));
    expect([...ids].sort()).toEqual([...DIGCOMP_IDS].sort());
    for (const c of doc.competences) if (c.digcompRef != null) expect(ids.has(c.digcompRef), c.code).toBe(true);
  });

  it('has real Nynorsk: nn differs from nb and avoids Bokmål-only words (and vice versa)', () => {
    const found = allTexts();
    const differing = found.filter((f) => get(f.text, 'nb') !== get(f.text, 'nn'));
    expect(differing.length / found.length).toBeGreaterThanOrEqual(0.9);
    for (const { where, text } of sentences()) expect(get(text, 'nn'), where).not.toBe(get(text, 'nb'));
    for (const { where, text } of found) {
      const nn = words(get(text, 'nn'));
      const nb = words(get(text, 'nb'));
      expect(BOKMAL_ONLY.filter((w) => nn.has(w)), `${where} [nn]`).toEqual([]);
      expect(NYNORSK_ONLY.filter((w) => nb.has(w)), `${where} [nb]`).toEqual([]);
    }
  });

  it('has Swedish, Danish and English texts of their own', () => {
    for (const { where, text } of allTexts()) {
      for (const lang of ['sv', 'da', 'en'] as const) expect(get(text, lang), `${where} [${lang}]`).not.toBe(get(text, 'nb'));
      expect(get(text, 'sv'), `${where} [sv]`).not.toMatch(/[æøÆØ]/);
      for (const lang of ['nb', 'nn', 'da'] as const) expect(get(text, lang), `${where} [${lang}]`).not.toMatch(/[äöÄÖ]/);
    }
  });

  it('returns a fresh document on every call', () => {
    const first = buildStarterFramework();
    first.competences[0]!.name.en = 'changed';
    first.areas.pop();
    const second = buildStarterFramework();
    expect(second.competences[0]!.name.en).not.toBe('changed');
    expect(second.areas).toHaveLength(doc.areas.length);
  });
});
