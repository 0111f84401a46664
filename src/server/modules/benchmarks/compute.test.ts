import { describe, expect, it } from 'vitest';
import { LEADER_SURVEY_ITEMS } from '../mapping/question-bank/question-bank.js';
import {
  candidateGroups,
  competenceFigure,
  contributorsByCode,
  countryKey,
  indexContributions,
  networkKey,
  publication,
  renderGroup,
  sizeClassKey,
  surveyFigure,
  type Contribution,
  type MunicipalityMeta,
} from './compute.js';

// The comparison rules without a database: pooled figures, the threshold on
// municipalities, and the suppression that keeps differences between shown
// groups from isolating fewer than the threshold.

const MIN = 5;
let n = 0;
const muni = (o: Partial<MunicipalityMeta> = {}): MunicipalityMeta => ({ id: `m${++n}`, networkId: null, country: 'NO', sizeClass: 'medium', sharesNationally: true, ...o });
const row = (municipalityId: string, code: string, counts: number[], respondents = counts.reduce((a, b) => a + b, 0)): Contribution => ({
  municipalityId,
  campaignId: `c-${municipalityId}`,
  code,
  respondents,
  answered: counts.reduce((a, b) => a + b, 0),
  counts,
  closedAt: new Date('2026-01-01'),
});

function setup(municipalities: MunicipalityMeta[], rows: Contribution[], networks = [{ id: 'n1', name: 'Nettverk' }]) {
  const groups = candidateGroups(municipalities, networks);
  const index = indexContributions(rows);
  const pub = publication(groups, contributorsByCode(index), MIN);
  const shown = (key: string, code = 'A') => pub.get(key)?.get(code)?.published ?? false;
  const render = (key: string, codes: string[], viewer: string | null = null) => renderGroup(groups.find((g) => g.key === key)!, pub, index, codes, 'competence', MIN, viewer);
  return { groups, pub, shown, render };
}

describe('pooled figures', () => {
  it('pool respondents, not averages: Σ(level × count) / Σ count', () => {
    // One municipality of 10 all at level 1, one of 2 at level 4: pooled 1.5, not (1 + 4) / 2.
    expect(competenceFigure('A', [row('x', 'A', [10, 0, 0, 0]), row('y', 'A', [0, 0, 0, 2])])).toEqual({ code: 'A', average: 1.5, share: null, respondents: 12 });
    // "Don't know" counts as a respondent but not in the average.
    expect(competenceFigure('A', [row('x', 'A', [0, 3, 0, 0], 5)])).toMatchObject({ average: 2, respondents: 5 });
    expect(competenceFigure('A', [row('x', 'A', [0, 0, 0, 0], 5)])).toMatchObject({ average: null, respondents: 5 });
  });

  it('give agree5 items a mean on 1–5 and the share agreeing; yes/no items the share of yes; multi-select items a share per option', () => {
    const agree = LEADER_SURVEY_ITEMS.find((i) => i.scale === 'agree5')!;
    const yesNo = LEADER_SURVEY_ITEMS.find((i) => i.scale === 'yes_no_unsure')!;
    const multi = LEADER_SURVEY_ITEMS.find((i) => i.scale === 'multi_select')!;
    expect(surveyFigure(agree.code, [row('x', agree.code, [1, 1, 0, 1, 1]), row('y', agree.code, [0, 0, 2, 2, 0])])).toEqual({
      code: agree.code,
      average: 3.25,
      share: 0.5,
      respondents: 8,
    });
    expect(surveyFigure(yesNo.code, [row('x', yesNo.code, [3, 1, 0]), row('y', yesNo.code, [0, 2, 2])])).toEqual({ code: yesNo.code, average: null, share: 0.375, respondents: 8 });
    const options = multi.options!.map(() => 0);
    options[0] = 3;
    options[1] = 1;
    const figure = surveyFigure(multi.code, [{ ...row('x', multi.code, options), answered: 4 }]);
    expect(figure).toMatchObject({ average: null, share: null });
    expect(figure.options!.slice(0, 2)).toEqual([
      { code: multi.options![0]!.code, share: 0.75 },
      { code: multi.options![1]!.code, share: 0.25 },
    ]);
  });
});

