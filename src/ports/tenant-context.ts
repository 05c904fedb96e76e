import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Carries the tenant of the work in hand (one bot turn, one proactive send) through async calls.
 * botbuilder's Storage keys carry no tenant, yet every bot_state row needs one.
 */
export interface TenantContext {
  /** Runs `work` with `tenantId` as the current tenant. */
  run<T>(tenantId: string, work: () => Promise<T>): Promise<T>;
  /** The current tenant, or undefined outside `run`. */
  current(): string | undefined;
}

/** The real tenant context, on Node's AsyncLocalStorage. */
export function createTenantContext(): TenantContext {
  const storage = new AsyncLocalStorage<string>();
  return {
    run: (tenantId, work) => storage.run(tenantId, work),
    current: () => storage.getStore(),
  };
}
