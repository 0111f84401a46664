// Activities and their definitions (1.0.3 Data 2.4.4.1, 2.0.0 4.2.2.3),
// including interaction activities. The same rules hold in both versions.
import { checkExtensions, checkIri, checkLanguageMap, expectObject, rejectUnknownKeys, type Issues } from './checks.js';
import { isJsonObject, join, type JsonObject } from './primitives.js';

const ACTIVITY_KEYS = ['objectType', 'id', 'definition'] as const;
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
const DEFINITION_KEYS = [
  'name',
  'description',
  'type',
  'moreInfo',
  'extensions',
  'interactionType',
  'correctResponsesPattern',
  ...COMPONENT_LISTS,
] as const;

type ComponentList = (typeof COMPONENT_LISTS)[number];

/** Which interaction component lists each interactionType supports (Data 2.4.4.1, "Interaction Components"). */
export const COMPONENT_LISTS_BY_TYPE: Readonly<Record<string, readonly ComponentList[]>> = {
  'true-false': [],
  choice: ['choices'],
  'fill-in': [],
  'long-fill-in': [],
  matching: ['source', 'target'],
  performance: ['steps'],
  sequencing: ['choices'],
  likert: ['scale'],
  numeric: [],
  other: [],
};

/** An Activity used as a statement object or as a context activity. */
export function checkActivity(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path, 'an Activity object')) return;
  rejectUnknownKeys(v, value, ACTIVITY_KEYS, path, 'an Activity');
  if ('objectType' in value && value.objectType !== 'Activity') v.add(join(path, 'objectType'), 'must be "Activity"');
  checkIri(v, value, 'id', path, true);
  if ('definition' in value) checkDefinition(v, value.definition, join(path, 'definition'));
}

export function checkDefinition(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path, 'an Activity Definition object')) return;
  rejectUnknownKeys(v, value, DEFINITION_KEYS, path, 'an Activity Definition');
  if ('name' in value) checkLanguageMap(v, value.name, join(path, 'name'));
  if ('description' in value) checkLanguageMap(v, value.description, join(path, 'description'));
  checkIri(v, value, 'type', path);
  checkIri(v, value, 'moreInfo', path, false, 'an IRL');
  if ('extensions' in value) checkExtensions(v, value.extensions, join(path, 'extensions'));
  checkInteraction(v, value, path);
}

function checkInteraction(v: Issues, def: JsonObject, path: string): void {
  const lists = COMPONENT_LISTS.filter((key) => key in def);
  const usesInteraction = lists.length > 0 || 'correctResponsesPattern' in def;
  if (!('interactionType' in def)) {
    if (usesInteraction) v.add(join(path, 'interactionType'), 'is required when correctResponsesPattern or interaction components are present');
  } else if (typeof def.interactionType !== 'string' || !(def.interactionType in COMPONENT_LISTS_BY_TYPE)) {
    v.add(join(path, 'interactionType'), `must be one of ${Object.keys(COMPONENT_LISTS_BY_TYPE).join(', ')}`);
  } else {
    const allowed = COMPONENT_LISTS_BY_TYPE[def.interactionType] ?? [];
    for (const list of lists) {
      if (!allowed.includes(list)) v.add(join(path, list), `is not used by the "${def.interactionType}" interaction type`);
    }
  }

  if ('correctResponsesPattern' in def) {
    const pattern = def.correctResponsesPattern;
    const p = join(path, 'correctResponsesPattern');
    if (!Array.isArray(pattern)) v.add(p, 'must be an array of strings');
    else pattern.forEach((item, i) => typeof item !== 'string' && v.add(join(p, i), 'must be a string'));
  }
  for (const list of lists) checkComponents(v, def[list], join(path, list));
}

function checkComponents(v: Issues, value: unknown, path: string): void {
  if (!Array.isArray(value)) {
    v.add(path, 'must be an array of interaction components');
    return;
  }
  const seen = new Set<string>();
  value.forEach((component, i) => {
    const p = join(path, i);
    if (!expectObject(v, component, p, 'an interaction component object')) return;
    rejectUnknownKeys(v, component, ['id', 'description'], p, 'an interaction component');
    if (typeof component.id !== 'string' || component.id === '') v.add(join(p, 'id'), 'is required and must be a non-empty string');
    else if (seen.has(component.id)) v.add(join(p, 'id'), `duplicates the id "${component.id}" in the same list`);
    else seen.add(component.id);
    if ('description' in component) checkLanguageMap(v, component.description, join(p, 'description'));
  });
}

/** True when a statement's object is an Activity (objectType absent or "Activity"). */
export function isActivityObject(object: unknown): boolean {
  return isJsonObject(object) && (object.objectType === undefined || object.objectType === 'Activity');
}
