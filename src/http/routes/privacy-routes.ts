import { exportMyData } from '../../services/export-my-data';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** JSON-safe values: dates as ISO strings (the database drivers hand back Date objects). */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** The person's own data: a download of everything Chorus holds about them. */
export function registerPrivacyRoutes(r: RouteRegistrar, deps: HttpDeps) {
  r.add({
    method: 'GET',
    url: '/api/me/export',
    access: ['employee'],
    async handler({ principal, reply }) {
      const data = await exportMyData(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
      });
      const day = data.generatedAt.toISOString().slice(0, 10);
      reply.header('content-disposition', `attachment; filename="chorus-my-data-${day}.json"`);
      return {
        generatedAt: data.generatedAt.toISOString(),
        personId: data.personId,
        sections: plain(data.sections),
      };
    },
  });
}
