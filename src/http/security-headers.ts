/**
 * Security headers for every answer Chorus gives (issue 7).
 *
 * - The tab may be framed only by Teams and the other Microsoft 365 hosts that run Teams apps
 *   (the list in Microsoft's "tab requirements"), and by Chorus itself; any other site gets a
 *   blank frame, which stops click-jacking.
 * - Scripts come only from Chorus. Fluent UI (Griffel) inserts its styles at run time, so styles
 *   need 'unsafe-inline'; images may come from the items' image URLs (https) and uploads.
 * - HSTS only in production: the demo runs on http://localhost, where HSTS would pin a developer's
 *   browser to https for the whole host name.
 */
export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
] as const;

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' https: data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** One year, as HSTS preload lists expect; sub-domains too, since Chorus owns its host name. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** The headers to set on an answer, by whether Chorus runs in production. */
export function securityHeaders(production: boolean): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(production ? { 'strict-transport-security': HSTS } : {}),
  };
}
