import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { ConversionStore } from '../ports/conversions';

/** The stored form of a conversions key: its SHA-256 (hex). A leaked database does not leak the key. */
export function hashConversionKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether the tenant has a conversions key, and when it was made. */
export async function getConversionKeyStatus(
  deps: { conversions: ConversionStore },
  input: { tenantId: string },
): Promise<{ exists: boolean; createdAt: Date | null }> {
  const createdAt = await deps.conversions.keyCreatedAt(input.tenantId);
  return { exists: createdAt !== null, createdAt };
}

/** Makes a new conversions key, replacing the old one at once; the key is returned this once only. */
export async function rotateConversionKey(
  deps: { conversions: ConversionStore; clock: Clock },
  input: { tenantId: string },
): Promise<{ key: string; createdAt: Date }> {
  const key = `chc_${randomBytes(32).toString('base64url')}`;
  const createdAt = deps.clock.now();
  await deps.conversions.saveKeyHash(input.tenantId, hashConversionKey(key), createdAt);
  return { key, createdAt };
}

/**
 * Checks the `authorization: Bearer <key>` header of a conversion report against the tenant's key.
 * Throws UNAUTHENTICATED when it is missing or is not the tenant's current key.
 */
export async function checkConversionKey(
  deps: { conversions: ConversionStore },
  input: { tenantId: string; authorization: string | undefined },
): Promise<void> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(input.authorization ?? '');
  if (!match) throw new AppError('UNAUTHENTICATED', 'conversionKeyRequired');
  if (!(await deps.conversions.keyHashMatches(input.tenantId, hashConversionKey(match[1]!)))) {
    throw new AppError('UNAUTHENTICATED', 'conversionKeyWrong');
  }
}
