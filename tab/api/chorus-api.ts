import { z } from 'zod';
import {
  ZChatHistory,
  ZContentDetail,
  ZContentList,
  ZImageUploaded,
  ZImpact,
  ZItemStats,
  ZLibraryItem,
  ZLibraryPage,
  ZMyShares,
  ZShareCompleted,
  ZSharePreparation,
  ZTopicEntry,
  ZTopicList,
  ZClientConfig,
  ZDevSignInResponse,
  ZMe,
  ZMembershipView,
  ZPeopleList,
  ZProgramDocumentView,
  ZProgramStats,
  ZProgramView,
  type ChatSendRequest,
  type ContentInput,
  type ContentStatus,
  type LibraryQuery,
  type Network,
  type DevSignInRequest,
  type DocumentKind,
  type JoinRequest,
  type UpdateDocumentRequest,
} from '@contracts';
import type { ApiClient } from './client';

/** The body of "complete a share" (the contract's input type, before defaults). */
export interface CompleteShareBody {
  text: string;
  via: 'intent' | 'confirmed';
  postUrl?: string | null;
}

/** What the library sends: every filter optional, empty ones left out of the query string. */
export type LibraryRequest = Partial<Omit<LibraryQuery, 'limit'>> & { limit?: number };

/** Some write endpoints answer with the new state, some with nothing; either is fine here. */
const ZAnything = z.unknown();

function libraryQueryString(query: LibraryRequest): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

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

    topics: () => client.request('GET', '/api/topics', ZTopicList),
    createTopic: (body: { key: string; labelDa: string; labelEn: string }) =>
      client.request('POST', '/api/topics', ZTopicEntry, { body }),

    library: (query: LibraryRequest, signal?: AbortSignal) =>
      client.request('GET', `/api/library${libraryQueryString(query)}`, ZLibraryPage, { signal }),
    libraryItem: (itemId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/library/${id(itemId)}`, ZLibraryItem, { signal }),
    prepareShare: (itemId: string, network: Network) =>
      client.request('POST', `/api/library/${id(itemId)}/share`, ZSharePreparation, { body: { network } }),
    completeShare: (shareId: string, body: CompleteShareBody) =>
      client.request('POST', `/api/shares/${id(shareId)}/complete`, ZShareCompleted, { body }),
    shareFeedback: (shareId: string, body: { reactions?: number; comments?: number; postUrl?: string }) =>
      client.request('PATCH', `/api/shares/${id(shareId)}`, ZAnything, { body }),
    myShares: (signal?: AbortSignal) => client.request('GET', '/api/me/shares', ZMyShares, { signal }),
    impact: (days: number, signal?: AbortSignal) =>
      client.request('GET', `/api/me/impact?days=${days}`, ZImpact, { signal }),

    contentList: (status: ContentStatus | undefined, signal?: AbortSignal) =>
      client.request('GET', `/api/content${status ? `?status=${status}` : ''}`, ZContentList, { signal }),
    content: (itemId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/content/${id(itemId)}`, ZContentDetail, { signal }),
    createContent: (body: ContentInput) => client.request('POST', '/api/content', ZContentDetail, { body }),
    updateContent: (itemId: string, body: ContentInput) =>
      client.request('PUT', `/api/content/${id(itemId)}`, ZContentDetail, { body }),
    submitContent: (itemId: string) =>
      client.request('POST', `/api/content/${id(itemId)}/submit`, ZContentDetail, { body: {} }),
    approveContent: (itemId: string) =>
      client.request('POST', `/api/content/${id(itemId)}/approve`, ZContentDetail, { body: {} }),
    rejectContent: (itemId: string, note: string) =>
      client.request('POST', `/api/content/${id(itemId)}/reject`, ZContentDetail, { body: { note } }),
    archiveContent: (itemId: string) =>
      client.request('POST', `/api/content/${id(itemId)}/archive`, ZContentDetail, { body: {} }),
    contentStats: (itemId: string, signal?: AbortSignal) =>
      client.request('GET', `/api/content/${id(itemId)}/stats`, ZItemStats, { signal }),
    uploadImage: (file: Blob, onProgress?: (sent: number, total: number) => void, signal?: AbortSignal) =>
      client.upload('/api/images', file, ZImageUploaded, {
        ...(onProgress ? { onProgress } : {}),
        ...(signal ? { signal } : {}),
      }),

    sendChat: (body: ChatSendRequest) => client.send('POST', '/api/dev/chat/messages', { body }),
    chatHistory: (after: number, signal?: AbortSignal) =>
      client.request('GET', `/api/dev/chat/messages?after=${after}`, ZChatHistory, { signal }),
  };
}

export type ChorusApi = ReturnType<typeof createChorusApi>;
