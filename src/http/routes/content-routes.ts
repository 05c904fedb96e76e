import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** Topics, images, the content workflow and the library. */
export function registerContentRoutes(_r: RouteRegistrar, _deps: HttpDeps) {}
