import Markdown from 'react-markdown';

/**
 * Authored Markdown as HTML. react-markdown builds React elements from the
 * Markdown syntax tree and never passes raw HTML through; skipHtml drops it
 * entirely, so authored text cannot inject markup or script. Links open in a
 * new tab without handing over the opener.
 */
export function MarkdownView({ markdown }: { markdown: string }) {
  return (
    <div className="course-markdown-view">
      <Markdown
        skipHtml
        components={{
          a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
          // The page has its h1 and the lesson its h2: authored headings start below them.
          h1: ({ node: _node, ...props }) => <h3 {...props} />,
          h2: ({ node: _node, ...props }) => <h3 {...props} />,
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
