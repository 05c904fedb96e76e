import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ApiRequestError } from '../api/client';
import { useT, type Dictionary } from '../i18n';

/**
 * Server messages are short lowercase phrases ("you are already an ambassador"); shown on their
 * own they read better as a sentence.
 */
export function asSentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capitalised = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * The server's words for an error, as a sentence. The server answers in the language the tab asks
 * for (Accept-Language is the UI language), so they need no translating here.
 */
export function serverMessage(error: ApiRequestError): string {
  return asSentence(error.message);
}

/** The words to show for any error: the server's own message when it sent one. */
export function errorText(error: unknown, t: Dictionary): { message: string; reference: string | null } {
  if (error instanceof ApiRequestError) {
    const reference = error.correlationId ? t.errors.reference(error.correlationId) : null;
    if (error.fromServer) return { message: serverMessage(error), reference };
    // no answer, or a proxy's "bad gateway / unavailable / timeout" without our error body
    if (error.code === 'NETWORK' || [502, 503, 504].includes(error.status))
      return { message: t.errors.network, reference };
    if (error.code === 'BAD_RESPONSE') return { message: t.errors.badResponse, reference };
    if (error.status === 403) return { message: t.errors.forbidden, reference };
    return { message: t.errors.unexpected, reference };
  }
  return { message: t.errors.unexpected, reference: null };
}

export function ErrorBar({
  error,
  title,
  onRetry,
  intent = 'error',
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  intent?: MessageBarIntent;
}) {
  const t = useT();
  const { message, reference } = errorText(error, t);
  return (
    <MessageBar intent={intent} layout="multiline" politeness="assertive">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {message}
        {reference && <div>{reference}</div>}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t.app.retry}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function Notice({
  intent,
  title,
  children,
  live = 'polite',
}: {
  intent: MessageBarIntent;
  title?: string;
  children: ReactNode;
  live?: 'polite' | 'assertive';
}) {
  return (
    <MessageBar intent={intent} layout="multiline" politeness={live}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
