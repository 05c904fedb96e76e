import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';
import type { CampaignInput, CampaignView, ClientConfig } from '../../src/contracts';
import { generateDemoOrg } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import { pageSlug } from '../../src/services/publish-campaign-to-sharepoint';
import { createGraphSites, type GraphSites } from '../fakes/graph-sites';
import { startGraphServer, type GraphServer } from '../fakes/graph-server';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';

// "Publish to SharePoint": the campaign as a news page in the one configured site, through the real
// composition root (msal token, Graph client) against the local Graph server with the sites routes.

const org = generateDemoOrg();
const comms = org.find((p) => p.jobTitle === 'Head of Communication')!;
const PUBLIC_URL = 'https://chorus.contoso.test';
const DAY = 86_400_000;

function campaignInput(over: Partial<CampaignInput> = {}): CampaignInput {
  return {
    name: 'Bliv ambassadør – IT & Engineering',
    pitch: {
      da: {
        why: 'Fordi dine ord <rækker> længere & "bedre"',
        effort: '30 minutter om ugen',
        support: 'Workshops og sparring',
      },
      en: {
        why: "Because your words <script>alert('x')</script> reach further",
        effort: '30 minutes a week',
        support: 'Workshops and sparring',
      },
    },
    imageId: null,
    startsAt: new Date(Date.now() - DAY).toISOString(),
    endsAt: new Date(Date.now() + 30 * DAY).toISOString(),
    goalAmbassadors: 8,
    audience: {
      departments: [],
      locations: [],
      titleWords: [],
      managerId: null,
      includeSubtree: true,
      languages: [],
    },
    ...over,
  };
}

interface ErrorBody {
  error: { code: string; message: string };
}

