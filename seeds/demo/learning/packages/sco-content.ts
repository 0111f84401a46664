import { readFileSync } from 'node:fs';
import type { ZipFile } from './seed-zip.js';

// What a demo SCO shows, in bokmål and English, and how it becomes files: the
// page (sco-page HTML), its content as a script (SCO_CONTENT) and the shared
// runtime (shared/sco.js, shared/sco-ui.js, shared/sco.css).

export type Text = { nb: string; en: string };

export type ScoContent = {
  scormVersion: '1.2' | '2004';
  title: Text;
  /** HTML authored here (headings from h2, lists, paragraphs); the quiz is the page after the last. */
  pages: { title: Text; html: Text }[];
  quiz: {
    /** Percent of questions answered right needed to pass. */
    passMark: number;
    questions: { id: string; multiple: boolean; prompt: Text; options: { id: string; text: Text; correct: boolean }[]; explanation: Text }[];
  };
  /** SCORM 2004: ask the sequencer to continue to the next SCO when this one is passed. */
  continueWhenDone?: boolean;
};

const shared = (name: string) => readFileSync(new URL(`./shared/${name}`, import.meta.url), 'utf8');

/** The runtime files every SCO page loads, at the package root. */
export function sharedScoFiles(): ZipFile[] {
  return [
    { name: 'sco.js', data: shared('sco.js') },
    { name: 'sco-ui.js', data: shared('sco-ui.js') },
    { name: 'sco.css', data: shared('sco.css') },
  ];
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One SCO: its page (`<name>.html`) and its content script (`<name>.js`). */
export function scoFiles(name: string, content: ScoContent): ZipFile[] {
  const html = `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.title.nb)}</title>
<link rel="stylesheet" href="sco.css">
</head>
<body>
<main id="sco"></main>
<script src="${name}.js"></script>
<script src="sco.js"></script>
<script src="sco-ui.js"></script>
</body>
</html>
`;
  // JSON is valid JavaScript; "<" is escaped so no string can close a script element.
  const script = `window.SCO_CONTENT = ${JSON.stringify(content).replace(/</g, '\\u003c')};\n`;
  return [
    { name: `${name}.html`, data: html },
    { name: `${name}.js`, data: script },
  ];
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
