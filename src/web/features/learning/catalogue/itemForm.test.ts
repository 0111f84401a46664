import { describe, expect, it } from 'vitest';
import { createItemBody, updateItemBody } from '../../../../shared/api/learning';
import { createBody, emptyValues, updateBody } from './itemForm';

describe('the item editor\'s request bodies', () => {
  it('send only the ticked languages\' texts and the kind\'s own field', () => {
    const v = { ...emptyValues('nb', 'municipality'), languages: ['nb' as const], url: ' https://learning.example/a ', durationMinutes: '15' };
    v.titles = { ...v.titles, nb: ' Journal ', en: 'Not sent' };
    v.packageId = 'left over from another kind';
    const body = createBody(v, null);
    expect(body).toMatchObject({ kind: 'link', titles: { nb: 'Journal' }, descriptions: {}, languages: ['nb'], durationMinutes: 15, url: 'https://learning.example/a', status: 'draft' });
    expect(body).not.toHaveProperty('packageId');
    expect(createItemBody.safeParse(body).success).toBe(true);
  });

  it('name the network as owner only when chosen and known', () => {
    const v = { ...emptyValues('nb', 'network'), url: 'https://x.example' };
    v.titles.nb = 'A';
    expect(createBody(v, 'c0ffee00-0000-4000-8000-000000000000').ownerNetworkId).toBe('c0ffee00-0000-4000-8000-000000000000');
    expect(createBody({ ...v, owner: 'municipality' }, 'c0ffee00-0000-4000-8000-000000000000')).not.toHaveProperty('ownerNetworkId');
  });

  it('keep a bad duration as it is, so validation names the field; tags get numbers or null', () => {
    const v = { ...emptyValues('nb', 'municipality'), url: 'https://x.example', durationMinutes: 'ten', frameworkVersionId: 'c0ffee00-0000-4000-8000-000000000000' };
    v.titles.nb = 'A';
    v.competences = [{ code: 'HC.SEC.1', level: '3' }, { code: 'HC.SEC.2', level: '' }, { code: '', level: '2' }];
    const parsed = updateItemBody.safeParse(updateBody(v, new Date(0).toISOString()));
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(['durationMinutes']);
    expect(updateBody({ ...v, durationMinutes: '' }, new Date(0).toISOString()).competences).toEqual([
      { code: 'HC.SEC.1', level: 3 },
      { code: 'HC.SEC.2', level: null },
    ]);
  });
});
