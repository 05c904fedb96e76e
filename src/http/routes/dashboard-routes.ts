import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** The dashboard routes of the program cockpit (issue 6). */
export function registerDashboardRoutes(r: RouteRegistrar, deps: HttpDeps) {
  void r;
  void deps;
}
