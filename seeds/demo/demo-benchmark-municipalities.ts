import type { MunicipalitySpec, StaffProfile, UnitSpec } from './demo-municipalities.js';

// Six small fictional municipalities outside the demo network whose only purpose
// is to make national comparisons visible: a comparison figure needs at least five
// other contributing municipalities. They have staff and one closed anonymous
// campaign each, share their results nationally, and have no logins. The names
// carry a "Demo:" prefix so nobody mistakes them for real places, and the codes
// 9904–9909 are not used by any real Norwegian municipality.
//
// Five are medium-sized like Bergheim, so Bergheim's size-class comparison shows
// while Solvik's (small) and Havstad's (large) stay hidden as too few: both cases
// are worth seeing in the demo.

type Plan = { code: string; name: string; slug: string; population: number; units: [string, string, StaffProfile, number][] };

const PLANS: Plan[] = [
  { code: '9904', name: 'Demo: Nordvik', slug: 'nordvik', population: 8400, units: [['HJT', 'Heimetenesta', 'home_care', 17], ['SH', 'Nordvik sjukeheim', 'nursing_home', 19]] },
  { code: '9905', name: 'Demo: Austbygd', slug: 'austbygd', population: 6100, units: [['HJT', 'Hjemmetjenesten', 'home_care', 12], ['SH', 'Austbygd omsorgssenter', 'nursing_home', 13]] },
  { code: '9906', name: 'Demo: Sørfjell', slug: 'sorfjell', population: 14800, units: [['HJT', 'Hjemmetjenesten', 'home_care', 22], ['SH', 'Sørfjell sykehjem', 'nursing_home', 21], ['TFF', 'Bofellesskapene', 'disability', 11]] },
  { code: '9907', name: 'Demo: Vestlia', slug: 'vestlia', population: 11200, units: [['HJT', 'Hjemmetjenesten', 'home_care', 15], ['SH', 'Vestlia sykehjem', 'nursing_home', 16], ['REH', 'Rehabilitering', 'rehab', 6]] },
  { code: '9908', name: 'Demo: Lågdal', slug: 'lagdal', population: 3900, units: [['HJT', 'Heimetenesta', 'home_care', 11], ['SH', 'Lågdal helsetun', 'nursing_home', 13]] },
  { code: '9909', name: 'Demo: Breivang', slug: 'breivang', population: 17600, units: [['HJT', 'Hjemmetjenesten', 'home_care', 20], ['SH', 'Breivang sykehjem', 'nursing_home', 22], ['TFF', 'Tjenester for funksjonshemmede', 'disability', 12]] },
];

function spec(plan: Plan, index: number): MunicipalitySpec {
  const nynorsk = plan.units[0]?.[1] === 'Heimetenesta';
  const units: UnitSpec[] = [
    { code: 'HO', name: 'Helse og omsorg', kind: 'service_area', parentCode: null, fixed: ['leader'] },
    ...plan.units.map(([code, name, profile, count]): UnitSpec => ({ code, name, kind: 'unit', parentCode: 'HO', fixed: ['leader'], staff: { profile, count } })),
  ];
  return {
    code: plan.code,
    name: plan.name,
    slug: plan.slug,
    population: plan.population,
    seed: Number(plan.code),
    employeeNumberPrefix: String(4 + index),
    languages: nynorsk ? [['nn', 70], ['nb', 27], ['sv', 2], ['en', 1]] : [['nb', 88], ['nn', 5], ['sv', 3], ['da', 2], ['en', 2]],
    units,
  };
}

export const DEMO_BENCHMARK_SPECS: readonly MunicipalitySpec[] = PLANS.map(spec);
