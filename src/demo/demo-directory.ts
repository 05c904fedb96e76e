import type { Person } from '../domain/person';
import type { Directory, DirectoryChanges } from '../ports/directory';

// Bump when the generated organisation changes, so existing demo databases pick up the change.
const DEMO_DELTA = 'demo:v1';

/** The Directory port over the generated demo organisation, paged like Graph. */
export class DemoDirectory implements Directory {
  readonly kind = 'demo' as const;
  constructor(
    private readonly people: Person[],
    private readonly pageSize = 200,
  ) {}

  readChanges(deltaLink: string | null): DirectoryChanges {
    const all = deltaLink === DEMO_DELTA ? [] : this.people;
    const pageSize = this.pageSize;
    let requests = 0;
    async function* pages() {
      for (let i = 0; i < all.length; i += pageSize) {
        requests++;
        yield { upserts: all.slice(i, i + pageSize), removedIds: [] };
      }
    }
    return { pages: pages(), nextDeltaLink: () => DEMO_DELTA, requestCount: () => requests };
  }
}