describe('publishing a campaign to SharePoint', () => {
  let graph: GraphServer;
  let sites: GraphSites;
  let app: TestChorus;
  let token: string;

  const as = (path: string, init: { method?: string; json?: unknown; language?: string } = {}) =>
    app.api(path, {
      method: init.method ?? 'GET',
      token,
      json: init.json,
      headers: init.language ? { 'accept-language': init.language } : {},
    });
  const create = async (over: Partial<CampaignInput> = {}) => {
    const res = await as('/api/admin/campaigns', { method: 'POST', json: campaignInput(over) });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as CampaignView;
  };
  const publish = (id: string, query = '', language?: string) =>
    as(`/api/admin/campaigns/${id}/sharepoint${query}`, {
      method: 'POST',
      ...(language ? { language } : {}),
    });
  const sitesRequests = () => graph.graphRequests().filter((r) => r.pathname.startsWith('/v1.0/sites/'));

  beforeAll(async () => {
    sites = createGraphSites();
    graph = await startGraphServer({
      tenantId: randomUUID(),
      clientId: randomUUID(),
      clientSecret: 'sites-test-secret',
      extraHandlers: [sites.handler],
    });
    app = await startTestChorus({
      PUBLIC_URL,
      AAD_TENANT_ID: graph.tenantId,
      AAD_CLIENT_ID: graph.clientId,
      AAD_CLIENT_SECRET: graph.clientSecret,
      AAD_AUTHORITY_HOST: graph.url,
      GRAPH_BASE_URL: graph.graphUrl,
      SHAREPOINT_SITE_ID: sites.siteId,
    });
    token = await signInAs(app, comms.id);
  });
  afterAll(async () => {
    await app?.close();
    await graph?.close();
  });

  it('tells the tab that publishing is configured', async () => {
    const config = (await (await app.api('/api/config')).json()) as ClientConfig;
    expect(config.sharepointPublishing).toBe(true);
  });

  it('creates a news page with the pitch and a link, publishes it, and saves its address', async () => {
    sites.grant('write');
    const campaign = await create();
    const before = sitesRequests().length;
    const res = await publish(campaign.id);
    expect(res.status, await res.clone().text()).toBe(200);
    const view = (await res.json()) as CampaignView;

    const name = `${pageSlug(campaign.name, campaign.id)}.aspx`;
    expect(name).toMatch(/^bliv-ambassadoer-it-engineering-[0-9a-f]{8}\.aspx$/);
    expect(view.id).toBe(campaign.id);
    expect(view.sharepointUrl).toBe(`${sites.siteWebUrl}/SitePages/${name}`);

    // The three calls, in order, with the app's own token.
    const calls = sitesRequests().slice(before);
    const site = `/v1.0/sites/${sites.siteId}`;
    expect(calls.map((r) => `${r.method} ${r.pathname}`)).toEqual([
      `GET ${site}`,
      `POST ${site}/pages`,
      `POST ${site}/pages/${sites.pages.at(-1)!.id}/microsoft.graph.sitePage/publish`,
    ]);
    expect(calls.every((r) => graph.issuedTokens().includes(String(r.headers.authorization).slice(7)))).toBe(
      true,
    );

    const body = JSON.parse(calls[1]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      '@odata.type': '#microsoft.graph.sitePage',
      name,
      title: campaign.name,
      pageLayout: 'article',
      promotionKind: 'newsPost',
    });
    const sections = (
      body.canvasLayout as {
        horizontalSections: { columns: { webparts: { '@odata.type': string; innerHtml: string }[] }[] }[];
      }
    ).horizontalSections;
    const parts = sections.flatMap((s) => s.columns.flatMap((c) => c.webparts));
    expect(parts).toHaveLength(1);
    expect(parts[0]!['@odata.type']).toBe('#microsoft.graph.textWebPart');
    const html = parts[0]!.innerHtml;
    // Both languages, every value escaped, and the link to the campaign page in Chorus.
    expect(html).toContain('Fordi dine ord &lt;rækker&gt; længere &amp; &quot;bedre&quot;');
    expect(html).toContain(
      'Because your words &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; reach further',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('Hvorfor være med');
    expect(html).toContain('Why join');
    expect(html).toContain(`<a href="${PUBLIC_URL}/?page=campaigns&amp;campaign=${campaign.id}">`);
    expect(html).toContain('frivilligt');

    // Published, and stored on the campaign.
    expect(sites.pages.at(-1)).toMatchObject({ name, publishingState: 'published' });
    const stored = (await (await as(`/api/admin/campaigns/${campaign.id}`)).json()) as CampaignView;
    expect(stored.sharepointUrl).toBe(view.sharepointUrl);
  });

  it('returns the stored page when asked again, and publishes a new page only with republish=1', async () => {
    sites.grant('write');
    const campaign = await create({ name: 'Genudgivelse' });
    const first = (await (await publish(campaign.id)).json()) as CampaignView;
    const pagesBefore = sites.pages.length;
    const requestsBefore = sitesRequests().length;

    const again = await publish(campaign.id);
    expect(again.status).toBe(200);
    expect(((await again.json()) as CampaignView).sharepointUrl).toBe(first.sharepointUrl);
    expect(sitesRequests().length).toBe(requestsBefore);
    expect(sites.pages.length).toBe(pagesBefore);

    const republished = await publish(campaign.id, '?republish=1');
    expect(republished.status, await republished.clone().text()).toBe(200);
    const view = (await republished.json()) as CampaignView;
    expect(sites.pages.length).toBe(pagesBefore + 1);
    expect(view.sharepointUrl).not.toBe(first.sharepointUrl);
    expect(view.sharepointUrl).toBe(`${sites.siteWebUrl}/SitePages/${sites.pages.at(-1)!.name}`);
    expect(sites.pages.at(-1)!.name).toMatch(/^genudgivelse-[0-9a-f]{8}-\d{8}-\d{6}\.aspx$/);
  });

  it('takes a new name when the page name is taken (a draft left by an earlier failure)', async () => {
    sites.grant('write');
    const campaign = await create({ name: 'Navnet er taget' });
    const taken = `${pageSlug(campaign.name, campaign.id)}.aspx`;
    sites.pages.push({
      id: randomUUID(),
      name: taken,
      title: campaign.name,
      body: {},
      webUrl: `SitePages/${taken}`,
      publishingState: 'checkout',
    });
    const res = await publish(campaign.id);
    expect(res.status, await res.clone().text()).toBe(200);
    const view = (await res.json()) as CampaignView;
    expect(view.sharepointUrl).not.toContain(taken);
    expect(sites.pages.at(-1)).toMatchObject({ publishingState: 'published' });
    expect(view.sharepointUrl).toBe(`${sites.siteWebUrl}/SitePages/${sites.pages.at(-1)!.name}`);
  });

  it('reports a 403 clearly, in the caller’s language, and saves nothing', async () => {
    const campaign = await create({ name: 'Ingen adgang' });
    const pagesBefore = sites.pages.length;

    // Sites.Selected granted 'read' only: reading the site works, creating the page does not.
    sites.grant('read');
    const res = await publish(campaign.id);
    expect(res.status).toBe(502);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('SHAREPOINT_FORBIDDEN');
    expect(body.error.message).toContain('403 when creating the page');
    expect(body.error.message).toContain('Sites.Selected');
    expect(body.error.message).toContain('never asks for broader permissions');

    // No grant at all: refused when reading the site, before anything is created.
    sites.grant('none');
    const danish = await publish(campaign.id, '', 'da');
    expect(danish.status).toBe(502);
    const dBody = (await danish.json()) as ErrorBody;
    expect(dBody.error.code).toBe('SHAREPOINT_FORBIDDEN');
    expect(dBody.error.message).toContain('SharePoint nægtede Chorus adgang');
    expect(dBody.error.message).toContain('læsning af webstedet');

    expect(sites.pages.length).toBe(pagesBefore);
    const stored = (await (await as(`/api/admin/campaigns/${campaign.id}`)).json()) as CampaignView;
    expect(stored.sharepointUrl).toBeNull();
    sites.grant('write');
  });

  it('waits as long as a 429 asks (Retry-After), then creates exactly one page', async () => {
    sites.grant('write');
    const campaign = await create({ name: 'Travlt' });
    const pagesBefore = sites.pages.length;
    const before = sitesRequests().length;
    sites.throttle('create', { retryAfterSeconds: 1 });

    const res = await publish(campaign.id);
    expect(res.status, await res.clone().text()).toBe(200);
    const view = (await res.json()) as CampaignView;

    const creates = sitesRequests()
      .slice(before)
      .filter((r) => r.method === 'POST' && r.pathname.endsWith('/pages'));
    expect(creates.map((r) => r.status)).toEqual([429, 201]);
    expect(creates[1]!.at - creates[0]!.at).toBeGreaterThanOrEqual(950);
    expect(sites.pages.length).toBe(pagesBefore + 1);
    expect(view.sharepointUrl).toBe(`${sites.siteWebUrl}/SitePages/${sites.pages.at(-1)!.name}`);
  });

  it('gives up on a Retry-After longer than comms should wait, and saves nothing', async () => {
    sites.grant('write');
    const campaign = await create({ name: 'For travlt' });
    sites.throttle('site', { retryAfterSeconds: 120 });
    const res = await publish(campaign.id);
    expect(res.status).toBe(429);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toContain('120 seconds');
    const stored = (await (await as(`/api/admin/campaigns/${campaign.id}`)).json()) as CampaignView;
    expect(stored.sharepointUrl).toBeNull();
  });

  it('answers 404 for a campaign that does not exist, and is for comms only', async () => {
    expect((await publish(randomUUID())).status).toBe(404);
    const employee = org.find((p: Person) => p.department === 'Customer Service' && p.managerId !== null)!;
    const employeeToken = await signInAs(app, employee.id);
    const campaign = await create({ name: 'Kun for comms' });
    const res = await app.api(`/api/admin/campaigns/${campaign.id}/sharepoint`, {
      method: 'POST',
      token: employeeToken,
    });
    expect(res.status).toBe(403);
  });
});

