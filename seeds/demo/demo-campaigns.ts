import { LEADER_SURVEY_ITEMS, answerOptions, type LeaderSurveyItem } from '../../src/server/modules/mapping/question-bank/question-bank.js';
import { buildStarterFramework } from '../../src/server/modules/frameworks/starter/starter-framework.js';
import { ROLE_PROFILE_TEMPLATES } from '../../src/server/modules/role-profiles/role-profile.templates.js';
import type { Profession } from '../../src/shared/domain.js';
import { seededRandom, type Random } from './demo-random.js';
import type { DemoAccount, DemoAnswer, DemoCampaign, DemoEmployee, DemoMunicipality } from './demo-types.js';

// The completed mapping campaigns of the demo. Each demo municipality ran two,
// about six months apart, with the self-assessment and the leader survey; the
// second shows what half a year of follow-up did: levels shifted up, most where
// the first campaign showed gaps and in information security and welfare
// technology, and leaders more often report a strategy and training on offer.
// Each benchmark municipality ran one anonymous self-assessment.
//
// A person's levels come from a simple model: a base per profession and area,
// the unit's and municipality's own offsets, the person's general confidence,
// how hard the competence is, and noise. Everything is drawn from a seeded
// generator, so the demo is identical every time.

/** When the campaigns ran, in days before seeding: ~7 and ~1 month ago, three weeks each. */
export const DEMO_CAMPAIGN_WINDOWS = {
  first: { opensDaysAgo: 228, closesDaysAgo: 207 },
  second: { opensDaysAgo: 51, closesDaysAgo: 30 },
} as const;

type Area = 'DIG' | 'WT' | 'EPR' | 'SEC' | 'LEAD';

/** Typical self-rated level (scale 1–4) per profession and area of the starter framework. */
const BASE: Record<Profession, Record<Area, number>> = {
  nurse: { DIG: 2.5, WT: 2.1, EPR: 2.8, SEC: 2.2, LEAD: 1.6 },
  specialist_nurse: { DIG: 2.8, WT: 2.4, EPR: 3.0, SEC: 2.5, LEAD: 2.0 },
  health_care_worker: { DIG: 2.1, WT: 1.9, EPR: 2.0, SEC: 1.8, LEAD: 1.3 },
  assistant: { DIG: 1.9, WT: 1.5, EPR: 1.4, SEC: 1.5, LEAD: 1.1 },
  social_educator: { DIG: 2.4, WT: 2.2, EPR: 2.3, SEC: 2.1, LEAD: 1.6 },
  physiotherapist: { DIG: 2.6, WT: 2.5, EPR: 2.4, SEC: 2.1, LEAD: 1.6 },
  occupational_therapist: { DIG: 2.6, WT: 2.8, EPR: 2.3, SEC: 2.1, LEAD: 1.6 },
  doctor: { DIG: 2.8, WT: 1.9, EPR: 3.1, SEC: 2.5, LEAD: 2.0 },
  leader: { DIG: 2.6, WT: 2.2, EPR: 2.4, SEC: 2.3, LEAD: 2.5 },
  other: { DIG: 2.2, WT: 1.7, EPR: 1.8, SEC: 1.8, LEAD: 1.4 },
};

/** Self-assessments run a little above what the bases alone give (people rate themselves kindly). */
const LIFT = 0.3;

/** What the kind of service adds, by the unit code's prefix (home care lives with alarms and dispensers). */
const SERVICE: Record<string, Partial<Record<Area, number>>> = {
  HJT: { WT: 0.35, EPR: 0.1 },
  SH: { WT: 0.05 },
  HH: { WT: 0.1 },
  TFF: { EPR: -0.2, WT: 0.1 },
  REH: { WT: 0.3, DIG: 0.1 },
};

