import { reject } from './package-rejection.js';

// One notion of "a path inside the package" for zip entry names, manifest
// references and requested content paths: '/'-separated, relative, no '.' or
// '..' segments, no back slashes, no control characters, Unicode NFC (macOS
// zips carry NFD names while manifests are usually NFC).

const MAX_PATH_LENGTH = 1024;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export type PathProblem = 'outside' | 'invalid';

/** The canonical form of a relative path, or the problem with it. Directories keep no trailing slash. */
export function canonicalPath(raw: string): { path: string } | { problem: PathProblem; why: string } {
  if (raw.includes('\\')) return { problem: 'outside', why: 'contains a back slash, which Windows reads as a folder separator' };
  if (raw.startsWith('/')) return { problem: 'outside', why: 'is an absolute path' };
  if (/^[A-Za-z]:/.test(raw)) return { problem: 'outside', why: 'starts with a drive letter' };
  if (CONTROL.test(raw)) return { problem: 'invalid', why: 'contains control characters' };
  const segments = raw.normalize('NFC').split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { problem: 'outside', why: 'climbs out of its folder with ".."' };
  const path = segments.join('/');
  if (path === '') return { problem: 'invalid', why: 'is empty' };
  if (path.length > MAX_PATH_LENGTH) return { problem: 'invalid', why: `is longer than ${MAX_PATH_LENGTH} characters` };
  return { path };
}

export type ResolvedReference = {
  /** The file, relative to the package root. */
  path: string;
  /** The query and fragment of the reference, kept for launching ("?a=1#x"). */
  suffix: string;
};

/**
 * Resolves an href written in a manifest against its xml:base chain (outermost
 * first). Anything that is not a relative reference staying inside the package
 * root (an absolute URL, a rooted path, ".." above the root) is REFERENCE_OUTSIDE.
 * A base without a trailing slash still names a folder: authors write
 * xml:base="content" meaning the folder, and no file can be a base anyway.
 */
export function resolveReference(bases: (string | undefined)[], href: string, where: { file: string; element: string }): ResolvedReference {
  const outside = (why: string) =>
    reject('REFERENCE_OUTSIDE', `${where.file}: ${where.element} refers to "${href}", which ${why}; a package may only refer to its own files.`, { file: where.file, element: where.element, href });
  const segments: string[] = [];
  let suffix = '';
  const pieces = [...bases.filter((b): b is string => b !== undefined && b.trim() !== ''), href];
  pieces.forEach((raw, index) => {
    const piece = raw.trim();
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(piece) && !/^[A-Za-z]:[\\/]/.test(piece)) throw outside('is an absolute URL');
    if (piece.startsWith('//')) throw outside('is an absolute URL');
    const isLast = index === pieces.length - 1;
    const cut = piece.search(/[?#]/);
    const pathPart = cut < 0 ? piece : piece.slice(0, cut);
    if (isLast && cut >= 0) suffix = piece.slice(cut);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart);
    } catch {
      throw reject('MANIFEST_INVALID', `${where.file}: ${where.element} has the malformed reference "${href}".`, { file: where.file, element: where.element, href });
    }
    if (decoded.startsWith('/') || pathPart.startsWith('/')) throw outside('is a rooted path');
    if (decoded.includes('\\')) throw outside('contains a back slash');
    if (/^[A-Za-z]:/.test(decoded)) throw outside('starts with a drive letter');
    for (const segment of decoded.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (segments.length === 0) throw outside('climbs above the package root');
        segments.pop();
      } else segments.push(segment.normalize('NFC'));
    }
  });
  if (segments.length === 0) throw reject('MANIFEST_INVALID', `${where.file}: ${where.element} has an empty reference.`, { file: where.file, element: where.element, href });
  return { path: segments.join('/'), suffix };
}

/** Appends an item's parameters to a launch reference following the IMS CP / SCORM CAM rules. */
export function applyParameters(reference: string, parameters: string | undefined): string {
  const p = parameters?.trim();
  if (!p) return reference;
  const hash = reference.indexOf('#');
  const base = hash < 0 ? reference : reference.slice(0, hash);
  const fragment = hash < 0 ? '' : reference.slice(hash);
  if (p.startsWith('#')) return fragment ? reference : reference + p;
  const query = p.replace(/^[?&]+/, '');
  if (!query) return reference;
  return `${base}${base.includes('?') ? '&' : '?'}${query}${fragment}`;
}

/** Percent-encodes each path segment so the path can be put in a URL. */
export const pathToUrl = (path: string) => path.split('/').map(encodeURIComponent).join('/');