describe('publishing to SharePoint without SHAREPOINT_SITE_ID', () => {
  let app: TestChorus;
  beforeAll(async () => {
    app = await startTestChorus();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers 409 naming SHAREPOINT_SITE_ID, and the tab hides the button', async () => {
    const config = (await (await app.api('/api/config')).json()) as ClientConfig;
    expect(config.sharepointPublishing).toBe(false);
    const token = await signInAs(app, comms.id);
    const created = await app.api('/api/admin/campaigns', { method: 'POST', token, json: campaignInput() });
    const campaign = (await created.json()) as CampaignView;
    const res = await app.api(`/api/admin/campaigns/${campaign.id}/sharepoint`, { method: 'POST', token });
    expect(res.status).toBe(409);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('SHAREPOINT_NOT_CONFIGURED');
    expect(body.error.message).toContain('SHAREPOINT_SITE_ID');
  });
});

describe('SHAREPOINT_SITE_ID in the configuration', () => {
  const siteId = `contoso.sharepoint.com,${randomUUID()},${randomUUID()}`;
  const credentials = {
    AAD_TENANT_ID: randomUUID(),
    AAD_CLIENT_ID: randomUUID(),
    AAD_CLIENT_SECRET: 'secret',
  };

  it('is off when unset, and carries the app-only Graph credentials when set', () => {
    expect(loadConfig({}).sharepoint).toBeNull();
    expect(loadConfig({ ...credentials, SHAREPOINT_SITE_ID: siteId }).sharepoint).toEqual({
      siteId,
      tenantId: credentials.AAD_TENANT_ID,
      clientId: credentials.AAD_CLIENT_ID,
      clientSecret: 'secret',
      authorityHost: 'https://login.microsoftonline.com',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    });
  });

  it('refuses a site without Graph credentials, and a value that is not a Graph site id', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        return err.problems;
      }
    };
    expect(problems({ SHAREPOINT_SITE_ID: siteId })).toEqual([
      expect.stringMatching(/^SHAREPOINT_SITE_ID: .*AAD_TENANT_ID, AAD_CLIENT_ID and AAD_CLIENT_SECRET/),
    ]);
    expect(
      problems({ ...credentials, SHAREPOINT_SITE_ID: 'https://contoso.sharepoint.com/sites/intranet' }),
    ).toEqual([expect.stringMatching(/^SHAREPOINT_SITE_ID: must be the Graph site id/)]);
  });
});
