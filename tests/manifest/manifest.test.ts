import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BuildError,
  MissingVariablesError,
  buildPackage,
  findPlaceholders,
  loadVariables,
  parseArgs,
  parseEnvFile,
  renderManifest,
  zipEntries,
  type Vars,
} from '../../appPackage/build';
import { encodePng, hexToRgba, renderOutlineIcon } from '../../appPackage/make-icons';
import {
  bundledSchemaVersions,
  checkIcons,
  decodePng,
  readPngSize,
  validateLocalization,
  validateManifest,
} from '../../appPackage/validate';
import { readZip } from './read-zip';

// Everything here is offline: schemas come from node_modules/@microsoft/app-manifest, never a URL.
// fetch is stubbed to make sure of it.
beforeAll(() => {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('these tests must not use the network')));
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const ROOT = path.resolve(import.meta.dirname, '../..');
const APP = path.join(ROOT, 'appPackage');
const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8');
const manifestTemplate = read('appPackage', 'manifest.json');
const daTemplate = read('appPackage', 'da.json');

const SAMPLE: Vars = {
  TEAMSFX_ENV: 'dev',
  TEAMS_APP_ID: '3f0b6c52-6d0e-4c1f-9d7e-2a2b1c0d9e8f',
  BOT_ID: '8d2e4a10-51b7-4f63-a6f2-0c9b7e3d1a54',
  AAD_APP_CLIENT_ID: 'c1a5e7d9-0b2f-4c6e-8a1d-3f5b7c9e0a2d',
  TAB_DOMAIN: 'app-chorusabc123.azurewebsites.net',
  TAB_ENDPOINT: 'https://app-chorusabc123.azurewebsites.net',
};

type Json = Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);

