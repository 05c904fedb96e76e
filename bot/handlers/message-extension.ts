import type { MessagingExtensionResult, TurnContext } from 'botbuilder';
import type { Query } from '@microsoft/teams-ai';
import { AppError } from '../../src/domain/errors';
import { getLibraryItem } from '../../src/services/get-library-item';
import { searchLibrary } from '../../src/services/search-library';
import { renderLibraryCard } from '../cards';
import { tenantOfActivity } from '../turn';
import { STRINGS } from '../strings';
import type { HandlerContext } from './context';
import { readerLanguage } from './reader-language';

/** The search command's id and its one parameter, as declared in appPackage/manifest.json. */
export const SEARCH_COMMAND = 'searchLibrary';
export const SEARCH_PARAMETER = 'searchText';

/** Teams asks for 25 results at a time; the library gives at most 50 a page. */
const PAGE_LIMIT = 50;
/** The library search takes at most 200 characters. */
const QUERY_LIMIT = 200;

const results = (attachments: MessagingExtensionResult['attachments'] = []): MessagingExtensionResult => ({
  type: 'result',
  attachmentLayout: 'list',
  attachments,
});

/**
 * composeExtension/query: searches the approved library (Danish and English, pinned first) and answers
 * with one card per item. Nothing found is an empty list, not an error. Teams pages by skip and
 * count; the library pages by cursor, so a later page walks the cursors up to `skip`.
 */
export function handleLibrarySearch(ctx: HandlerContext) {
  return async (
    context: TurnContext,
    _state: unknown,
    query: Query<Record<string, unknown>>,
  ): Promise<MessagingExtensionResult> => {
    const activity = context.activity;
    const tenantId = tenantOfActivity(activity, ctx.fallbackTenantId);
    const language = await readerLanguage(ctx, context);
    const text = query.parameters[SEARCH_PARAMETER];
    const q = typeof text === 'string' ? text.trim().slice(0, QUERY_LIMIT) : '';
    const count = Math.min(Math.max(Math.trunc(query.count) || 25, 1), PAGE_LIMIT);
    try {
      let skip = Math.max(Math.trunc(query.skip) || 0, 0);
      let cursor: string | null = null;
      while (skip > 0) {
        const passed = await searchLibrary(ctx.deps, {
          tenantId,
          q,
          cursor,
          limit: Math.min(skip, PAGE_LIMIT),
        });
        skip -= passed.items.length;
        cursor = passed.nextCursor;
        if (!cursor) return results();
      }
      const page = await searchLibrary(ctx.deps, { tenantId, q, cursor, limit: count });
      return results(
        page.items.map((item) => renderLibraryCard(item, { language, publicUrl: ctx.publicUrl })),
      );
    } catch (err) {
      ctx.logger.error({ err, tenantId, activityId: activity.id }, 'message extension search failed');
      return { type: 'message', text: STRINGS[language].searchFailed };
    }
  };
}

/** The item id in a link to an item page of this Chorus (`<PUBLIC_URL>/items/<id>`), or null. */
export function itemIdOfUrl(url: unknown, publicUrl: string): string | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host.toLowerCase() !== new URL(publicUrl).host.toLowerCase()) return null;
  const match = /^\/items\/([^/]+)\/?$/.exec(parsed.pathname);
  if (!match) return null;
  try {
    const id = decodeURIComponent(match[1]!);
    return id.length > 0 && id.length <= 100 ? id : null;
  } catch {
    return null;
  }
}

/**
 * composeExtension/queryLink: a pasted link to an item page unfurls into the item's card. A link to
 * anything else, or to an item that is unknown, unapproved or expired, unfurls into nothing (Teams then
 * shows the plain link); that is not an error.
 */
export function handleLinkUnfurl(ctx: HandlerContext) {
  return async (context: TurnContext, _state: unknown, url: string): Promise<MessagingExtensionResult> => {
    const activity = context.activity;
    const tenantId = tenantOfActivity(activity, ctx.fallbackTenantId);
    const itemId = itemIdOfUrl(url, ctx.publicUrl);
    if (!itemId) return results();
    try {
      const item = await getLibraryItem(ctx.deps, { tenantId, itemId });
      const language = await readerLanguage(ctx, context);
      return results([renderLibraryCard(item, { language, publicUrl: ctx.publicUrl, version: '1.3' })]);
    } catch (err) {
      // Not in the library is the normal "no card"; anything else is logged, and Teams shows the link.
      if (!(err instanceof AppError && err.code === 'NOT_FOUND')) {
        ctx.logger.error({ err, tenantId, activityId: activity.id }, 'link unfurling failed');
      }
      return results();
    }
  };
}
