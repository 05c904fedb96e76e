import { createContext, useContext } from 'react';
import type { ClientConfig, Me, ProgramView } from '@contracts';
import type { ChorusApi } from '../api/chorus-api';
import type { ChatFeed } from '../features/chat/chat-feed';
import type { HostInfo } from '../teams/teams-host';
import type { AsyncResource } from '../ui/use-async';

export type TabId = 'library' | 'campaigns' | 'impact' | 'sparring' | 'my-team' | 'admin' | 'inbox';
export const TAB_IDS: readonly TabId[] = [
  'library',
  'campaigns',
  'impact',
  'sparring',
  'my-team',
  'admin',
  'inbox',
];

/**
 * A link into one campaign, from an invitation card's Join or Learn more button: in a browser
 * `?tab=campaigns&campaign=<id>&join=1` (`page=` works as well as `tab=`), in Teams the deep link's
 * subEntityId `campaign:<id>:join`.
 */
export interface CampaignLink {
  campaignId: string;
  /** Open the consent step straight away. */
  join: boolean;
}

export function campaignLinkFromSearch(search: string): CampaignLink | null {
  const params = new URLSearchParams(search);
  const campaignId = params.get('campaign')?.trim();
  if (!campaignId) return null;
  const join = params.get('join');
  return { campaignId, join: join === '1' || join === 'true' };
}

export function campaignLinkFromSubPage(subPageId: string | null | undefined): CampaignLink | null {
  const match = /^campaign:([^:]+)(?::(join))?$/.exec(subPageId ?? '');
  if (!match?.[1]) return null;
  return { campaignId: match[1], join: match[2] === 'join' };
}

/** What every page of a signed-in person can reach. */
export interface ChorusContextValue {
  api: ChorusApi;
  config: ClientConfig;
  me: Me;
  reloadMe: () => Promise<void>;
  program: AsyncResource<ProgramView>;
  chat: ChatFeed;
  /** Where the tab runs (browser, Teams, Outlook, the Microsoft 365 app, SharePoint). */
  host: HostInfo;
  /** True on a channel tab or a SharePoint page: one page, no navigation, compact. */
  embedded: boolean;
  /** The campaign the address points at (a deep link, or the join step the person opened). */
  campaignLink: CampaignLink | null;
  /** Points the address at a campaign (its join step with `join`), or back at the list with null. */
  showCampaign: (link: CampaignLink | null) => void;
  navigate: (tab: TabId) => void;
  /** Opens an item's own page, /items/<id> (a deep link the message extension unfurls). */
  openItem: (itemId: string) => void;
  /** Back from an item page to the library, where the person was. */
  closeItem: () => void;
}

/** The address of an item's page (for real links, so "open in a new tab" works too). */
export function itemPath(itemId: string): string {
  return `/items/${encodeURIComponent(itemId)}`;
}

/** The item id in an address like /items/<id>, or null. */
export function itemIdFromPath(pathname: string): string | null {
  const match = /^\/items\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export const ChorusContext = createContext<ChorusContextValue | null>(null);

export function useChorus(): ChorusContextValue {
  const value = useContext(ChorusContext);
  if (!value) throw new Error('useChorus must be used inside a signed-in app');
  return value;
}
