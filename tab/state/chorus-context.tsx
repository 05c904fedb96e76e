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
}

export const ChorusContext = createContext<ChorusContextValue | null>(null);

export function useChorus(): ChorusContextValue {
  const value = useContext(ChorusContext);
  if (!value) throw new Error('useChorus must be used inside a signed-in app');
  return value;
}