/** Competences most staff find harder (or easier) than the rest of their area. */
const DIFFICULTY: Record<string, number> = {
  'HC.DIG.1': 0.35, 'HC.DIG.5': -0.35, 'HC.EPR.1': 0.3, 'HC.EPR.3': -0.2,
  'HC.SEC.2': -0.35, 'HC.SEC.4': -0.2, 'HC.WT.5': -0.35, 'HC.WT.4': -0.15, 'HC.LEAD.4': -0.25,
};

type Shape = {
  code: string;
  /** Self-assessment response rate of the first and second campaign. */
  rates: readonly [number, number];
  /** The municipality's general level. */
  offset: number;
  mode: DemoCampaign['mode'];
  language: DemoCampaign['language'];
  /** Identified campaigns: who rates whom (by demo login and unit code). */
  raters?: { email: string; unitCode: string; counts: readonly [number, number] }[];
};

const DEMO_SHAPES: Record<string, Omit<Shape, 'code'>> = {
  '9901': { rates: [0.76, 0.84], offset: -0.12, mode: 'anonymous', language: 'nn' },
  '9902': { rates: [0.63, 0.75], offset: 0, mode: 'anonymous', language: 'nb' },
  '9903': {
    rates: [0.68, 0.81], offset: 0.08, mode: 'identified', language: 'nb',
    raters: [{ email: 'leder.hjemmetjeneste@havstad.kommune.example', unitCode: 'HJT-N', counts: [6, 10] }],
  },
};

const K = 5; // the default anonymity threshold; leader surveys are topped up to it where there are enough leaders

const areaOf = (code: string): Area => (code.split('.')[1] ?? 'DIG') as Area;

/** The starter framework's competence codes in framework order. */
export function starterCompetenceCodes(): string[] {
  return buildStarterFramework().competences.map((c) => c.code);
}

/** Required level per competence for a profession, from the first role-profile template for it. */
function requirementsFor(profession: Profession): Map<string, number> {
  const t = ROLE_PROFILE_TEMPLATES.find((x) => x.profession === profession);
  return new Map((t?.requirements ?? []).map((r) => [r.competenceCode, r.requiredLevel]));
}

