import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../../shared/domain.js';
import {
  answerOptions,
  COMPARABLE_INSTRUMENTS,
  findLeaderSurveyItem,
  LEADER_SURVEY_ITEMS,
  LEADER_SURVEY_SCALES,
  LEADER_SURVEY_THEMES,
  leaderSurveyItemsByTheme,
  type QuestionText,
  SCALES,
} from './question-bank.js';

// The seed bank of published survey items lives beside the repository in the
// development setup only; it is read in place and never copied into the repo.
const SEED_FILE = fileURLToPath(new URL('../../../../../../shared/data/survey-items-seed.json', import.meta.url));
const SKIP_MESSAGE = '(skipped: ../shared/data/survey-items-seed.json is not present in this checkout)';

/** Instrument ids of the seed bank, written out so that the structure tests run without it. */
const SEED_INSTRUMENT_IDS = ['ks-ipsos-helse-omsorg-2018', 'ks-arbeidsgivermonitor', 'ssb-ikt-offentlig-sektor', 'it-i-praksis-dk'];

interface Found {
  where: string;
  text: QuestionText;
}

function allTexts(): Found[] {
  const found: Found[] = [];
  for (const item of LEADER_SURVEY_ITEMS) {
    found.push({ where: item.code, text: item.text });
    for (const o of item.options ?? []) found.push({ where: `${item.code} option ${o.code}`, text: o.text });
  }
  for (const scale of LEADER_SURVEY_SCALES) {
    const def = SCALES[scale];
    if (def.instruction) found.push({ where: `${scale} instruction`, text: def.instruction });
    for (const o of def.options) found.push({ where: `${scale} ${o.code}`, text: o.text });
  }
  return found;
}

const words = (text: string) => new Set(text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean));
const BOKMAL_ONLY = ['ikke', 'hva', 'hvordan', 'hvilke', 'hvem', 'jeg', 'noen', 'ansatte', 'løsninger', 'tjenester', 'fra', 'vet'];
const NYNORSK_ONLY = ['ikkje', 'kva', 'korleis', 'kven', 'eg', 'nokon', 'tilsette', 'løysingar', 'tenester', 'frå', 'veit', 'dei'];

