import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const catchConfig = (env: Record<string, string>) => {
  try {
    loadConfig(env, '/srv/chorus');
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('needs nothing for the embedded demo', () => {
    const config = loadConfig({}, '/srv/chorus');
    expect(config.mode).toBe('demo');
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/chorus/.data' });
    expect(config.devSignIn).toBe(true);
    expect(config.directory.kind).toBe('demo');
    expect(config.bot).toBeNull();
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }, '/x').port).toBe(3978);
  });

  it('uses a Postgres server when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }, '/x');
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db', poolSize: 10 });
  });

  it('lists every problem at once, naming each variable', () => {
    const err = catchConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      CHORUS_MODE: 'staging',
      DEV_SIGNIN: 'maybe',
    });
    const text = err.problems.join('\n');
    expect(err.problems.length).toBeGreaterThanOrEqual(4);
    expect(text).toMatch(/PORT/);
    expect(text).toMatch(/DATABASE_URL: must start with postgres/);
    expect(text).toMatch(/CHORUS_MODE/);
    expect(text).toMatch(/DEV_SIGNIN: use true or false/);
    expect(err.message).toMatch(/Chorus cannot start/);
  });

  it('refuses dev sign-in in production, and lists what production needs', () => {
    const err = catchConfig({ CHORUS_MODE: 'production', DEV_SIGNIN: 'true' });
    const text = err.problems.join('\n');
    expect(text).toMatch(/DEV_SIGNIN: dev sign-in is for the demo only/);
    expect(text).toMatch(/DATABASE_URL/);
    expect(text).toMatch(/AAD_TENANT_ID/);
    expect(text).toMatch(/AAD_CLIENT_SECRET/);
    expect(text).toMatch(/BOT_ID, BOT_PASSWORD, BOT_TENANT_ID/);
  });

  it('keeps dev sign-in on localhost unless told otherwise', () => {
    expect(catchConfig({ HOST: '0.0.0.0' }).problems.join()).toMatch(/DEV_SIGNIN_ALLOW_REMOTE/);
    expect(loadConfig({ HOST: '0.0.0.0', DEV_SIGNIN_ALLOW_REMOTE: 'true' }, '/x').host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0', DEV_SIGNIN: 'false' }, '/x').devSignIn).toBe(false);
  });

  it('needs all three bot variables or none', () => {
    expect(catchConfig({ BOT_ID: 'abc' }).problems.join()).toMatch(/set all three/);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(
      {
        CHORUS_MODE: 'production',
        DATABASE_URL: 'postgresql://chorus@db:5432/chorus',
        PUBLIC_URL: 'https://chorus.contoso.com/',
        AAD_TENANT_ID: '11111111-1111-4111-8111-111111111111',
        AAD_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
        AAD_CLIENT_SECRET: 's3cret',
        BOT_ID: '33333333-3333-4333-8333-333333333333',
        BOT_PASSWORD: 'p4ss',
        BOT_TENANT_ID: '11111111-1111-4111-8111-111111111111',
        COMMS_ADMINS: 'Anna@Contoso.com, bo@contoso.com',
      },
      '/x',
    );
    expect(config.host).toBe('0.0.0.0');
    expect(config.devSignIn).toBe(false);
    expect(config.publicUrl).toBe('https://chorus.contoso.com');
    expect(config.directory.kind).toBe('graph');
    expect(config.roles.commsAdmins).toEqual(['anna@contoso.com', 'bo@contoso.com']);
    expect(config.sso?.clientId).toBe('22222222-2222-4222-8222-222222222222');
  });
});
