import type { ConversionRequest } from '../contracts/conversions';
import { slugify } from '../domain/content';
import type { Clock } from '../ports/clock';
import type { CodeAttribution, ConversionRecord, ConversionStore, NewConversion } from '../ports/conversions';
import { checkConversionKey } from './conversion-key';

/** What the conversion use cases need. */
export interface ConversionDeps {
  conversions: ConversionStore;
  clock: Clock;
}

/**
 * A conversion attributed through its code (utm_content holds the tracked link's code): the link's
 * item, ambassador and network. The campaign is utm_campaign as the site saw it, or else the item's
 * slug (what the redirect puts in utm_campaign). An unknown or missing code is stored unattributed.
 */
export function attribute(
  input: Pick<ConversionRequest, 'externalId' | 'kind' | 'code' | 'utmContent' | 'utmCampaign'>,
  link: CodeAttribution | undefined,
  occurredAt: Date,
  source: 'api' | 'csv',
): NewConversion {
  const code = input.code || input.utmContent || null;
  return {
    externalId: input.externalId,
    kind: input.kind,
    code,
    itemId: link?.itemId ?? null,
    personId: link?.personId ?? null,
    network: link?.network ?? null,
    campaign: input.utmCampaign || (link ? slugify(link.itemTitle) : null),
    source,
    occurredAt,
  };
}

/**
 * Records a conversion the career site reports, once per external id: after the key is checked, the
 * code is attributed and the conversion stored. `created` is false for a repeat, which gets the first
 * conversion back unchanged.
 */
export async function recordConversion(
  deps: ConversionDeps,
  input: { tenantId: string; authorization: string | undefined; conversion: ConversionRequest },
): Promise<{ created: boolean; conversion: ConversionRecord }> {
  await checkConversionKey(deps, input);
  const c = input.conversion;
  const code = c.code || c.utmContent;
  const links = code
    ? await deps.conversions.attributions(input.tenantId, [code])
    : new Map<string, CodeAttribution>();
  const occurredAt = c.occurredAt ? new Date(c.occurredAt) : deps.clock.now();
  const { created, stored } = await deps.conversions.insert(
    input.tenantId,
    attribute(c, code ? links.get(code) : undefined, occurredAt, 'api'),
  );
  return { created, conversion: stored };
}
