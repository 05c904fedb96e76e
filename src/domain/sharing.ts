import { hash, randomBytes } from 'node:crypto';

// Rules for tracked links and click counting. Pure computation (hashing and randomness), no I/O.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 10 base62 characters: about 59.5 random bits, so codes cannot be guessed or enumerated. */
export const LINK_CODE_LENGTH = 10;
/** What a tracked-link code looks like; anything else is answered with the 404 page without a lookup. */
export const LINK_CODE_PATTERN = /^[0-9A-Za-z]{6,32}$/;

/** A fresh random tracked-link code (base62 from crypto.randomBytes, without modulo bias). */
export function generateLinkCode(length = LINK_CODE_LENGTH, random: (n: number) => Buffer = randomBytes) {
  let code = '';
  while (code.length < length) {
    for (const byte of random(length * 2)) {
      // 248 = 4 × 62: bytes above it would make the first characters more likely than the rest.
      if (byte < 248 && code.length < length) code += BASE62[byte % 62];
    }
  }
  return code;
}

/** The UTC day of an instant, YYYY-MM-DD: the unit the visitor salt rotates on and the impact series uses. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The unique-visitor key: a salted hash of the client address and user agent under a salt that rotates every
 * day. It counts a visitor once a day without ever storing the address, and yesterday's keys cannot be
 * linked to today's once the old salt is deleted.
 */
export function visitorKey(salt: string, ip: string, userAgent: string): string {
  // One-shot SHA-256 over salt, address and agent: as good as an HMAC for an equality key, and cheaper
  // on the redirect's hot path.
  return hash('sha256', `${salt}\n${ip}\n${userAgent}`, 'base64url');
}

/** The name under which a day's visitor salt is kept in tenant_secrets. */
export function clickSaltName(day: string): string {
  return `click-salt:${day}`;
}

/** The last `days` UTC days up to and including `now`'s, oldest first. */
export function dayRange(now: Date, days: number): string[] {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => utcDay(new Date(end - (days - 1 - i) * 86_400_000)));
}
