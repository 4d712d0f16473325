import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantBody } from '../../test-support/fixtures.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.call('POST', '/v1/tenants', tenantBody());
});
afterAll(async () => {
  await h?.close();
});

describe('the audit log', () => {
  it('cannot be changed or emptied, even with direct database access', async () => {
    await expect(h.database.db.execute(sql`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow();
    await expect(h.database.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    const { entries } = await (await h.call('GET', '/v1/audit')).json();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'admin', action: 'tenant.create', tenantId: 'acme' });
    expect(Date.parse(entries[0].at)).not.toBeNaN();
  });
});
