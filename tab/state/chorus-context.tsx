import { createContext, useContext } from 'react';
import type { ClientConfig, Me, ProgramView } from '@contracts';
import type { ChorusApi } from '../api/chorus-api';
import type { ChatFeed } from '../features/chat/chat-feed';
import type { AsyncResource } from '../ui/use-async';

export type TabId = 'library' | 'campaigns' | 'impact' | 'my-team' | 'admin';
export const TAB_IDS: readonly TabId[] = ['library', 'campaigns', 'impact', 'my-team', 'admin'];

/** What every page of a signed-in person can reach. */
export interface ChorusContextValue {
  api: ChorusApi;
  config: ClientConfig;
  me: Me;
  reloadMe: () => Promise<void>;
  program: AsyncResource<ProgramView>;
  chat: ChatFeed;
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
