// The text block's toolbar: wraps or prefixes the selected Markdown. Pure, so
// it is tested without a browser; the editor puts the selection back.

export type Format = 'bold' | 'italic' | 'heading' | 'list' | 'link';
export type Edit = { text: string; start: number; end: number };

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;

export function applyFormat(text: string, start: number, end: number, format: Format, placeholder: string): Edit {
  const selected = text.slice(start, end);
  const wrap = (before: string, after: string): Edit => {
    const inner = selected || placeholder;
    return { text: text.slice(0, start) + before + inner + after + text.slice(end), start: start + before.length, end: start + before.length + inner.length };
  };
  switch (format) {
    case 'bold':
      return wrap('**', '**');
    case 'italic':
      return wrap('_', '_');
    case 'link': {
      const label = selected || placeholder;
      const inserted = `[${label}](https://)`;
      const urlAt = start + label.length + 3;
      return { text: text.slice(0, start) + inserted + text.slice(end), start: urlAt, end: urlAt + 'https://'.length };
    }
    case 'heading':
    case 'list': {
      // Every selected line gets the prefix (a heading takes only the first line).
      const from = lineStart(text, start);
      const prefix = format === 'heading' ? '## ' : '- ';
      const block = text.slice(from, end);
      const lines = format === 'heading' ? [block] : block.split('\n');
      const changed = lines.map((l, i) => (format === 'heading' && i > 0 ? l : l.startsWith(prefix) ? l : prefix + l)).join('\n');
      return { text: text.slice(0, from) + changed + text.slice(end), start: from, end: from + changed.length };
    }
  }
}