function gaussian(r: Random): number {
  const u = Math.max(r.next(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
}

/** A small stable number per string (FNV-1a), for unit offsets that do not depend on drawing order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const clampLevel = (x: number) => Math.min(4, Math.max(1, Math.round(x)));

type Person = { e: DemoEmployee; unit: string; ability: number; latent: Map<string, number> };

function latentLevels(m: DemoMunicipality, shape: Shape, codes: string[], random: Random): Person[] {
  const unitOffset = new Map(m.units.map((u) => [u.code, (seededRandom(hash(`${m.code}/${u.code}`)).next() - 0.5) * 0.5]));
  return m.employees.map((e) => {
    const unit = e.unitCodes[0] ?? '';
    const service = SERVICE[unit.split('-')[0] ?? ''] ?? {};
    const ability = gaussian(random) * 0.4;
    const latent = new Map<string, number>();
    for (const code of codes) {
      const area = areaOf(code);
      latent.set(code, BASE[e.profession][area] + LIFT + (service[area] ?? 0) + (unitOffset.get(unit) ?? 0) + shape.offset + ability + (DIFFICULTY[code] ?? 0) + gaussian(random) * 0.25);
    }
    return { e, unit, ability, latent };
  });
}

/**
 * Half a year later: everyone a little up, information security and welfare
 * technology (where the municipality put its training) more, and most where a
 * person was below what the role profile asks or low in general.
 */
function grown(p: Person, codes: string[], random: Random): Map<string, number> {
  const required = requirementsFor(p.e.profession);
  const out = new Map<string, number>();
  for (const code of codes) {
    const before = p.latent.get(code)!;
    const area = areaOf(code);
    const need = required.get(code);
    const delta = 0.12 + (area === 'SEC' || area === 'WT' ? 0.3 : 0) + (need !== undefined && before < need - 0.4 ? 0.3 : 0) + Math.max(0, 2 - before) * 0.2 + gaussian(random) * 0.1;
    out.set(code, before + Math.max(0, delta));
  }
  return out;
}

function answersOf(p: Person, latent: Map<string, number>, codes: string[], second: boolean, random: Random): DemoAnswer[] {
  const required = requirementsFor(p.e.profession);
  const unsure = (p.e.profession === 'assistant' || p.e.profession === 'other' ? 0.08 : 0.03) * (second ? 0.6 : 1);
  return codes.map((code) => {
    const area = areaOf(code);
    const dontKnow = random.next() < unsure + (area === 'LEAD' && p.e.profession !== 'leader' ? 0.05 : 0) + (code === 'HC.WT.5' ? 0.04 : 0);
    const level = clampLevel(latent.get(code)! + gaussian(random) * 0.35);
    const below = (required.get(code) ?? 0) > level;
    const wants = dontKnow ? 0.3 : (0.06 + (level <= 2 ? 0.2 : 0) + (below ? 0.15 : 0) + (area === 'SEC' || area === 'WT' ? 0.08 : 0)) * (second ? 0.8 : 1);
    return { competenceCode: code, level: dontKnow ? null : level, wantsTraining: random.next() < wants };
  });
}

// ——— the leader survey ———

/** Mean agreement (1–5) per agree5 item in the first and second campaign. */
const AGREE: Record<string, readonly [number, number]> = {
  'LS.TASK.1': [3.6, 3.8], 'LS.TASK.2': [3.0, 3.2], 'LS.TASK.3': [4.1, 4.1],
  'LS.GAP.1': [3.7, 3.2], 'LS.GAP.2': [2.4, 2.9], 'LS.GAP.3': [3.6, 3.3], 'LS.GAP.4': [3.2, 2.9], 'LS.GAP.5': [3.8, 3.6],
  'LS.TRAIN.1': [3.2, 3.5], 'LS.TRAIN.2': [3.9, 3.6], 'LS.TRAIN.3': [3.7, 3.9],
  'LS.STRAT.4': [3.1, 3.5], 'LS.STRAT.5': [2.4, 2.9], 'LS.COLLAB.2': [2.8, 3.3],
};
/** Shares answering yes / no (the rest: don't know): strategies and plans appear between the two campaigns. */
const YES_NO: Record<string, readonly [readonly [number, number], readonly [number, number]]> = {
  'LS.STRAT.1': [[0.3, 0.45], [0.65, 0.2]],
  'LS.STRAT.2': [[0.35, 0.45], [0.7, 0.2]],
  'LS.STRAT.3': [[0.5, 0.3], [0.72, 0.15]],
};
/** Chance of choosing each option of the multi-select items (exclusive options alone, first). */
const MULTI: Record<string, readonly [Record<string, number>, Record<string, number>]> = {
  'LS.TRAIN.4': [
    { basic_digital_skills: 0.55, welfare_technology: 0.6, records_and_systems: 0.45, security_and_privacy: 0.55, innovation: 0.2, learning_and_adapting: 0.3, other: 0.05 },
    { basic_digital_skills: 0.45, welfare_technology: 0.45, records_and_systems: 0.4, security_and_privacy: 0.3, innovation: 0.3, learning_and_adapting: 0.35, other: 0.05 },
  ],
  'LS.COLLAB.1': [
    { none: 0.15, municipal_association: 0.3, state_authority: 0.15, higher_education: 0.2, other_municipalities: 0.3, vendors: 0.45, hospital_or_region: 0.25, other: 0.05 },
    { none: 0.04, municipal_association: 0.4, state_authority: 0.2, higher_education: 0.3, other_municipalities: 0.5, vendors: 0.5, hospital_or_region: 0.3, other: 0.05 },
  ],
  'LS.COLLAB.3': [
    { nobody: 0.12, own_staff: 0.5, municipal_it: 0.3, vendor: 0.45, external_provider: 0.2, inter_municipal: 0.15 },
    { nobody: 0.03, own_staff: 0.7, municipal_it: 0.4, vendor: 0.55, external_provider: 0.35, inter_municipal: 0.3 },
  ],
};

function surveyAnswer(item: LeaderSurveyItem, second: boolean, random: Random): string[] {
  const t = second ? 1 : 0;
  const options = answerOptions(item);
  if (item.scale === 'agree5') {
    const mean = AGREE[item.code]?.[t] ?? 3;
    const value = Math.min(5, Math.max(1, Math.round(mean + gaussian(random) * 0.9)));
    return [options[value - 1]!.code];
  }
  if (item.scale === 'yes_no_unsure') {
    const [yes, no] = YES_NO[item.code]?.[t] ?? [0.5, 0.3];
    const roll = random.next();
    return [roll < yes ? 'yes' : roll < yes + no ? 'no' : 'unsure'];
  }
  const odds = MULTI[item.code]?.[t] ?? {};
  const exclusive = options.find((o) => 'exclusive' in o && o.exclusive);
  if (exclusive && random.next() < (odds[exclusive.code] ?? 0)) return [exclusive.code];
  const chosen = options.filter((o) => o !== exclusive && random.next() < (odds[o.code] ?? 0.2)).map((o) => o.code);
  return chosen.length > 0 ? chosen : [options.find((o) => o !== exclusive)!.code];
}

function leaderSurveyOf(second: boolean, random: Random): Record<string, string[]> {
  return Object.fromEntries(LEADER_SURVEY_ITEMS.map((item) => [item.code, surveyAnswer(item, second, random)]));
}

// ——— putting it together ———

/** A whole day strictly inside the window, so any hour of it lies between opening and closing. */
const dayIn = (random: Random, w: { opensDaysAgo: number; closesDaysAgo: number }) =>
  random.int(w.closesDaysAgo + 1, w.opensDaysAgo - 1);

function subtree(m: DemoMunicipality, root: string): Set<string> {
  const codes = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of m.units) {
      if (u.parentCode && codes.has(u.parentCode) && !codes.has(u.code)) {
        codes.add(u.code);
        grew = true;
      }
    }
  }
  return codes;
}

