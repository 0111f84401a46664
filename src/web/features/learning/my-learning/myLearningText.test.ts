import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../i18n/en.json';
import nb from '../../../i18n/nb.json';
import { formatDate, reasonText } from './myLearningText';

describe('my learning wording', () => {
  it('explains a gap with both levels and a wish for training without them', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', resources: { en: { translation: en }, nb: { translation: nb } } });
    const base = { competenceCode: 'HC.SEC.1', competenceName: 'Information security', wantsTraining: true };
    expect(reasonText(i18n.t, { ...base, selfLevel: 2, requiredLevel: 3 })).toBe('You are at level 2, your role needs 3 in Information security');
    expect(reasonText(i18n.t, { ...base, selfLevel: 3, requiredLevel: 3 })).toBe('You want training in Information security');
    expect(reasonText(i18n.t, { ...base, selfLevel: null, requiredLevel: 2 })).toBe('You want training in Information security');
    await i18n.changeLanguage('nb');
    expect(reasonText(i18n.t, { ...base, selfLevel: 1, requiredLevel: 4 })).toBe('Du er på nivå 1, rollen din krever 4 i Information security');
  });

  it('writes calendar dates without shifting the day', () => {
    expect(formatDate('2026-03-01', 'en')).toBe('1 Mar 2026');
    expect(formatDate('2026-03-01', 'nb')).toMatch(/^1\. mar/);
  });
});
