import type { Language, Profession } from '../../src/shared/domain.js';
import { emailLocalPart, namePoolFor } from './demo-names.js';
import type { MunicipalitySpec, StaffProfile } from './demo-municipalities.js';
import { seededRandom, type Random } from './demo-random.js';
import type { DemoEmployee } from './demo-types.js';

type Weights<T extends string | number> = readonly (readonly [T, number])[];

// Rough staffing mix of Norwegian municipal care: health care workers
// (helsefagarbeidere) and unskilled assistants carry most shifts, nurses are
// fewer, and therapists cluster in rehabilitation.
const PROFILE_MIX: Record<StaffProfile, Weights<Profession>> = {
  home_care: [['nurse', 24], ['specialist_nurse', 5], ['health_care_worker', 42], ['assistant', 25], ['occupational_therapist', 1], ['other', 3]],
  nursing_home: [['nurse', 22], ['specialist_nurse', 5], ['health_care_worker', 45], ['assistant', 26], ['other', 2]],
  disability: [['social_educator', 32], ['health_care_worker', 30], ['assistant', 34], ['nurse', 4]],
  day_centre: [['social_educator', 30], ['health_care_worker', 20], ['assistant', 40], ['other', 10]],
  rehab: [['physiotherapist', 38], ['occupational_therapist', 32], ['nurse', 12], ['health_care_worker', 14], ['other', 4]],
};

// Part time is the norm in Norwegian care: many small weekend positions held by
// students and assistants, while leaders and therapists mostly work full time.
const FULL_TIME: Weights<number> = [[100, 85], [80, 15]];
const NURSING: Weights<number> = [[100, 32], [80, 20], [75, 15], [60, 10], [50, 10], [40, 5], [20, 8]];
const CARE: Weights<number> = [[100, 20], [80, 15], [75, 14], [60, 12], [50, 15], [40, 8], [30, 6], [20, 10]];
const ASSISTANT: Weights<number> = [[100, 6], [75, 7], [60, 8], [50, 14], [40, 12], [30, 15], [20, 38]];
const THERAPY: Weights<number> = [[100, 62], [80, 25], [60, 13]];

const POSITION_MIX: Record<Profession, Weights<number>> = {
  leader: FULL_TIME,
  doctor: [[100, 40], [60, 20], [50, 20], [20, 20]],
  nurse: NURSING,
  specialist_nurse: NURSING,
  social_educator: NURSING,
  health_care_worker: CARE,
  assistant: ASSISTANT,
  physiotherapist: THERAPY,
  occupational_therapist: THERAPY,
  other: [[100, 40], [80, 20], [50, 20], [20, 20]],
};

/** Share of nb/nn speakers with a name from outside the Nordics. */
const IMMIGRANT_SHARE = 0.12;

/** Share of employees whose registry entry has a phone number; the rest test the empty case. */
const PHONE_SHARE = 0.6;

function phoneNumber(random: Random): string {
  // Norwegian subscriber numbers never start with 0, so +47 0xxxxxxx can never
  // reach a real phone even if a demo sends an SMS by mistake.
  return `+470${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

/** Every employee of one municipality, in unit order, deterministic for a given spec. */
export function buildDemoEmployees(spec: MunicipalitySpec): DemoEmployee[] {
  const random = seededRandom(spec.seed);
  const domain = `${spec.slug}.kommune.example`;
  const usedEmails = new Set<string>();
  let sequence = 0;
  const employees: DemoEmployee[] = [];

  const makeEmployee = (profession: Profession, unitCode: string, fixedLanguage?: Language): DemoEmployee => {
    // Always draw, so casting one person's language does not reshuffle everyone after them.
    const drawn = random.weighted(spec.languages);
    // Leaders write in the municipality's own written standard; foreign-trained
    // staff in this demo are on the floor, not in management.
    const ownStandard = drawn === 'nb' || drawn === 'nn' ? drawn : (spec.languages[0]?.[0] ?? 'nb');
    const language = fixedLanguage ?? (profession === 'leader' ? ownStandard : drawn);
    const pool = namePoolFor(language, random.next() < IMMIGRANT_SHARE);
    const givenName = random.pick(pool.given);
    const familyName = random.pick(pool.family);
    const base = `${emailLocalPart(givenName)}.${emailLocalPart(familyName)}`;
    let local = base;
    for (let n = 2; usedEmails.has(local); n++) local = `${base}${n}`;
    usedEmails.add(local);
    // Gaps in the sequence mimic HR systems where people have come and gone.
    sequence += random.int(1, 3);
    return {
      employeeNumber: `${spec.employeeNumberPrefix}${String(sequence).padStart(4, '0')}`,
      givenName,
      familyName,
      email: `${local}@${domain}`,
      phone: random.next() < PHONE_SHARE ? phoneNumber(random) : null,
      profession,
      positionPct: random.weighted(POSITION_MIX[profession]),
      preferredLanguage: language,
      unitCodes: [unitCode],
    };
  };

  for (const unit of spec.units) {
    for (const member of unit.fixed ?? []) {
      employees.push(
        typeof member === 'string'
          ? makeEmployee(member, unit.code)
          : makeEmployee(member.profession, unit.code, member.language),
      );
    }
    const staff = unit.staff;
    if (!staff) continue;
    for (let i = 0; i < staff.count; i++) {
      employees.push(makeEmployee(random.weighted(PROFILE_MIX[staff.profile]), unit.code));
    }
  }

  addSecondUnits(spec, employees, random);
  return employees;
}

/**
 * A few people also take shifts in a sibling unit, as is common in Norwegian
 * care; the app must then count them once per municipality but in both units.
 */
function addSecondUnits(spec: MunicipalitySpec, employees: DemoEmployee[], random: Random): void {
  const staffed = spec.units.filter((u) => u.staff && u.staff.count > 0);
  const siblingsOf = (code: string): string[] => {
    const parent = spec.units.find((u) => u.code === code)?.parentCode;
    return staffed.filter((u) => u.parentCode === parent && u.code !== code).map((u) => u.code);
  };
  const candidates = employees.filter((e) => {
    const home = e.unitCodes[0];
    return e.profession !== 'leader' && home !== undefined && siblingsOf(home).length > 0;
  });
  const wanted = Math.max(1, Math.round(employees.length / 50));
  for (let i = 0; i < wanted && candidates.length > 0; i++) {
    const index = random.int(0, candidates.length - 1);
    const [chosen] = candidates.splice(index, 1);
    if (!chosen?.unitCodes[0]) continue;
    chosen.unitCodes.push(random.pick(siblingsOf(chosen.unitCodes[0])));
  }
}
