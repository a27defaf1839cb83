import { Injectable } from '@nestjs/common';
import { TenantsRepository } from './tenants.repository.js';

export { DEFAULT_TENANT_ID } from './tenants.repository.js';

/** Tenants: every row of the engine belongs to one. */
@Injectable()
export class TenantsService {
  constructor(private readonly repository: TenantsRepository) {}

  /** Creates the tenant unless it exists. */
  ensure(id: string, name: string): Promise<void> {
    return this.repository.ensure(id, name);
  }
}
