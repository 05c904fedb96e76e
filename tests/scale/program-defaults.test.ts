import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database';
import { createContentStore } from '../../src/db/content-store';
import { DOCUMENT_KINDS } from '../../src/domain/program';
import type { Store } from '../../src/ports/store';
import { systemClock } from '../../src/ports/clock';
import { ensureProgramDefaults } from '../../src/services/ensure-program-defaults';
import { openTestStore } from '../support/database';

// Two instances starting at the same moment on an empty database both look for the tenant's purpose
// and guidelines, find none, and seed them. The one that writes second must not add a version 2 (found
// by tests/scale/two-instances.test.ts: a join against version 1 was refused as stale). This replays the
// interleaving deterministically: B looks before A writes, and writes after.

describe('program defaults seeded by two instances at once', () => {
  let handle: DatabaseHandle;
  let store: Store;
  let tenantId: string;
  beforeAll(async () => {
    ({ handle, store, tenantId } = await openTestStore());
  });
  afterAll(() => handle.close());

  it('keeps version 1 only when the second instance looked before the first one wrote', async () => {
    const content = createContentStore(handle.db);
    const deps = { store, clock: systemClock, content };
    // Instance B's first look at each document happened before A wrote it; later looks see A's row.
    const looked = new Set<string>();
    const staleB: Store = {
      ...store,
      program: {
        ...store.program,
        current: async (t, kind) => {
          const first = !looked.has(kind);
          looked.add(kind);
          return first ? null : store.program.current(t, kind);
        },
      },
    };

    await ensureProgramDefaults(deps, { tenantId, tenantName: 'test tenant' });
    await ensureProgramDefaults({ ...deps, store: staleB }, { tenantId, tenantName: 'test tenant' });

    for (const kind of DOCUMENT_KINDS) {
      expect((await store.program.current(tenantId, kind))?.version, kind).toBe(1);
    }
    // An edit still becomes the next version.
    const edited = await store.program.addVersion(tenantId, 'guidelines', {
      bodyDa: 'ny',
      bodyEn: 'new',
      createdBy: 'editor',
    });
    expect(edited.version).toBe(2);
  });
});
