import { AppError } from '../domain/errors';
import type { Language } from '../domain/person';
import type { Network } from '../domain/program';
import type { SparringStore } from '../ports/sparring';
import { sparDraft, type SparDeps } from './spar-draft';

/**
 * "Ask comms": sends the draft and the coach's findings (worked out again here, never taken from the
 * card) to the human sparring queue. The card's nonce is the request key, so a card submitted twice
 * makes one request; the second submit learns it was already sent (created=false).
 */
export async function askComms(
  deps: SparDeps & { sparring: SparringStore },
  input: {
    tenantId: string;
    personId: string | null;
    requestKey: string;
    text: string;
    network: Network;
    kind: 'program' | 'voluntary' | null;
    language: Language;
  },
) {
  const personId = input.personId;
  if (!personId || !(await deps.store.people.get(input.tenantId, personId))) {
    throw new AppError('FORBIDDEN', 'sparringNeedsDirectory');
  }
  const spar = await sparDraft(deps, { ...input, personId });
  return deps.sparring.create(input.tenantId, {
    personId,
    language: input.language,
    network: input.network,
    draft: spar.text,
    findings: spar.result.findings,
    requestKey: input.requestKey,
    at: deps.clock.now(),
  });
}
