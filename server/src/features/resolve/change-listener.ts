/** Told after a committed change that may alter what users of a tenant resolve. */
export type ChangeListener = {
  tenantChanged(tenantId: string): Promise<void>;
};
