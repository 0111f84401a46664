import { describe, expect, it } from 'vitest';
import { localize, pickLocalized } from './localize';

describe('localize', () => {
  it('shows the UI language when the text has it', () => {
    expect(localize({ nb: 'Hei', en: 'Hello', sv: 'Hej' }, 'sv')).toBe('Hej');
  });

  it('falls back to English, then Norwegian Bokmål, then any language', () => {
    expect(pickLocalized({ nb: 'Hei', en: 'Hello' }, 'da')).toEqual({ text: 'Hello', lang: 'en' });
    expect(pickLocalized({ nb: 'Hei', sv: 'Hej' }, 'da')).toEqual({ text: 'Hei', lang: 'nb' });
    expect(pickLocalized({ sv: 'Hej' }, 'nn')).toEqual({ text: 'Hej', lang: 'sv' });
  });

  it('skips blank translations and copes with nothing at all', () => {
    expect(localize({ nn: '  ', en: 'Hello' }, 'nn')).toBe('Hello');
    expect(pickLocalized({}, 'nb')).toEqual({ text: '', lang: null });
    expect(localize(null, 'nb')).toBe('');
    expect(localize(undefined, 'en')).toBe('');
  });
});
