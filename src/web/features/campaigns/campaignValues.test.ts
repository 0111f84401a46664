import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../shared/api/mapping';
import { ApiError } from '../../api/client';
import {
  checkPublished,
  checkValues,
  closingTime,
  createBody,
  draftPatch,
  emptyValues,
  isoDay,
  normalizeSelection,
  publishedPatch,
  serverFieldKeys,
  valuesFromCampaign,
} from './campaignValues';

const campaign = (over: Partial<Campaign> = {}): Campaign => ({
  id: '00000000-0000-4000-8000-000000000001',
  municipalityId: '00000000-0000-4000-8000-000000000002',
  name: 'Vår 2026',
  frameworkVersionId: '00000000-0000-4000-8000-000000000003',
  competenceCodes: null,
  unitIds: ['00000000-0000-4000-8000-000000000004'],
  includeSubUnits: true,
  professions: ['nurse'],
  opensAt: new Date('2026-03-02T00:00:00').toISOString(),
  closesAt: new Date('2026-03-20T15:30:00').toISOString(),
  mode: 'identified',
  instruments: ['self_assessment'],
  status: 'draft',
  publishedAt: null,
  closedAt: null,
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  ...over,
});

describe('competence selection', () => {
  const all = ['1.1', '1.2', '2.1', '2.2'];
  it('keeps null (all) and sends null when nothing is left out', () => {
    expect(normalizeSelection(null, all)).toBeNull();
    expect(normalizeSelection(['2.2', '1.1', '2.1', '1.2'], all)).toBeNull();
  });
  it('orders a subset as the framework does and drops unknown codes', () => {
    expect(normalizeSelection(['2.1', 'x', '1.2'], all)).toEqual(['1.2', '2.1']);
  });
  it('keeps an empty choice empty so the form can refuse it', () => {
    expect(normalizeSelection([], all)).toEqual([]);
    expect(checkValues({ ...emptyValues(), name: 'a', frameworkVersionId: 'v', competenceCodes: [] })).toEqual({ competenceCodes: 'campaigns.errors.competences' });
  });
});

describe('create body', () => {
  it('sends the subset and local-day times', () => {
    const body = createBody({ ...emptyValues(new Date('2026-03-02T12:00:00')), name: ' Vår ', frameworkVersionId: 'v', competenceCodes: ['1.1'] });
    expect(body).toMatchObject({ name: 'Vår', frameworkVersionId: 'v', competenceCodes: ['1.1'], mode: 'identified', instruments: ['self_assessment'] });
    expect(new Date(body.opensAt).getHours()).toBe(0);
    expect(isoDay(new Date(body.closesAt))).toBe('2026-03-16');
  });
  it('checks names, dates and instruments', () => {
    const v = { ...emptyValues(), name: ' ', frameworkVersionId: '', opens: '2026-03-10', closes: '2026-03-09', instruments: [] };
    expect(Object.keys(checkValues(v)).sort()).toEqual(['closesAt', 'frameworkVersionId', 'instruments', 'name']);
  });
});

describe('draft patch', () => {
  it('is empty when nothing changed, keeping times set to the minute', () => {
    const c = campaign();
    expect(draftPatch(c, valuesFromCampaign(c))).toEqual({});
  });
  it('sends only what changed', () => {
    const c = campaign();
    const v = { ...valuesFromCampaign(c), name: 'Høst', competenceCodes: ['1.1'], closes: '2026-03-25', professions: [] };
    expect(draftPatch(c, v)).toEqual({ name: 'Høst', competenceCodes: ['1.1'], closesAt: closingTime('2026-03-25'), professions: [] });
  });
  it('sends the competences with a new version, even when "all"', () => {
    const c = campaign({ competenceCodes: ['1.1'] });
    expect(draftPatch(c, { ...valuesFromCampaign(c), frameworkVersionId: 'other', competenceCodes: null })).toEqual({ frameworkVersionId: 'other', competenceCodes: null });
  });
});

describe('published campaigns', () => {
  const now = new Date('2026-03-10T12:00:00');
  const c = campaign({ status: 'open', publishedAt: '2026-03-01T00:00:00.000Z' });
  it('change only name and close date', () => {
    expect(publishedPatch(c, { name: 'Nytt navn', closes: '2026-03-27' })).toEqual({ name: 'Nytt navn', closesAt: closingTime('2026-03-27') });
    expect(publishedPatch(c, { name: c.name, closes: isoDay(new Date(c.closesAt)) })).toEqual({});
  });
  it('refuse a close date in the past, allow today', () => {
    expect(checkPublished(c, { name: 'x', closes: '2026-03-09' }, now)).toEqual({ closesAt: 'campaigns.errors.closesInFuture' });
    expect(checkPublished(c, { name: 'x', closes: '2026-03-10' }, now)).toEqual({});
    expect(checkPublished(c, { name: '', closes: '' }, now)).toEqual({ name: 'campaigns.errors.name', closesAt: 'campaigns.errors.closesInFuture' });
  });
  it('refuse closing before a scheduled opening', () => {
    const scheduled = campaign({ status: 'scheduled', opensAt: new Date('2026-03-15T00:00:00').toISOString() });
    expect(checkPublished(scheduled, { name: 'x', closes: '2026-03-12' }, now)).toEqual({ closesAt: 'campaigns.errors.dates' });
  });
});

describe('server validation errors', () => {
  it('map issues to fields with translated keys', () => {
    const err = new ApiError(400, 'VALIDATION', 'The campaign is not valid.', {
      issues: [
        { path: ['competenceCodes', '2'], message: 'unknown competence X' },
        { path: ['closesAt'], message: 'must be after opensAt' },
        { path: ['body', 'mode'], message: 'Invalid option' },
      ],
    });
    expect(serverFieldKeys(err)).toEqual({
      competenceCodes: { key: 'campaigns.errors.unknownCompetence' },
      closesAt: { key: 'campaigns.errors.dates' },
      mode: { text: 'Invalid option' },
    });
  });
  it('map details.field (a closing time in the past)', () => {
    const err = new ApiError(400, 'VALIDATION', 'The new closing time must be in the future.', { field: 'closesAt' });
    expect(serverFieldKeys(err)).toEqual({ closesAt: { key: 'campaigns.errors.closesInFuture' } });
  });
  it('ignore other errors', () => {
    expect(serverFieldKeys(new ApiError(409, 'CONFLICT', 'x', { reason: 'CAMPAIGN_NOT_DRAFT' }))).toEqual({});
  });
});
