import { AppError } from '../domain/errors';
import type { ProgramDocument } from '../domain/program';
import type { ServiceDeps } from './deps';

/** The current purpose and guidelines, and how many ambassadors there are. */
export async function getProgram(deps: ServiceDeps, input: { tenantId: string }) {
  const [purpose, guidelines, ambassadorCount] = await Promise.all([
    deps.store.program.current(input.tenantId, 'purpose'),
    deps.store.program.current(input.tenantId, 'guidelines'),
    deps.store.memberships.count(input.tenantId),
  ]);
  if (!purpose || !guidelines) throw new AppError('NO_GUIDELINES', 'noProgramDocuments');
  return { purpose, guidelines, ambassadorCount } satisfies {
    purpose: ProgramDocument;
    guidelines: ProgramDocument;
    ambassadorCount: number;
  };
}