function buildCampaigns(m: DemoMunicipality, shape: Shape, accounts: DemoAccount[], codes: string[]): DemoCampaign[] {
  const random = seededRandom(hash(`campaigns/${m.code}`));
  const people = latentLevels(m, shape, codes, random);
  const unitRate = new Map(m.units.map((u) => [u.code, (seededRandom(hash(`rate/${m.code}/${u.code}`)).next() - 0.5) * 0.16]));
  const leaders = people.filter((p) => p.e.profession === 'leader');
  // The demo logins linked to an employee answered both times, so "my competence" shows something for each.
  const logins = new Set(accounts.filter((a) => a.municipalityCode === m.code && a.employeeNumber).map((a) => a.employeeNumber!));
  const campaigns: DemoCampaign[] = [];
  (['first', 'second'] as const).forEach((key, t) => {
    const second = t === 1;
    const window = DEMO_CAMPAIGN_WINDOWS[key];
    const levels = new Map(people.map((p) => [p.e.employeeNumber, second ? grown(p, codes, random) : p.latent]));
    const responses: DemoCampaign['responses'] = [];
    for (const p of people) {
      const answers = answersOf(p, levels.get(p.e.employeeNumber)!, codes, second, random);
      const day = dayIn(random, window);
      const responds = random.next() < shape.rates[t]! + (unitRate.get(p.unit) ?? 0);
      if (responds || logins.has(p.e.employeeNumber)) responses.push({ employeeNumber: p.e.employeeNumber, submittedDaysAgo: day, answers });
    }
    // Leaders answer their survey more often than staff their self-assessment;
    // where there are at least k leaders, enough of them answer for results to show.
    const leaderSurvey: DemoCampaign['leaderSurvey'] = [];
    for (const p of leaders) {
      const answers = leaderSurveyOf(second, random);
      const day = dayIn(random, window);
      const wanted = random.next() < 0.85 || logins.has(p.e.employeeNumber) || leaders.length - leaders.indexOf(p) <= K - leaderSurvey.length;
      if (wanted) leaderSurvey.push({ employeeNumber: p.e.employeeNumber, submittedDaysAgo: day, answers });
    }
    const leaderRatings: DemoCampaign['leaderRatings'] = [];
    for (const rater of shape.raters ?? []) {
      const self = accounts.find((a) => a.email === rater.email)?.employeeNumber;
      const units = subtree(m, rater.unitCode);
      const rated = responses.filter((r) => r.employeeNumber !== self && units.has(people.find((p) => p.e.employeeNumber === r.employeeNumber)!.unit)).slice(0, rater.counts[t]);
      for (const r of rated) {
        const latent = levels.get(r.employeeNumber)!;
        const ratings = codes.map((code) => ({
          competenceCode: code,
          level: random.next() < 0.08 ? null : clampLevel(latent.get(code)! - 0.15 + gaussian(random) * 0.5),
        }));
        leaderRatings.push({ raterEmail: rater.email, employeeNumber: r.employeeNumber, ratings });
      }
    }
    campaigns.push({
      municipalityCode: m.code,
      key,
      language: shape.language,
      mode: shape.mode,
      instruments: ['self_assessment', 'leader_survey'],
      ...window,
      responses,
      leaderSurvey,
      leaderRatings,
    });
  });
  return campaigns;
}

