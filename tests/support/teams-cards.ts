import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import { expect } from 'vitest';

// Every card the bot sends must parse with the `adaptivecards` package (the SDK Teams' renderer is
// built on) and use only what Teams renders in bot messages: schema 1.5 at most, and these elements.
// The package's ES build imports files without extensions, which Node cannot load; its bundle can.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Elements and actions Teams renders in Adaptive Cards sent by bots (up to schema 1.5). */
export const TEAMS_CARD_TYPES = new Set([
  'AdaptiveCard',
  'TextBlock',
  'RichTextBlock',
  'TextRun',
  'Image',
  'ImageSet',
  'Container',
  'ColumnSet',
  'Column',
  'FactSet',
  'ActionSet',
  'Table',
  'TableRow',
  'TableCell',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
  'Action.Submit',
  'Action.OpenUrl',
  'Action.ShowCard',
  'Action.ToggleVisibility',
  'Action.Execute',
]);

/** The Adaptive Card contents of an activity's attachments. */
export function adaptiveCards(activity: { attachments?: { contentType: string; content?: unknown }[] }) {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content as Record<string, unknown>);
}

function typesIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) typesIn(item, found);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record['type'] === 'string') found.push(record['type']);
    for (const [key, value] of Object.entries(record)) {
      // Action data is the bot's own payload, not card structure.
      if (key !== 'data') typesIn(value, found);
    }
  }
  return found;
}

/** Fails unless `card` parses without warnings, is at most version 1.5 and uses only Teams' elements. */
export function expectTeamsCard(card: Record<string, unknown>): void {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  expect(events, JSON.stringify(card).slice(0, 300)).toEqual([]);
  const version = typeof card['version'] === 'string' ? card['version'] : '';
  expect(version).toMatch(/^1\.[0-5]$/);
  expect(parsed.version.toString()).toBe(version);
  const unsupported = typesIn(card).filter((t) => !TEAMS_CARD_TYPES.has(t));
  expect(unsupported).toEqual([]);
}

/** Checks every Adaptive Card in the activities; returns how many there were. */
export function expectTeamsCards(
  activities: { attachments?: { contentType: string; content?: unknown }[] }[],
): number {
  let n = 0;
  for (const activity of activities) {
    for (const card of adaptiveCards(activity)) {
      expectTeamsCard(card);
      n++;
    }
  }
  return n;
}
