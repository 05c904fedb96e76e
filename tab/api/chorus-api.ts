import {
  ZChatHistory,
  ZClientConfig,
  ZDevSignInResponse,
  ZMe,
  ZMembershipView,
  ZPeopleList,
  ZProgramDocumentView,
  ZProgramStats,
  ZProgramView,
  type ChatSendRequest,
  type DevSignInRequest,
  type DocumentKind,
  type JoinRequest,
  type UpdateDocumentRequest,
} from '@contracts';
import type { ApiClient } from './client';

/** Every endpoint the tab calls, each validated against its contract schema. */
export function createChorusApi(client: ApiClient) {
  return {
    config: () => client.request('GET', '/api/config', ZClientConfig, { auth: false }),

    searchPeople: (q: string, limit: number, signal?: AbortSignal) =>
      client.request(
        'GET',
        `/api/dev/people?${new URLSearchParams({ q, limit: String(limit) })}`,
        ZPeopleList,
        {
          auth: false,
          signal,
        },
      ),
    devSignIn: (body: DevSignInRequest) =>
      client.request('POST', '/api/dev/sign-in', ZDevSignInResponse, { auth: false, body }),

    me: () => client.request('GET', '/api/me', ZMe),
    program: () => client.request('GET', '/api/program', ZProgramView),
    join: (body: JoinRequest) => client.request('POST', '/api/membership', ZMembershipView, { body }),
    leave: () => client.send('DELETE', '/api/membership'),

    updateDocument: (kind: DocumentKind, body: UpdateDocumentRequest) =>
      client.request('PUT', `/api/program/${kind}`, ZProgramDocumentView, { body }),
    stats: () => client.request('GET', '/api/admin/stats', ZProgramStats),

    sendChat: (body: ChatSendRequest) => client.send('POST', '/api/dev/chat/messages', { body }),
    chatHistory: (after: number, signal?: AbortSignal) =>
      client.request('GET', `/api/dev/chat/messages?after=${after}`, ZChatHistory, { signal }),
  };
}

export type ChorusApi = ReturnType<typeof createChorusApi>;