describe('leader-survey question bank', () => {
  it('has 15–20 items with unique, well-formed codes', () => {
    expect(LEADER_SURVEY_ITEMS.length).toBeGreaterThanOrEqual(15);
    expect(LEADER_SURVEY_ITEMS.length).toBeLessThanOrEqual(20);
    const codes = LEADER_SURVEY_ITEMS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^LS\.[A-Z]+\.\d+$/);
    for (const code of codes) expect(findLeaderSurveyItem(code)?.code).toBe(code);
    expect(findLeaderSurveyItem('LS.NOPE.1')).toBeUndefined();
  });

  it('has every text in all five languages, none empty', () => {
    const found = allTexts();
    expect(found.length).toBeGreaterThan(40);
    for (const { where, text } of found) {
      expect(Object.keys(text).sort(), where).toEqual([...LANGUAGES].sort());
      for (const lang of LANGUAGES) {
        expect(text[lang].trim().length, `${where} [${lang}]`).toBeGreaterThan(0);
        expect(text[lang], `${where} [${lang}]`).toBe(text[lang].trim());
      }
    }
  });

  it('covers every theme with at least two items', () => {
    for (const theme of LEADER_SURVEY_THEMES) {
      expect(leaderSurveyItemsByTheme(theme).length, theme).toBeGreaterThanOrEqual(2);
    }
    for (const item of LEADER_SURVEY_ITEMS) expect(LEADER_SURVEY_THEMES).toContain(item.theme);
  });

  it('uses known scales; multi_select items have options, the others do not', () => {
    for (const item of LEADER_SURVEY_ITEMS) {
      expect(LEADER_SURVEY_SCALES, item.code).toContain(item.scale);
      if (item.scale === 'multi_select') {
        const options = item.options ?? [];
        expect(options.length, item.code).toBeGreaterThanOrEqual(3);
        const codes = options.map((o) => o.code);
        expect(new Set(codes).size, item.code).toBe(codes.length);
        for (const code of codes) expect(code, item.code).toMatch(/^[a-z][a-z_]*$/);
        expect(options.filter((o) => o.exclusive).length, item.code).toBeLessThanOrEqual(1);
      } else {
        expect(item.options, item.code).toBeUndefined();
      }
      expect(answerOptions(item).length, item.code).toBeGreaterThanOrEqual(3);
    }
    expect(LEADER_SURVEY_ITEMS.some((i) => i.scale === 'agree5')).toBe(true);
    expect(LEADER_SURVEY_ITEMS.some((i) => i.scale === 'yes_no_unsure')).toBe(true);
  });

  it('asks which partners leaders work with, including the Nordic bodies and "none"', () => {
    const partners = LEADER_SURVEY_ITEMS.find((i) => i.theme === 'collaboration' && i.scale === 'multi_select');
    const codes = (partners?.options ?? []).map((o) => o.code);
    for (const code of ['municipal_association', 'state_authority', 'higher_education', 'other_municipalities', 'vendors', 'hospital_or_region', 'none']) {
      expect(codes).toContain(code);
    }
    const none = partners?.options?.find((o) => o.code === 'none');
    expect(none?.exclusive).toBe(true);
    expect(none?.text.en).toMatch(/none/i);
  });

  it('defines the scales with ordered labels in five languages', () => {
    expect(SCALES.agree5.options.map((o) => o.code)).toEqual(['strongly_disagree', 'disagree', 'neutral', 'agree', 'strongly_agree']);
    expect(SCALES.agree5.options.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(SCALES.agree5.options[0]?.text.en).toBe('Strongly disagree');
    expect(SCALES.agree5.options[4]?.text.en).toBe('Strongly agree');
    expect(SCALES.yes_no_unsure.options.map((o) => o.code)).toEqual(['yes', 'no', 'unsure']);
    expect(SCALES.multi_select.options).toEqual([]);
    expect(SCALES.multi_select.instruction).toBeDefined();
    for (const scale of LEADER_SURVEY_SCALES) {
      const labels = SCALES[scale].options.map((o) => o.text.en);
      expect(new Set(labels).size, scale).toBe(labels.length);
    }
  });

  it('names a known instrument for every item', () => {
    expect(COMPARABLE_INSTRUMENTS.map((i) => i.id).sort()).toEqual([...SEED_INSTRUMENT_IDS].sort());
    for (const item of LEADER_SURVEY_ITEMS) expect(SEED_INSTRUMENT_IDS, item.code).toContain(item.comparableTo);
    // Every instrument is used, so results can be compared with each of them.
    for (const id of SEED_INSTRUMENT_IDS) expect(LEADER_SURVEY_ITEMS.some((i) => i.comparableTo === id), id).toBe(true);
  });

  it.skipIf(!existsSync(SEED_FILE))(`refers only to instruments and items in the seed bank ${SKIP_MESSAGE}`, () => {
    const seed = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { instruments: { id: string; items: { id: string }[] }[] };
    const instruments = new Map(seed.instruments.map((i) => [i.id, new Set(i.items.map((item) => item.id))]));
    expect([...instruments.keys()].sort()).toEqual([...SEED_INSTRUMENT_IDS].sort());
    for (const item of LEADER_SURVEY_ITEMS) {
      const items = instruments.get(item.comparableTo);
      expect(items, `${item.code} → ${item.comparableTo}`).toBeDefined();
      if (item.comparableItem) expect(items?.has(item.comparableItem), `${item.code} → ${item.comparableItem}`).toBe(true);
    }
  });

  it('has item texts of their own in each language, with real Nynorsk', () => {
    for (const { code, text } of LEADER_SURVEY_ITEMS) {
      for (const lang of ['nn', 'sv', 'da', 'en'] as const) expect(text[lang], `${code} [${lang}]`).not.toBe(text.nb);
      expect(text.sv, code).not.toMatch(/[æøÆØ]/);
      for (const lang of ['nb', 'nn', 'da'] as const) expect(text[lang], `${code} [${lang}]`).not.toMatch(/[äöÄÖ]/);
    }
    for (const { where, text } of allTexts()) {
      const nn = words(text.nn);
      const nb = words(text.nb);
      expect(BOKMAL_ONLY.filter((w) => nn.has(w)), `${where} [nn]`).toEqual([]);
      expect(NYNORSK_ONLY.filter((w) => nb.has(w)), `${where} [nb]`).toEqual([]);
    }
  });

  it('marks reverse-scored items only on the agreement scale', () => {
    for (const item of LEADER_SURVEY_ITEMS.filter((i) => i.reverseScored)) expect(item.scale, item.code).toBe('agree5');
  });
});
