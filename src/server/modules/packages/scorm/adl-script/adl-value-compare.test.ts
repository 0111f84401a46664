import { describe, expect, it } from 'vitest';
import { valuesEqualForElement } from './adl-value-compare.js';

describe('valuesEqualForElement', () => {
  it('compares _children as a set of element names', () => {
    expect(valuesEqualForElement('cmi.score._children', 'min,max,scaled,raw', 'max,raw,scaled,min')).toBe(true);
    expect(valuesEqualForElement('cmi.score._children', 'min,max,scaled,raw', 'max,raw,scaled')).toBe(false);
    expect(valuesEqualForElement('cmi.score._children', 'min,max', 'min,min')).toBe(false);
  });

  it('keeps exact comparison for plain character strings', () => {
    expect(valuesEqualForElement('cmi.location', 'a,b', 'b,a')).toBe(false);
  });
});
