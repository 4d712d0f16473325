// Tenants: creation, theme and access changes. Every change is audited in its own transaction
// and announced once committed, so resolved manifests are refreshed.
import {
  type CreateTenantBody,
  DEFAULT_THEME,
  type PatchTenantBody,
  type Theme,
  themeSchema,
} from '@plugboard/shared';
import type { UnitOfWork } from '../../db/unit-of-work.ts';
import { notFound, PlugboardError } from '../../errors.ts';
import type { ChangeListener } from '../resolve/change-listener.ts';
import type { TenantRow } from './tenant-store.ts';

export const tenantEtag = (t: { id: string; revision: number }) => `"t-${t.id}-${t.revision}"`;

const publicView = ({ revision: _revision, ...t }: TenantRow) => t;

export function createTenantService(uow: UnitOfWork, changes: ChangeListener) {
  async function require(id: string): Promise<TenantRow> {
    const tenant = await uow.stores.tenants.get(id);
    if (!tenant) throw notFound('TENANT_NOT_FOUND', `No tenant "${id}"`);
    return tenant;
  }

  return {
    require,
    list: () => uow.stores.tenants.list(),

    async create(body: CreateTenantBody, actor: string): Promise<TenantRow> {
      const created = await uow.transaction(async (s) => {
        if (await s.tenants.get(body.id)) {
          throw new PlugboardError(409, 'TENANT_EXISTS', `Tenant "${body.id}" already exists`, {
            field: 'id',
          });
        }
        await s.tenants.insert({ id: body.id, name: body.name, theme: body.theme, access: body.access });
        const tenant = await s.tenants.get(body.id);
        if (!tenant) throw new Error('tenant vanished inside its own transaction');
        await s.audit.record({
          actor,
          action: 'tenant.create',
          tenantId: body.id,
          after: publicView(tenant),
        });
        return tenant;
      });
      await changes.tenantChanged(created.id);
      return created;
    },

    /** `ifMatch`, when given, must be the tenant's current ETag, so no concurrent edit is lost. */
    async patch(id: string, body: PatchTenantBody, actor: string, ifMatch?: string): Promise<TenantRow> {
      const updated = await uow.transaction(async (s) => {
        const before = await s.tenants.getForUpdate(id);
        if (!before) throw notFound('TENANT_NOT_FOUND', `No tenant "${id}"`);
        if (ifMatch && ifMatch !== '*' && ifMatch !== tenantEtag(before)) {
          throw new PlugboardError(
            412,
            'PRECONDITION_FAILED',
            `Tenant "${id}" changed since you read it (If-Match ${ifMatch}, now ${tenantEtag(before)}); reload and retry`,
          );
        }
        const theme: Theme | undefined = body.theme
          ? themeSchema.parse({ ...DEFAULT_THEME, ...before.theme, ...body.theme })
          : undefined;
        await s.tenants.update(id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(theme ? { theme } : {}),
          ...(body.access ? { access: body.access } : {}),
        });
        const after = await s.tenants.get(id);
        if (!after) throw new Error('tenant vanished inside its own transaction');
        await s.audit.record({
          actor,
          action: 'tenant.update',
          tenantId: id,
          before: publicView(before),
          after: publicView(after),
        });
        return after;
      });
      await changes.tenantChanged(id);
      return updated;
    },
  };
}
export type TenantService = ReturnType<typeof createTenantService>;
