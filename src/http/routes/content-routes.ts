import { z } from 'zod';
import {
  ZContentInput,
  ZContentListQuery,
  ZCreateTopicRequest,
  ZItemParams,
  ZLibraryQuery,
  ZRejectRequest,
  schemaMessage,
  type ContentInput,
} from '../../contracts';
import type { ContentItemInput } from '../../services/content-input';
import { createContentItem } from '../../services/create-content-item';
import { createTopic } from '../../services/create-topic';
import { getContentItem } from '../../services/get-content-item';
import { getImage } from '../../services/get-image';
import { getLibraryItem } from '../../services/get-library-item';
import { listContentItems } from '../../services/list-content-items';
import { listTopics } from '../../services/list-topics';
import { searchLibrary } from '../../services/search-library';
import { transitionContentItem, type WorkflowAction } from '../../services/transition-content-item';
import { updateContentItem } from '../../services/update-content-item';
import { uploadImage } from '../../services/upload-image';
import {
  presentContentDetail,
  presentContentSummary,
  presentImageUploaded,
  presentLibraryItem,
  presentLibraryPage,
  presentTopic,
} from '../content-presenters';
import type { Access } from '../route';
import { within, type RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** The raw upload, read by the image/* body parser registered in server.ts. */
const ZImageBody = z.custom<Buffer>((v) => Buffer.isBuffer(v), { message: schemaMessage('imageBody') });

/** The editor's input as the content services take it. */
function toContentInput(body: ContentInput): ContentItemInput {
  const date = (v: string | null) => (v === null ? null : new Date(v));
  return {
    title: body.title,
    body: body.body,
    linkUrl: body.linkUrl,
    imageId: body.imageId,
    imageUrl: body.imageUrl,
    topic: body.topic,
    language: body.language,
    networks: body.networks,
    captions: body.captions,
    validFrom: date(body.validFrom),
    validTo: date(body.validTo),
    evergreen: body.evergreen,
    pinned: body.pinned,
    advertising: body.advertising,
  };
}

/** Who may take each workflow step: editors submit and archive, approvers approve and reject. */
const WORKFLOW: { action: WorkflowAction; access: Access }[] = [
  { action: 'submit', access: ['comms'] },
  { action: 'approve', access: ['approver'] },
  { action: 'archive', access: ['comms'] },
];

/** Topics, images, the content workflow and the library. */
export function registerContentRoutes(r: RouteRegistrar, deps: HttpDeps) {
  // ---- Topics ----------------------------------------------------------------------------------

  r.add({
    method: 'GET',
    url: '/api/topics',
    access: ['employee'],
    async handler({ principal }) {
      const topics = await listTopics(deps, { tenantId: principal!.tenantId });
      return { topics: topics.map(presentTopic) };
    },
  });

  r.add({
    method: 'POST',
    url: '/api/topics',
    access: ['comms'],
    body: ZCreateTopicRequest,
    async handler({ principal, body, reply }) {
      const topic = await createTopic(deps, { tenantId: principal!.tenantId, ...body });
      reply.code(201);
      return presentTopic(topic);
    },
  });

  // ---- Images ----------------------------------------------------------------------------------

  r.add({
    method: 'POST',
    url: '/api/images',
    access: ['comms'],
    body: ZImageBody,
    async handler({ principal, body, request, reply }) {
      const image = await uploadImage(deps, {
        tenantId: principal!.tenantId,
        actorId: principal!.personId,
        contentType: request.headers['content-type'],
        bytes: body,
      });
      reply.code(201);
      return presentImageUploaded(image);
    },
  });

  r.add({
    method: 'GET',
    url: '/media/:id',
    // Public so that cards, previews and downloads work without a token; ids are random UUIDs.
    access: 'public',
    params: ZItemParams,
    async handler({ params, reply }) {
      const image = await getImage(deps, { tenantId: deps.tenantId, imageId: params.id });
      reply
        .type(image.contentType)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox");
      return image.bytes;
    },
  });

  // ---- Content workflow (editors and approvers) ------------------------------------------------

  r.add({
    method: 'GET',
    url: '/api/content',
    access: ['comms', 'approver'],
    query: ZContentListQuery,
    async handler({ principal, query }) {
      const list = await listContentItems(deps, {
        tenantId: principal!.tenantId,
        status: query.status ?? null,
      });
      return { items: list.items.map(presentContentSummary), counts: list.counts };
    },
  });

  r.add({
    method: 'POST',
    url: '/api/content',
    access: ['comms'],
    body: ZContentInput,
    async handler({ principal, body, reply }) {
      const item = await within(
        'body',
        createContentItem(deps, {
          tenantId: principal!.tenantId,
          actorId: principal!.personId,
          content: toContentInput(body),
          submit: body.submit,
        }),
      );
      reply.code(201);
      return presentContentDetail(item);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/content/:id',
    access: ['comms', 'approver'],
    params: ZItemParams,
    async handler({ principal, params }) {
      return presentContentDetail(
        await getContentItem(deps, { tenantId: principal!.tenantId, itemId: params.id }),
      );
    },
  });

  r.add({
    method: 'PUT',
    url: '/api/content/:id',
    access: ['comms'],
    params: ZItemParams,
    body: ZContentInput,
    async handler({ principal, params, body }) {
      const item = await within(
        'body',
        updateContentItem(deps, {
          tenantId: principal!.tenantId,
          actorId: principal!.personId,
          itemId: params.id,
          content: toContentInput(body),
          submit: body.submit,
        }),
      );
      return presentContentDetail(item);
    },
  });

  for (const { action, access } of WORKFLOW) {
    r.add({
      method: 'POST',
      url: `/api/content/:id/${action}`,
      access,
      params: ZItemParams,
      async handler({ principal, params }) {
        const item = await transitionContentItem(deps, {
          tenantId: principal!.tenantId,
          actorId: principal!.personId,
          itemId: params.id,
          action,
        });
        return presentContentDetail(item);
      },
    });
  }

  r.add({
    method: 'POST',
    url: '/api/content/:id/reject',
    access: ['approver'],
    params: ZItemParams,
    body: ZRejectRequest,
    async handler({ principal, params, body }) {
      const item = await within(
        'body',
        transitionContentItem(deps, {
          tenantId: principal!.tenantId,
          actorId: principal!.personId,
          itemId: params.id,
          action: 'reject',
          note: body.note,
        }),
      );
      return presentContentDetail(item);
    },
  });

  // ---- Library (every employee) ----------------------------------------------------------------

  r.add({
    method: 'GET',
    url: '/api/library',
    access: ['employee'],
    query: ZLibraryQuery,
    async handler({ principal, query }) {
      const result = await within(
        'query',
        searchLibrary(deps, {
          tenantId: principal!.tenantId,
          q: query.q,
          topic: query.topic ?? null,
          network: query.network ?? null,
          language: query.language ?? null,
          sort: query.sort,
          cursor: query.cursor ?? null,
          limit: query.limit,
        }),
      );
      return presentLibraryPage(result);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/library/:id',
    access: ['employee'],
    params: ZItemParams,
    async handler({ principal, params }) {
      return presentLibraryItem(
        await getLibraryItem(deps, { tenantId: principal!.tenantId, itemId: params.id }),
      );
    },
  });
}
