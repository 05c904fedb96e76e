import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** The gamification routes of the program cockpit (issue 6). */
export function registerGamificationRoutes(r: RouteRegistrar, deps: HttpDeps) {
  void r;
  void deps;
}
