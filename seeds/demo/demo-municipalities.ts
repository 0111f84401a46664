import type { Language, Profession } from '../../src/shared/domain.js';
import type { DemoUnit } from './demo-types.js';

// The three fictional municipalities of the demo network: one of each size class,
// so that every dashboard and benchmark has a small, medium and large peer.
// Codes 9901–9903 are not used by any real Norwegian municipality, and the names
// are checked against the official registry in demo-scenario.test.ts.

/** Who typically works in a kind of unit; weights, not exact shares. */
export type StaffProfile = 'home_care' | 'nursing_home' | 'disability' | 'day_centre' | 'rehab';

/** A profession, or a profession with a set language when a demo login needs one. */
export type FixedMember = Profession | { profession: Profession; language: Language };

export type UnitSpec = DemoUnit & {
  /** Placed first, in this order, so accounts can find e.g. a unit's leader. */
  fixed?: FixedMember[];
  /** Additional staff drawn from the profile. */
  staff?: { profile: StaffProfile; count: number };
};

export type MunicipalitySpec = {
  code: string;
  name: string;
  slug: string;
  population: number;
  seed: number;
  /** First digit of every employee number, so numbers differ across municipalities too. */
  employeeNumberPrefix: string;
  languages: readonly (readonly [Language, number])[];
  units: UnitSpec[];
};

const sa = (code: string, name: string, fixed: FixedMember[] = []): UnitSpec => ({
  code, name, kind: 'service_area', parentCode: null, fixed,
});
const unit = (code: string, name: string, parentCode: string, profile: StaffProfile, count: number, fixed: FixedMember[] = ['leader']): UnitSpec => ({
  code, name, kind: 'unit', parentCode, fixed, staff: { profile, count },
});
const team = (code: string, name: string, parentCode: string, profile: StaffProfile, count: number, fixed: FixedMember[] = []): UnitSpec => ({
  code, name, kind: 'team', parentCode, fixed, staff: { profile, count },
});

// Staff office of the health and care sector: the head of sector, the competence
// advisor (a specialist nurse) and, in larger places, the municipal chief physician.
const STAB = 'STAB';

/** Small, rural, mostly nynorsk: one unit per service area, no teams. */
const SOLVIK: MunicipalitySpec = {
  code: '9901', name: 'Solvik', slug: 'solvik', population: 3200, seed: 9901, employeeNumberPrefix: '1',
  languages: [['nn', 58], ['nb', 36], ['sv', 3], ['da', 2], ['en', 1]],
  units: [
    sa(STAB, 'Helse og omsorg – stab', ['leader', 'specialist_nurse']),
    sa('HJT', 'Heimetenesta'),
    unit('HJT-1', 'Heimetenesta Solvik', 'HJT', 'home_care', 11),
    sa('HH', 'Solvik helsehus'),
    unit('HH-LT', 'Solvik helsehus, langtidsavdeling', 'HH', 'nursing_home', 11, ['leader', 'doctor']),
    unit('HH-KR', 'Solvik helsehus, korttid og rehabilitering', 'HH', 'rehab', 6),
    sa('TFF', 'Tenester for funksjonshemma'),
    unit('TFF-SB', 'Bufellesskapet Solbakken', 'TFF', 'disability', 5),
  ],
};

