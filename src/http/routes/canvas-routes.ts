import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** The canvas routes of the program cockpit (issue 6). */
export function registerCanvasRoutes(r: RouteRegistrar, deps: HttpDeps) {
  void r;
  void deps;
}
