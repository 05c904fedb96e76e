import type { MessageBarIntent } from '@fluentui/react-components';

/** A one-off message after an action (joined, left, guidelines reloaded). */
export interface Flash {
  intent: MessageBarIntent;
  text: string;
}