/** Medium: service areas with two to three units each, no teams. */
const BERGHEIM: MunicipalitySpec = {
  code: '9902', name: 'Bergheim', slug: 'bergheim', population: 12500, seed: 9902, employeeNumberPrefix: '2',
  languages: [['nb', 80], ['nn', 11], ['sv', 4], ['da', 3], ['en', 2]],
  units: [
    sa(STAB, 'Helse og omsorg – stab', ['leader', 'specialist_nurse', 'doctor']),
    sa('HJT', 'Hjemmetjenesten', ['leader']),
    unit('HJT-N', 'Hjemmetjenesten sone nord', 'HJT', 'home_care', 18),
    unit('HJT-S', 'Hjemmetjenesten sone sør', 'HJT', 'home_care', 17),
    sa('SH', 'Bergheim sykehjem', ['leader']),
    unit('SH-A1', 'Bergheim sykehjem avdeling 1', 'SH', 'nursing_home', 15, ['leader', 'doctor']),
    // Avdeling 2 is the secured unit for people with dementia.
    unit('SH-A2', 'Bergheim sykehjem avdeling 2', 'SH', 'nursing_home', 15),
    sa('TFF', 'Tjenester for funksjonshemmede', ['leader']),
    unit('TFF-L', 'Lia bofellesskap', 'TFF', 'disability', 10),
    unit('TFF-D', 'Dagtilbudet Bergheim', 'TFF', 'day_centre', 5),
    sa('REH', 'Rehabilitering'),
    unit('REH-FE', 'Fysio- og ergoterapitjenesten', 'REH', 'rehab', 6),
  ],
};

/** Large: units split into teams (day/evening shifts, wards). */
const HAVSTAD: MunicipalitySpec = {
  code: '9903', name: 'Havstad', slug: 'havstad', population: 41000, seed: 9903, employeeNumberPrefix: '3',
  languages: [['nb', 85], ['nn', 4], ['sv', 4], ['da', 3], ['en', 4]],
  units: [
    sa(STAB, 'Helse og omsorg – stab', ['leader', 'specialist_nurse', 'doctor', 'other']),
    sa('HJT', 'Hjemmetjenesten', ['leader']),
    unit('HJT-N', 'Hjemmetjenesten sone nord', 'HJT', 'home_care', 0),
    // A Swedish-trained health care worker: the plain demo employee here uses the sv UI.
    team('HJT-N-D', 'Sone nord, team dag', 'HJT-N', 'home_care', 13, [{ profession: 'health_care_worker', language: 'sv' }]),
    team('HJT-N-K', 'Sone nord, team kveld', 'HJT-N', 'home_care', 10),
    unit('HJT-S', 'Hjemmetjenesten sone sør', 'HJT', 'home_care', 0),
    team('HJT-S-D', 'Sone sør, team dag', 'HJT-S', 'home_care', 14),
    team('HJT-S-K', 'Sone sør, team kveld', 'HJT-S', 'home_care', 10),
    sa('HH', 'Havstad helsehus', ['leader']),
    unit('HH-LT', 'Havstad helsehus, langtidsavdeling', 'HH', 'nursing_home', 0, ['leader', 'doctor']),
    team('HH-LT-1', 'Langtidsavdeling post 1', 'HH-LT', 'nursing_home', 13),
    team('HH-LT-2', 'Langtidsavdeling post 2', 'HH-LT', 'nursing_home', 13),
    unit('HH-KR', 'Havstad helsehus, korttid og rehabilitering', 'HH', 'nursing_home', 12),
    unit('HH-D', 'Havstad helsehus, demensavdeling', 'HH', 'nursing_home', 13),
    sa('TFF', 'Tjenester for funksjonshemmede', ['leader']),
    unit('TFF-F', 'Fjellsiden bofellesskap', 'TFF', 'disability', 11),
    unit('TFF-H', 'Havgløtt bofellesskap', 'TFF', 'disability', 9),
    unit('TFF-A', 'Aktivitetssenteret', 'TFF', 'day_centre', 5),
    sa('REH', 'Rehabilitering', ['leader']),
    unit('REH-F', 'Fysioterapitjenesten', 'REH', 'rehab', 6),
    unit('REH-E', 'Ergoterapi og hjelpemidler', 'REH', 'rehab', 5),
    unit('REH-H', 'Hverdagsrehabilitering', 'REH', 'rehab', 4),
  ],
};

export const DEMO_MUNICIPALITY_SPECS: readonly MunicipalitySpec[] = [SOLVIK, BERGHEIM, HAVSTAD];

export const DEMO_NETWORK = { name: 'Fjordnettverket', slug: 'fjordnettverket' } as const;
