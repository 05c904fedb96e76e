import type { ConversionKind } from '../contracts/conversions';

/** Where a tracked-link code leads, for attributing a conversion. */
export interface CodeAttribution {
  code: string;
  itemId: string;
  /** Null once the ambassador left. */
  personId: string | null;
  network: string;
  itemTitle: string;
}

/** A conversion to store: attributed when its code named a tracked link, else with nulls. */
export interface NewConversion {
  externalId: string;
  kind: ConversionKind;
  code: string | null;
  itemId: string | null;
  personId: string | null;
  network: string | null;
  campaign: string | null;
  source: 'api' | 'csv';
  occurredAt: Date;
}

/** A stored conversion. */
export type ConversionRecord = NewConversion;

/** Conversions, and the per-tenant key the career site reports them with. */
export interface ConversionStore {
  /** When the tenant's conversions key was made, or null when it has none. */
  keyCreatedAt(tenantId: string): Promise<Date | null>;
  /** Replaces the tenant's key by this SHA-256 hash (the key itself is never stored). */
  saveKeyHash(tenantId: string, hash: string, at: Date): Promise<void>;
  /** True when `hash` is the hash of this tenant's current key. */
  keyHashMatches(tenantId: string, hash: string): Promise<boolean>;
  /** The tracked links behind these codes (unknown codes are left out). */
  attributions(tenantId: string, codes: readonly string[]): Promise<Map<string, CodeAttribution>>;
  /**
   * Stores a conversion once per external id. `created` is false when that id was stored before; the
   * stored conversion (the first one) is returned either way.
   */
  insert(
    tenantId: string,
    conversion: NewConversion,
  ): Promise<{ created: boolean; stored: ConversionRecord }>;
  /** Stores many in one transaction; ids stored before are left as they are. Returns how many were new. */
  insertMany(tenantId: string, conversions: readonly NewConversion[]): Promise<number>;
}
