import type { RoleRules } from '../domain/roles';
import type { Clock } from '../ports/clock';
import type { CoachSettingsStore } from '../ports/coach-settings';
import type { SharingStore } from '../ports/sharing';
import type { ContentStore } from '../ports/content';
import type { Store } from '../ports/store';

/** What most use cases need. Each use case takes these plus its own input object. */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
}

export interface RoleDeps extends ServiceDeps {
  roleRules: RoleRules;
}

/** What the content use cases need: the content store and the clock. */
export interface ContentDeps {
  content: ContentStore;
  clock: Clock;
}

/** What the share flow needs: the sharing store, and the public address tracked links live under. */
export interface SharingDeps extends ServiceDeps {
  sharing: SharingStore;
  /** e.g. https://chorus.contoso.com; a tracked link is `${publicUrl}/r/<code>`. */
  publicUrl: string;
  /** The brand style's disclosure words; without it the built-in ones (Reklame, Advertisement) apply. */
  coachSettings?: CoachSettingsStore;
}
