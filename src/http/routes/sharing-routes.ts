import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** Sharing, tracked-link redirects, impact and item stats. */
export function registerSharingRoutes(_r: RouteRegistrar, _deps: HttpDeps) {}
