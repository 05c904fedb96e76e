import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** The digest routes of the program cockpit (issue 6). */
export function registerDigestRoutes(r: RouteRegistrar, deps: HttpDeps) {
  void r;
  void deps;
}