describe('manifest.json', () => {
  const manifest = renderManifest(manifestTemplate, SAMPLE);

  it('renders with sample values and passes the bundled schema', async () => {
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('uses a schema version bundled in @microsoft/app-manifest, and $schema names the same version', () => {
    const version = manifest['manifestVersion'] as string;
    expect(bundledSchemaVersions()).toContain(version);
    expect(manifest['$schema']).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    );
    expect((JSON.parse(daTemplate) as Json)['$schema']).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`,
    );
  });

  it('uses placeholders for every id and URL', () => {
    expect(findPlaceholders(manifestTemplate).sort()).toEqual(
      ['AAD_APP_CLIENT_ID', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'TEAMS_APP_ID'].sort(),
    );
    expect(manifest['id']).toBe(SAMPLE.TEAMS_APP_ID);
    expect(manifest['webApplicationInfo']).toEqual({
      id: SAMPLE.AAD_APP_CLIENT_ID,
      resource: `api://${SAMPLE.TAB_DOMAIN}/${SAMPLE.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest['validDomains']).toEqual([SAMPLE.TAB_DOMAIN]);
  });

  it('has the Library, Campaigns, My impact and My team tabs opening the tab in Teams mode, plus chat and about', () => {
    const tabs = manifest['staticTabs'] as Json[];
    const named = tabs.filter((t) => t['name']);
    expect(named.map((t) => [t['entityId'], t['name']])).toEqual([
      ['library', 'Library'],
      ['campaigns', 'Campaigns'],
      ['impact', 'My impact'],
      ['my-team', 'My team'],
    ]);
    for (const tab of named) {
      const id = String(tab['entityId']);
      expect(tab['contentUrl']).toBe(`${SAMPLE.TAB_ENDPOINT}/?tab=${id}&inTeams=1`);
      expect(tab['websiteUrl']).toBe(`${SAMPLE.TAB_ENDPOINT}/?tab=${id}`);
    }
    expect(tabs.map((t) => t['entityId'])).toEqual(expect.arrayContaining(['conversations', 'about']));
  });

  it('has one configurable tab for campaigns that a channel and SharePoint (full page and web part) can host', () => {
    const tabs = manifest['configurableTabs'] as Json[];
    expect(tabs).toHaveLength(1);
    expect(tabs[0]).toEqual({
      id: 'campaigns',
      configurationUrl: `${SAMPLE.TAB_ENDPOINT}/?tab=configure&inTeams=1`,
      canUpdateConfiguration: true,
      scopes: ['team'],
      context: ['channelTab'],
      supportedSharePointHosts: ['sharePointFullPage', 'sharePointWebPart'],
    });
  });

  it('rejects a configurable tab with an unknown SharePoint host or a personal scope', async () => {
    const badHost = clone(manifest);
    ((badHost['configurableTabs'] as Json[])[0]!['supportedSharePointHosts'] as string[])[1] =
      'sharePointNews';
    expect((await validateManifest(badHost)).join('\n')).toMatch(
      /configurableTabs\/0\/supportedSharePointHosts\/1/,
    );

    const personal = clone(manifest);
    (personal['configurableTabs'] as Json[])[0]!['scopes'] = ['personal'];
    expect((await validateManifest(personal)).join('\n')).toMatch(/configurableTabs\/0\/scopes\/0/);
  });

  it('asks for the least privilege that sends activity feed notifications: the user-scoped RSC permission', () => {
    expect(manifest['authorization']).toEqual({
      permissions: { resourceSpecific: [{ name: 'TeamsActivity.Send.User', type: 'Application' }] },
    });
    const types = (manifest['activities'] as { activityTypes: Json[] }).activityTypes.map((a) => a['type']);
    expect(types).toEqual(expect.arrayContaining(['invitation', 'nomination', 'campaignLaunched']));
  });

  it('declares the bot in personal, team and group chat with help and onboarding commands', () => {
    const [bot] = manifest['bots'] as Json[];
    expect(bot).toMatchObject({
      botId: SAMPLE.BOT_ID,
      scopes: ['personal', 'team', 'groupChat'],
      supportsFiles: false,
      isNotificationOnly: false,
    });
    const lists = bot!['commandLists'] as { scopes: string[]; commands: { title: string }[] }[];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) expect(list.commands.map((c) => c.title)).toEqual(['help', 'onboarding']);
  });

  it('declares the library search extension (compose box and command box) and unfurls item links', () => {
    const extensions = manifest['composeExtensions'] as Json[];
    expect(extensions).toHaveLength(1);
    const [extension] = extensions;
    expect(extension!['botId']).toBe(SAMPLE.BOT_ID);
    expect(extension!['commands']).toEqual([
      expect.objectContaining({
        id: 'searchLibrary',
        type: 'query',
        initialRun: true,
        context: ['compose', 'commandBox'],
        parameters: [expect.objectContaining({ name: 'searchText', inputType: 'text' })],
      }),
    ]);
    // Links to item pages (https://<TAB_DOMAIN>/items/<id>) unfurl into the item's card.
    expect(extension!['messageHandlers']).toEqual([
      { type: 'link', value: { domains: [SAMPLE.TAB_DOMAIN] } },
    ]);
  });

  it('fails validation when the manifest is broken', async () => {
    const wrongScope = clone(manifest);
    ((wrongScope['bots'] as Json[])[0]!['scopes'] as string[])[1] = 'channel';
    const errors = await validateManifest(wrongScope);
    expect(errors.some((e) => e.startsWith('/bots/0/scopes/1'))).toBe(true);

    const noDeveloper = clone(manifest);
    delete noDeveloper['developer'];
    expect((await validateManifest(noDeveloper)).join('\n')).toMatch(/developer/);

    const badId = renderManifest(manifestTemplate, { ...SAMPLE, BOT_ID: 'not-a-guid' });
    expect((await validateManifest(badId)).join('\n')).toMatch(/\/bots\/0\/botId/);
  });
});

