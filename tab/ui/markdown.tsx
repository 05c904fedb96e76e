import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * A deliberately tiny Markdown renderer for program texts written by comms: headings (#…######),
 * paragraphs, bullet lists (-, *, +), numbered lists (1.), **bold**, *italic* / _italic_ and
 * [links](https://…). It builds React elements (so all text is escaped by React) and never uses
 * dangerouslySetInnerHTML. Anything else is shown as plain text.
 */

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ kind: 'list', ...list });
    list = null;
  };

  for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd();
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet?.[1] ?? numbered?.[1];
    if (item !== undefined) {
      flushParagraph();
      const ordered = numbered !== null;
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [] };
      list.items.push(item.trim());
      continue;
    }
    if (list && /^\s{2,}/.test(rawLine)) {
      // an indented continuation line belongs to the previous list item
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last] ?? ''} ${line.trim()}`;
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

const INLINE =
  /\*\*(.+?)\*\*|__(.+?)__|\*(?!\s)(.+?)\*|(?<![\p{L}\p{N}])_(?!\s)(.+?)_(?![\p{L}\p{N}])|\[([^\]]+)\]\(([^)\s]+)\)/gu;
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Renders inline emphasis and links as React nodes. */
export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const nodes: ReactNode[] = [];
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(INLINE)) {
    const start = match.index ?? 0;
    if (start > last) nodes.push(text.slice(last, start));
    const key = `${keyPrefix}-${index++}`;
    const [whole, bold1, bold2, italic1, italic2, linkText, href] = match;
    if (bold1 !== undefined || bold2 !== undefined) {
      nodes.push(<strong key={key}>{renderInline(bold1 ?? bold2 ?? '', key)}</strong>);
    } else if (italic1 !== undefined || italic2 !== undefined) {
      nodes.push(<em key={key}>{renderInline(italic1 ?? italic2 ?? '', key)}</em>);
    } else if (linkText !== undefined && href !== undefined && SAFE_URL.test(href)) {
      nodes.push(
        <a key={key} href={href} target="_blank" rel="noopener noreferrer">
          {renderInline(linkText, key)}
        </a>,
      );
    } else {
      nodes.push(whole);
    }
    last = start + whole.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}

const useStyles = makeStyles({
  root: {
    '& h2, & h3, & h4, & h5, & h6': {
      marginTop: tokens.spacingVerticalL,
      marginBottom: tokens.spacingVerticalS,
      fontWeight: tokens.fontWeightSemibold,
    },
    '& p, & ul, & ol': { marginTop: 0, marginBottom: tokens.spacingVerticalM },
    '& li': { marginBottom: tokens.spacingVerticalXS },
    '& a': { color: tokens.colorBrandForegroundLink },
    '& > :first-child': { marginTop: 0 },
    '& > :last-child': { marginBottom: 0 },
  },
});

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

export function Markdown({
  source,
  headingLevel = 3,
  maxBlocks,
  className,
}: {
  source: string;
  /** The HTML level a Markdown "#" maps to, so the text fits the page's outline. */
  headingLevel?: 2 | 3 | 4;
  /** Show only the first blocks (for summaries). */
  maxBlocks?: number;
  className?: string;
}) {
  const styles = useStyles();
  const all = parseMarkdown(source);
  const blocks = maxBlocks === undefined ? all : all.slice(0, maxBlocks);
  // The document's biggest heading maps to `headingLevel`, whether the author started at # or ###.
  const topLevel = Math.min(7, ...all.map((b) => (b.kind === 'heading' ? b.level : 7)));
  return (
    <div className={className ? `${styles.root} ${className}` : styles.root}>
      {blocks.map((block, i) => {
        const key = `b${i}`;
        switch (block.kind) {
          case 'heading': {
            const Tag = `h${Math.min(6, headingLevel + block.level - topLevel)}` as HeadingTag;
            return <Tag key={key}>{renderInline(block.text, key)}</Tag>;
          }
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={key}>
                {block.items.map((item, j) => (
                  <li key={j}>{renderInline(item, `${key}-${j}`)}</li>
                ))}
              </List>
            );
          }
          default:
            return <p key={key}>{renderInline(block.text, key)}</p>;
        }
      })}
    </div>
  );
}

/** How many blocks a Markdown source has (to tell whether a summary left something out). */
export function markdownBlockCount(source: string): number {
  return parseMarkdown(source).length;
}