function buildBenchmarkCampaign(m: DemoMunicipality, index: number, codes: string[]): DemoCampaign {
  const random = seededRandom(hash(`campaigns/${m.code}`));
  const shape: Shape = { code: m.code, rates: [0.6 + random.next() * 0.25, 0], offset: (random.next() - 0.5) * 0.4, mode: 'anonymous', language: 'nb' };
  const people = latentLevels(m, shape, codes, random);
  const window = { opensDaysAgo: 150 - index * 15, closesDaysAgo: 129 - index * 15 };
  const responses: DemoCampaign['responses'] = [];
  for (const p of people) {
    const answers = answersOf(p, p.latent, codes, false, random);
    if (random.next() < shape.rates[0]) responses.push({ employeeNumber: p.e.employeeNumber, submittedDaysAgo: dayIn(random, window), answers });
  }
  const language = m.units.some((u) => u.name.startsWith('Heimetenesta')) ? 'nn' : 'nb';
  return { municipalityCode: m.code, key: 'benchmark', language, mode: 'anonymous', instruments: ['self_assessment'], ...window, responses, leaderSurvey: [], leaderRatings: [] };
}

/** Every campaign of the demo: two per demo municipality, one per benchmark municipality. Pure and deterministic. */
export function buildDemoCampaigns(municipalities: DemoMunicipality[], benchmark: DemoMunicipality[], accounts: DemoAccount[]): DemoCampaign[] {
  const codes = starterCompetenceCodes();
  return [
    ...municipalities.flatMap((m) => {
      const shape = DEMO_SHAPES[m.code];
      if (!shape) throw new Error(`demo data: no campaign plan for ${m.code}`);
      return buildCampaigns(m, { code: m.code, ...shape }, accounts, codes);
    }),
    ...benchmark.map((m, i) => buildBenchmarkCampaign(m, i, codes)),
  ];
}

const SEASON = { nb: ['vår', 'høst'], nn: ['vår', 'haust'] } as const;

/** "Digital kompetanse høst 2025": the season and year the campaign opened, in the municipality's written standard. */
export function demoCampaignName(language: 'nb' | 'nn', opensAt: Date): string {
  return `Digital kompetanse ${SEASON[language][opensAt.getUTCMonth() < 6 ? 0 : 1]} ${opensAt.getUTCFullYear()}`;
}