describe('da.json', () => {
  const manifest = renderManifest(manifestTemplate, SAMPLE);
  const da = renderManifest(daTemplate, SAMPLE, 'da.json');

  it('is declared as an additional language and passes the bundled localization schema', async () => {
    expect(manifest['localizationInfo']).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'da', file: 'da.json' }],
    });
    expect(await validateLocalization(da, manifest)).toEqual([]);
  });

  it('translates the name, the descriptions and every named static tab', () => {
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
      expect(da[key], key).toEqual(expect.any(String));
    }
    expect(da['description.full']).not.toBe((manifest['description'] as Json)['full']);
    (manifest['staticTabs'] as Json[]).forEach((tab, i) => {
      if (tab['name'])
        expect(da[`staticTabs[${i}].name`], String(tab['entityId'])).toEqual(expect.any(String));
    });
    expect(da['staticTabs[0].name']).toBe('Bibliotek');
    expect(da['staticTabs[3].name']).toBe('Mit team');
  });

  it('translates every activity type shown in the feed', () => {
    (manifest['activities'] as { activityTypes: Json[] }).activityTypes.forEach((_, i) => {
      expect(da[`activities.activityTypes[${i}].description`], `activity ${i}`).toEqual(expect.any(String));
      expect(da[`activities.activityTypes[${i}].templateText`], `activity ${i}`).toEqual(expect.any(String));
    });
  });

  it('translates the message extension command and its search box', () => {
    for (const key of [
      'composeExtensions[0].commands[0].title',
      'composeExtensions[0].commands[0].description',
      'composeExtensions[0].commands[0].parameters[0].title',
      'composeExtensions[0].commands[0].parameters[0].description',
    ]) {
      expect(da[key], key).toEqual(expect.any(String));
    }
    expect(da['composeExtensions[0].commands[0].title']).toBe('Bibliotek');
  });

  it('reports a key that points at nothing in the manifest', async () => {
    const stray = { ...da, 'staticTabs[9].name': 'Forkert' };
    expect(await validateLocalization(stray, manifest)).toContain(
      'staticTabs[9].name: no such string in the manifest',
    );
  });
});

describe('placeholders', () => {
  it('reports an unknown placeholder by name', () => {
    const template = '{ "id": "${{TEAMS_APP_ID}}", "x": "${{NOT_A_REAL_VAR}}" }';
    let error: unknown;
    try {
      renderManifest(template, SAMPLE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingVariablesError);
    expect((error as MissingVariablesError).missing).toEqual(['NOT_A_REAL_VAR']);
    expect((error as Error).message).toContain('NOT_A_REAL_VAR');
  });

  it('lists every variable without a value at once, and treats empty as missing', () => {
    const { TAB_DOMAIN: _domain, ...rest } = SAMPLE;
    expect(() => renderManifest(manifestTemplate, { ...rest, BOT_ID: '' })).toThrow(
      expect.objectContaining({ missing: ['BOT_ID', 'TAB_DOMAIN'] }),
    );
  });

  it('escapes values so the JSON stays valid', () => {
    const rendered = renderManifest('{ "a": "${{V}}" }', { V: 'say "hi" \\ bye' });
    expect(rendered['a']).toBe('say "hi" \\ bye');
  });
});

describe('env files', () => {
  const templates = [
    manifestTemplate,
    daTemplate,
    read('appPackage', 'aad.manifest.json'),
    read('infra', 'main.parameters.json'),
    read('teamsapp.yml'),
  ];
  const used = [...new Set(templates.flatMap(findPlaceholders))];

  it('env/.env.dev names every variable the manifest, teamsapp.yml and the infra parameters use', () => {
    const dev = parseEnvFile(read('env', '.env.dev'));
    // Secrets live in the ignored env/.env.dev.user, written by the toolkit.
    const missing = used.filter((name) => !name.startsWith('SECRET_') && !(name in dev));
    expect(missing).toEqual([]);
    const secrets = Object.entries(dev).filter(([name, value]) => value !== '' && name !== 'TEAMSFX_ENV');
    expect(secrets).toEqual([]);
  });

  it('every variable teamsapp.yml expects from the Bicep template is one of its outputs', () => {
    const bicep = read('infra', 'main.bicep');
    const outputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]);
    for (const name of ['TAB_DOMAIN', 'TAB_ENDPOINT', 'AZURE_APP_SERVICE_RESOURCE_ID'])
      expect(outputs).toContain(name);
  });

  it('env/.env.local has a value for everything the manifest needs, so packaging works offline', () => {
    const local = loadVariables('local', ROOT, {});
    expect(findPlaceholders(manifestTemplate).filter((name) => !local[name])).toEqual([]);
  });

  it('parses dotenv lines', () => {
    expect(parseEnvFile('# c\nA=1\nexport B = "two words"\nC=\nD=x # note\nE=\'q\'\n')).toEqual({
      A: '1',
      B: 'two words',
      C: '',
      D: 'x',
      E: 'q',
    });
  });

  it('lets a non-empty process variable override the file', () => {
    expect(loadVariables('local', ROOT, { BOT_ID: 'from-env', TAB_DOMAIN: '' })).toMatchObject({
      BOT_ID: 'from-env',
      TAB_DOMAIN: 'localhost:3978',
      TEAMSFX_ENV: 'local',
    });
  });

  it('explains an unknown environment and bad arguments', () => {
    expect(() => loadVariables('nope', ROOT, {})).toThrow(
      /No environment "nope"[\s\S]*known environments: .*dev/,
    );
    expect(parseArgs(['--env', 'dev'])).toEqual({ env: 'dev' });
    expect(parseArgs(['--env=dev'])).toEqual({ env: 'dev' });
    expect(parseArgs([])).toEqual({ env: 'local' });
    expect(() => parseArgs(['--env', '../x'])).toThrow(BuildError);
  });
});

