import { describe, expect, it } from 'vitest';
import { ROLE_PROFILE_TEMPLATES } from '../../src/server/modules/role-profiles/role-profile.templates.js';
import { LEARNING_ITEM_KINDS } from '../../src/shared/api/learning.js';
import { BENCHMARKS } from '../registry.js';
import { ASSIGNMENTS, CATALOGUE, FULL, PUBLISHED, QUICK, ROLE_PROFILE_TEMPLATE_KEYS, sampleCourse } from './plan.js';

describe('the learning scenario', () => {
  it('is the mapping country with 20 million statements (50 per employee), and a small quick one', () => {
    expect(FULL).toMatchObject({ municipalities: 400, employees: 400_000, dashboardEmployees: 5_000, statements: 20_000_000, itemsPerEmployee: 15 });
    expect(FULL.learners).toBeGreaterThanOrEqual(FULL.requests + FULL.warmup);
    expect(FULL.requests).toBeGreaterThanOrEqual(200);
    expect(QUICK.employees).toBeLessThan(FULL.employees / 10);
    expect(Object.keys(BENCHMARKS)).toContain('learning');
  });

  it('has a catalogue of 30 items of every kind, the first PUBLISHED published, with distinct competence tags', () => {
    expect(CATALOGUE).toHaveLength(30);
    expect(new Set(CATALOGUE.map((i) => i.kind))).toEqual(new Set(LEARNING_ITEM_KINDS));
    expect(CATALOGUE.filter((i) => i.status === 'published').map((i) => i.no)).toEqual(Array.from({ length: PUBLISHED }, (_, k) => k + 1));
    for (const i of CATALOGUE) {
      expect(i.competences.length).toBeGreaterThan(0);
      expect(new Set(i.competences).size).toBe(i.competences.length);
    }
    // Slots 3.. draw 13 distinct items from 3..PUBLISHED (history.ts): there must be room.
    expect(PUBLISHED - 2).toBeGreaterThanOrEqual(FULL.itemsPerEmployee - 2);
  });

  it('has 20 assignment rows for a municipality of four service areas, on published items, some recurring', () => {
    const rows = ASSIGNMENTS.reduce((n, a) => n + (a.target.kind === 'everyone' ? 4 : 1), 0);
    expect(rows).toBe(20);
    expect(new Set(ASSIGNMENTS.map((a) => a.target.kind))).toEqual(new Set(['everyone', 'unit', 'profession', 'role_profile', 'person']));
    for (const a of ASSIGNMENTS) expect(a.itemNo).toBeLessThanOrEqual(PUBLISHED);
    expect(ASSIGNMENTS.filter((a) => a.recurrenceMonths).length).toBeGreaterThanOrEqual(2);
    const templates = new Set(ROLE_PROFILE_TEMPLATES.map((t) => t.key));
    for (const key of ROLE_PROFILE_TEMPLATE_KEYS) expect(templates.has(key), key).toBe(true);
    for (const a of ASSIGNMENTS) if (a.target.kind === 'role_profile') expect(ROLE_PROFILE_TEMPLATE_KEYS).toContain(a.target.template);
  });

  it('builds course content the app accepts', () => {
    const course = sampleCourse('Taushetsplikt');
    expect(course.lessons).toHaveLength(6);
    expect(course.lessons[5]!.blocks.some((b) => b.type === 'quiz')).toBe(true);
  });
});
