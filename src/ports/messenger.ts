import type { Language } from '../domain/person';

/** A message for one person, in their language, from the bot. */
export interface BotMessage {
  kind: 'welcome';
  language: Language;
  displayName: string;
}

/** Sends proactive bot messages (Teams in production, the local connector in the demo). */
export interface Messenger {
  /** Delivers a message to a person's 1:1 chat with the bot. Returns false when no chat can be reached. */
  sendToPerson(tenantId: string, personId: string, message: BotMessage): Promise<boolean>;
}
