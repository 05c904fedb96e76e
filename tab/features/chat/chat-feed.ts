import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatCardAnswer, ChatMessage } from '@contracts';
import type { ChorusApi } from '../../api/chorus-api';

const POLL_MS = 1500;
/** After joining, keep polling this long so the bot's welcome shows up even with the panel shut. */
const BURST_MS = 15_000;

export interface ChatFeed {
  messages: ChatMessage[];
  /** Bot messages that arrived while the panel was closed. */
  unread: number;
  open: boolean;
  setOpen: (open: boolean) => void;
  /** True until the first history load finishes. */
  loading: boolean;
  error: unknown;
  send: (text: string) => Promise<void>;
  /** Presses a button on one of the bot's cards. */
  answerCard: (answer: ChatCardAnswer) => Promise<void>;
  /** Polls for a while, for example right after joining. */
  pollBurst: () => void;
}

/**
 * The demo chat's message feed. It lives outside the (lazy-loaded) panel so polling can run
 * right after join, before anyone opens the panel.
 */
export function useChatFeed(api: ChorusApi, enabled: boolean): ChatFeed {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [open, setOpenState] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [seenId, setSeenId] = useState(0);
  const [burstUntil, setBurstUntil] = useState(0);
  const lastIdRef = useRef(0);
  const inFlightRef = useRef(false);

  const poll = useCallback(async () => {
    if (inFlightRef.current) return;
    inFlightRef.current = true;
    try {
      const history = await api.chatHistory(lastIdRef.current);
      const fresh = history.messages.filter((m) => m.id > lastIdRef.current);
      if (fresh.length > 0) {
        lastIdRef.current = Math.max(...fresh.map((m) => m.id));
        setMessages((current) => [...current, ...fresh].sort((a, b) => a.id - b.id));
      }
      setError(null);
      setLoaded(true);
    } catch (err) {
      setError(err);
    } finally {
      inFlightRef.current = false;
    }
  }, [api]);

  const polling = enabled && (open || burstUntil > 0);
  useEffect(() => {
    if (!polling) return;
    void poll();
    const timer = setInterval(() => {
      if (burstUntil > 0 && Date.now() > burstUntil) setBurstUntil(0);
      void poll();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [polling, poll, burstUntil]);

  const lastId = messages.at(-1)?.id ?? 0;
  useEffect(() => {
    if (open) setSeenId(lastId);
  }, [open, lastId]);

  const setOpen = useCallback((value: boolean) => setOpenState(value), []);
  const pollBurst = useCallback(() => {
    if (enabled) setBurstUntil(Date.now() + BURST_MS);
  }, [enabled]);
  const send = useCallback(
    async (text: string) => {
      await api.sendChat({ text });
      await poll();
    },
    [api, poll],
  );
  const answerCard = useCallback(
    async (card: ChatCardAnswer) => {
      await api.sendChat({ card });
      await poll();
    },
    [api, poll],
  );

  const unread = open ? 0 : messages.filter((m) => m.from === 'bot' && m.id > seenId).length;
  const loading = !loaded;
  return useMemo(
    () => ({ messages, unread, open, setOpen, loading, error, send, answerCard, pollBurst }),
    [messages, unread, open, setOpen, loading, error, send, answerCard, pollBurst],
  );
}