describe('icons', () => {
  const color = readFileSync(path.join(APP, 'color.png'));
  const outline = readFileSync(path.join(APP, 'outline.png'));

  it('are 192×192 and 32×32 according to their IHDR', () => {
    expect(readPngSize(color)).toEqual({ width: 192, height: 192 });
    expect(readPngSize(outline)).toEqual({ width: 32, height: 32 });
  });

  it('follow the Teams rules: the outline is white on transparent', () => {
    expect(checkIcons(color, outline)).toEqual([]);
    const { data } = decodePng(color);
    expect(data[3]).toBe(255); // the colour icon is opaque, on the accent colour
  });

  it('flag an outline icon with colour in it, or the wrong size', () => {
    const image = renderOutlineIcon();
    const i = image.data.findIndex((_, at) => at % 4 === 3 && image.data[at] === 255) - 3;
    const red = hexToRgba('#FF0000');
    image.data.set([red.r, red.g, red.b, 255], i);
    expect(checkIcons(color, encodePng(image))).toEqual(['outline icon has 1 pixels that are not white']);
    expect(checkIcons(outline, color)).toEqual(
      expect.arrayContaining([
        'color icon is 32×32, must be 192×192',
        'outline icon is 192×192, must be 32×32',
      ]),
    );
  });
});

describe('app package', () => {
  it('zips manifest.json, color.png, outline.png and da.json', async () => {
    const built = await buildPackage(SAMPLE);
    const zip = await zipEntries([...built.files].map(([name, data]) => ({ name, data })));
    const entries = readZip(zip);
    expect([...entries.keys()].sort()).toEqual(['color.png', 'da.json', 'manifest.json', 'outline.png']);
    expect(JSON.parse(entries.get('manifest.json')!.toString('utf8'))).toEqual(built.manifest);
    expect(entries.get('color.png')!.equals(readFileSync(path.join(APP, 'color.png')))).toBe(true);
    const da = JSON.parse(entries.get('da.json')!.toString('utf8')) as Json;
    expect(da['staticTabs[1].name']).toBe('Kampagner');
  });

  it('refuses to build when a referenced file is missing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chorus-app-'));
    writeFileSync(path.join(dir, 'manifest.json'), manifestTemplate);
    writeFileSync(path.join(dir, 'da.json'), daTemplate);
    writeFileSync(path.join(dir, 'color.png'), readFileSync(path.join(APP, 'color.png')));
    await expect(buildPackage(SAMPLE, dir)).rejects.toThrow(
      /outline\.png: referenced by the manifest but not found/,
    );
  });

  it('npm run package exits 1 with the list of missing variables and no stack trace', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(APP, 'build.ts'), '--env', 'dev'],
      {
        cwd: ROOT,
        // Only what node needs: no TEAMS_APP_ID or the like leaking in from the shell.
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir() },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('manifest.json has placeholders with no value');
    for (const name of ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT']) {
      expect(result.stderr).toContain(`- ${name}`);
    }
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
