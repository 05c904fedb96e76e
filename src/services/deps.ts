import type { RoleRules } from '../domain/roles';
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';

/** What most use cases need. Each use case takes these plus its own input object. */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
}

export interface RoleDeps extends ServiceDeps {
  roleRules: RoleRules;
}
