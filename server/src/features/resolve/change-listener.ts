/**
 * Told after a committed change that may alter what users of a tenant resolve. `reason` (for
 * example 'installation' or 'tenant'; 'change' when not given) travels with the live event.
 */
export type ChangeListener = {
  tenantChanged(tenantId: string, reason?: string): Promise<void>;
};