describe('publication', () => {
  it('shows a group from `min` contributing municipalities, and to a member only when `min` others contribute', () => {
    const members = Array.from({ length: 6 }, () => muni({ networkId: 'n1' }));
    const rows = members.map((m) => row(m.id, 'A', [1, 1, 1, 1]));
    const five = setup(members.slice(0, 5), rows.slice(0, 5));
    expect(five.shown(networkKey('n1'))).toBe(true);
    expect(five.render(networkKey('n1'), ['A'])).toMatchObject({ municipalities: 5, suppressed: false });
    // A member of five: only four others, so the group minus its own would be four.
    expect(five.render(networkKey('n1'), ['A'], members[0]!.id)).toEqual({ municipalities: null, suppressed: true, figures: [{ code: 'A', average: null, share: null, respondents: null, municipalities: null }] });
    const six = setup(members, rows);
    expect(six.render(networkKey('n1'), ['A'], members[0]!.id)).toMatchObject({ municipalities: 6, suppressed: false, figures: [{ average: 2.5, municipalities: 6 }] });
    const four = setup(members.slice(0, 4), rows.slice(0, 4));
    expect(four.shown(networkKey('n1'))).toBe(false);
  });

  it('counts municipalities per competence: one asked by fewer than `min` is suppressed while the rest show', () => {
    const members = Array.from({ length: 5 }, () => muni({ networkId: 'n1' }));
    const rows = [...members.map((m) => row(m.id, 'A', [1, 2])), row(members[0]!.id, 'B', [0, 9])];
    const { render } = setup(members, rows);
    expect(render(networkKey('n1'), ['A', 'B']).figures).toEqual([
      { code: 'A', average: 1.667, share: null, respondents: 15, municipalities: 5 },
      { code: 'B', average: null, share: null, respondents: null, municipalities: null },
    ]);
  });

  it('uses only municipalities that share for national groups, and every member for networks', () => {
    const sharing = Array.from({ length: 5 }, () => muni({ networkId: 'n1', country: 'SE' }));
    const notSharing = muni({ networkId: 'n1', country: 'SE', sharesNationally: false });
    const all = [...sharing, notSharing];
    const { groups, pub } = setup(
      all,
      all.map((m) => row(m.id, 'A', [1])),
    );
    expect([...groups.find((g) => g.key === networkKey('n1'))!.members]).toContain(notSharing.id);
    expect(pub.get(countryKey('SE'))!.get('A')!.contributors.size).toBe(5);
    expect(pub.get(countryKey('SE'))!.get('A')!.contributors.has(notSharing.id)).toBe(false);
    expect(pub.get(networkKey('n1'))!.get('A')!.contributors.size).toBe(6);
  });

  it('suppresses another size class when the suppressed ones together would be fewer than `min` (country minus the shown classes)', () => {
    const medium = Array.from({ length: 6 }, () => muni({ country: 'DK', sizeClass: 'medium' }));
    const small = [muni({ country: 'DK', sizeClass: 'small' })];
    const all = [...medium, ...small];
    const { shown } = setup(all, all.map((m) => row(m.id, 'A', [1])), []);
    expect(shown(countryKey('DK'))).toBe(true);
    expect(shown(sizeClassKey('DK', 'small'))).toBe(false);
    // Country − medium would be the one small municipality.
    expect(shown(sizeClassKey('DK', 'medium'))).toBe(false);

    // With five small ones, both classes show (and the country).
    const more = [...medium, ...Array.from({ length: 5 }, () => muni({ country: 'DK', sizeClass: 'small' }))];
    const ok = setup(more, more.map((m) => row(m.id, 'A', [1])), []);
    expect([ok.shown(countryKey('DK')), ok.shown(sizeClassKey('DK', 'medium')), ok.shown(sizeClassKey('DK', 'small'))]).toEqual([true, true, true]);

    // Two classes too small alone but together at least `min`: the third still shows.
    const three = [
      ...medium,
      ...Array.from({ length: 3 }, () => muni({ country: 'DK', sizeClass: 'small' })),
      ...Array.from({ length: 2 }, () => muni({ country: 'DK', sizeClass: 'large' })),
    ];
    const mixed = setup(three, three.map((m) => row(m.id, 'A', [1])), []);
    expect([mixed.shown(countryKey('DK')), mixed.shown(sizeClassKey('DK', 'medium')), mixed.shown(sizeClassKey('DK', 'small')), mixed.shown(sizeClassKey('DK', 'large'))]).toEqual([true, true, false, false]);
  });

  it('suppresses a group nested in another when the difference would be fewer than `min` municipalities', () => {
    // A network of five, all sharing, inside a country of seven sharing: country − network = 2.
    const network = Array.from({ length: 5 }, () => muni({ networkId: 'n1', country: 'SE', sizeClass: 'large' }));
    const others = Array.from({ length: 2 }, () => muni({ country: 'SE', sizeClass: 'large' }));
    const all = [...network, ...others];
    const { shown } = setup(all, all.map((m) => row(m.id, 'A', [1])));
    expect(shown(countryKey('SE'))).toBe(true);
    expect(shown(networkKey('n1'))).toBe(false);
    // The size class equals the country here (nothing to subtract), so it shows too.
    expect(shown(sizeClassKey('SE', 'large'))).toBe(true);
  });
});
