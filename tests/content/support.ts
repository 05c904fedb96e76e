import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/database';
import type { ContentDetail, ContentInput, ContentList, LibraryPage } from '../../src/contracts';
import { generateDemoOrg } from '../../src/demo/demo-org';
import type { Clock } from '../../src/ports/clock';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';

// The content tests' cast, picked from the demo org. The roles are configured explicitly, so one
// person can be both editor and approver (to test that nobody approves their own item).
const org = generateDemoOrg();
const byTitle = (title: string) => org.find((p) => p.jobTitle === title)!;
const head = byTitle('Head of Communication');
const writer = org.find(
  (p) => p.department === 'Communication' && p.id !== head.id && p.jobTitle !== 'Communication Team Lead',
)!;
const lead = byTitle('Communication Team Lead');
const hr = byTitle('HR Director');
const advisor = byTitle('Customer Advisor');

export const cast = {
  /** comms and approver */
  editor: head,
  /** comms only */
  writer,
  /** approver only */
  approver: lead,
  /** approver only */
  hr,
  /** employee only */
  employee: advisor,
};
export type Persona = keyof typeof cast;

export interface ContentApp {
  app: TestChorus;
  tokens: Record<Persona, string>;
  /** fetch as a persona, with a JSON body when given. */
  as(who: Persona, path: string, init?: { method?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A settable clock, so the library's order and liveness are exact. It starts at the real time (to the
 * second): sign-in tokens are issued by the same clock and checked against real time.
 */
export function manualClock() {
  let now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const clock: Clock & { advance(ms: number): Date; set(at: string): void } = {
    now: () => now,
    advance(ms) {
      now = new Date(now.getTime() + ms);
      return now;
    },
    set(at) {
      now = new Date(at);
    },
  };
  return clock;
}

/** Starts Chorus with the cast's roles and signs everyone in. */
export async function startContentApp(options: { clock?: Clock } = {}): Promise<ContentApp> {
  const upn = (p: typeof head) => p.userPrincipalName!;
  const app = await startTestChorus(
    {
      COMMS_ADMINS: [upn(head), upn(writer)].join(','),
      APPROVERS: [upn(head), upn(lead), upn(hr)].join(','),
    },
    options.clock ? { clock: options.clock } : {},
  );
  const tokens = {} as Record<Persona, string>;
  for (const [name, person] of Object.entries(cast)) tokens[name as Persona] = await signInAs(app, person.id);
  return {
    app,
    tokens,
    as: (who, path, init = {}) =>
      app.api(path, { method: init.method ?? 'GET', token: tokens[who], json: init.json }),
    close: () => app.close(),
  };
}

/** A valid item; override what the test is about. */
export function itemInput(overrides: Partial<ContentInput> = {}): Partial<ContentInput> {
  return {
    title: 'Ny havvindmøllepark i Esbjerg',
    body: 'Vi åbner en ny havvindmøllepark, der giver strøm til 200.000 hjem.',
    linkUrl: 'https://nordlys.example/nyheder/havvind',
    topic: 'internal-news',
    language: 'da',
    networks: ['linkedin', 'x'],
    captions: { da: ['Stolt af vores nye park!', 'Se hvad vi har bygget i Esbjerg'], en: [] },
    advertising: true,
    ...overrides,
  };
}

export interface ErrorBody {
  error: { code: string; message: string; problems?: { field: string; message: string }[] };
}

export const json = async <T>(res: Response) => (await res.json()) as T;

/** Creates an item as `who` (201 expected) and returns it. */
export async function createItem(
  c: ContentApp,
  overrides: Partial<ContentInput> = {},
  who: Persona = 'writer',
) {
  const res = await c.as(who, '/api/content', { method: 'POST', json: itemInput(overrides) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return json<ContentDetail>(res);
}

/** Runs a workflow step, expecting 200. */
export async function step(c: ContentApp, who: Persona, id: string, action: string, json?: unknown) {
  const res = await c.as(who, `/api/content/${id}/${action}`, { method: 'POST', json: json ?? {} });
  if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as ContentDetail;
}

/** Creates an item and takes it through review to approved (written by the writer, approved by the approver). */
export async function publish(c: ContentApp, overrides: Partial<ContentInput> = {}) {
  const item = await createItem(c, { ...overrides, submit: true });
  return step(c, 'approver', item.id, 'approve');
}

/** What the editor sees of the whole tenant's content: the list and counts. */
export async function snapshot(c: ContentApp) {
  const list = await json<ContentList>(await c.as('editor', '/api/content'));
  const tenantId = c.app.tenantId;
  const count = async (table: string) =>
    Number(
      rowsOf<{ n: number }>(
        await c.app.database.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
        ),
      )[0]!.n,
    );
  return {
    list,
    rows: {
      items: await count('content_items'),
      captions: await count('caption_variants'),
      transitions: await count('content_transitions'),
      images: await count('images'),
      topics: await count('topics'),
    },
  };
}

/** Every page of a library query, following the cursor. */
export async function allPages(c: ContentApp, query: string, limit: number) {
  const pages: LibraryPage[] = [];
  let cursor: string | null = null;
  do {
    const qs: string = `${query}${query ? '&' : ''}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await c.as('employee', `/api/library?${qs}`);
    if (res.status !== 200) throw new Error(`library failed: ${res.status} ${await res.text()}`);
    const page = await json<LibraryPage>(res);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}
