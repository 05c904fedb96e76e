import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database';
import { createCoachSettingsStore } from '../../src/db/coach-settings-store';
import { createCoachLibraryReader, createSparringStore } from '../../src/db/sparring-store';
import { DEFAULT_COACH_SETTINGS, type Finding } from '../../src/domain/coach';
import type { Person } from '../../src/domain/person';
import type { SparringStore } from '../../src/ports/sparring';
import type { Store } from '../../src/ports/store';
import { openTestStore } from '../support/database';
import { insertItem } from '../support/content-fixtures';
import { testPerson } from '../../src/ports/testing/people';

const person = (id: string, displayName: string): Person =>
  testPerson(id, { displayName, preferredLanguage: 'da-DK' });
const FINDING: Finding = { code: 'BLOCKED_TERM', severity: 'must_fix', params: { term: 'fortroligt' } };
const T0 = Date.parse('2026-11-23T08:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

describe('sparring requests and coach settings in Postgres', () => {
  let handle: DatabaseHandle;
  let store: Store;
  let tenantId: string;
  let sparring: SparringStore;
  beforeAll(async () => {
    ({ handle, store, tenantId } = await openTestStore());
    sparring = createSparringStore(handle.db);
    await store.people.upsertMany(tenantId, [person('p-1', 'Mette Hansen'), person('p-2', 'Jonas Berg')]);
  });
  afterAll(async () => {
    await handle.close();
  });

  const ask = (personId: string, key: string, minutes: number) =>
    sparring.create(tenantId, {
      personId,
      language: 'da',
      network: 'linkedin',
      draft: `Udkast ${key}`,
      findings: [FINDING],
      requestKey: key,
      at: at(minutes),
    });

  it('stores one request per key, with its findings and the asker’s name', async () => {
    const first = await ask('p-1', 'k-1', 0);
    expect(first.created).toBe(true);
    expect(first.request).toMatchObject({ personName: 'Mette Hansen', status: 'open', findings: [FINDING] });
    const again = await ask('p-1', 'k-1', 5);
    expect(again).toEqual({ created: false, request: first.request });
  });

  it('lists open requests oldest first, then answered ones, and measures the waiting times', async () => {
    const second = await ask('p-2', 'k-2', 30);
    const third = await ask('p-1', 'k-3', 60);
    const answered = await sparring.answer(tenantId, second.request.id, {
      reply: 'Godt skrevet',
      answeredBy: 'comms-1',
      at: at(150),
    });
    expect(answered).toMatchObject({ status: 'answered', reply: 'Godt skrevet', answeredAt: at(150) });
    // Answering twice changes nothing.
    expect(
      await sparring.answer(tenantId, second.request.id, { reply: 'Igen', answeredBy: 'x', at: at(200) }),
    ).toBeNull();
    expect((await sparring.get(tenantId, second.request.id))!.reply).toBe('Godt skrevet');

    const queue = await sparring.listQueue(tenantId, 10);
    expect(queue.map((r) => r.requestKey)).toEqual(['k-1', 'k-3', 'k-2']);
    expect(await sparring.listQueue(tenantId, 1)).toHaveLength(1);

    // Open at 09:00 (T0 + 60): k-1 waited 60 min, k-3 0 min. Answered: k-2 after 120 min.
    const times = await sparring.waitTimes(tenantId, at(60));
    expect(times).toEqual({
      openCount: 2,
      answeredCount: 1,
      openAverageMinutes: 30,
      openMedianMinutes: 30,
      answeredAverageMinutes: 120,
      answeredMedianMinutes: 120,
    });
    expect((await sparring.listForPerson(tenantId, 'p-1', 10)).map((r) => r.requestKey)).toEqual([
      'k-3',
      'k-1',
    ]);
    expect(third.request.id).toBeGreaterThan(second.request.id);
  });

  it('keeps tenants apart, and deletes a person’s requests when they leave', async () => {
    const other = await openTestStore();
    try {
      expect(await createSparringStore(other.handle.db).listQueue(other.tenantId, 10)).toEqual([]);
    } finally {
      await other.handle.close();
    }
    expect(await sparring.deleteForPerson(tenantId, 'p-1')).toBe(2);
    expect((await sparring.listQueue(tenantId, 10)).map((r) => r.personId)).toEqual(['p-2']);
  });

  it('stores coach settings per tenant', async () => {
    const settings = createCoachSettingsStore(handle.db);
    expect(await settings.get(tenantId)).toBeNull();
    await settings.put(tenantId, DEFAULT_COACH_SETTINGS, { updatedBy: 'a', at: at(0) });
    // Settings saved before the brand style existed read back with its defaults.
    expect(await settings.get(tenantId)).toMatchObject({
      suggestedHashtags: [],
      disclosureMarks: { da: 'Reklame', en: 'Advertisement' },
    });
    const changed = {
      ...DEFAULT_COACH_SETTINGS,
      companyName: 'Nordlys',
      requiredHashtags: ['#Nordlys'],
      suggestedHashtags: ['#GrønOmstilling'],
      disclosureMarks: { da: 'Annonce', en: 'Ad' },
    };
    await settings.put(tenantId, changed, { updatedBy: 'b', at: at(1) });
    expect(await settings.get(tenantId)).toEqual({ ...changed, updatedBy: 'b', updatedAt: at(1) });
  });

  it('reads live captions and the live items a draft links to', async () => {
    const library = createCoachLibraryReader(handle.db, { ttlMs: 0 });
    const live = await insertItem(handle.db, tenantId, {
      linkUrl: 'https://nordlys.example/driftscenter/',
      captions: { da: ['Dansk variant'], en: ['English variant'] },
    });
    await insertItem(handle.db, tenantId, {
      status: 'draft',
      linkUrl: 'https://nordlys.example/kladde',
      captions: { da: ['Kladdetekst'] },
    });
    await insertItem(handle.db, tenantId, {
      validTo: new Date('2020-01-01T00:00:00Z'),
      linkUrl: 'https://nordlys.example/gammel',
      captions: { da: ['Udløbet tekst'] },
    });
    const now = new Date();
    expect((await library.liveCaptions(tenantId, now, 200)).sort()).toEqual([
      'Dansk variant',
      'English variant',
    ]);
    const linked = await library.liveItemsByLink(
      tenantId,
      [
        'https://nordlys.example/driftscenter',
        'https://nordlys.example/kladde',
        'https://nordlys.example/gammel',
      ],
      now,
    );
    expect(linked).toEqual([
      expect.objectContaining({ id: live, captions: ['Dansk variant', 'English variant'] }),
    ]);
  });
});
