import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '../../platform/config/app-config.js';
import { APP_CONFIG } from '../../platform/config/app-config.js';
import { DomainError, notFound } from '../../platform/errors/domain-error.js';
import { LOGGER } from '../../platform/logging/logger.js';
import { generateApiKey, hashApiKey, prefixOf } from './api-key-secret.js';
import type { Role } from '../../platform/auth/roles.js';
import { DEFAULT_TENANT_ID, TenantsService } from '../tenants/tenants.service.js';
import { ApiKeysRepository, type ApiKeyRow } from './api-keys.repository.js';
import type { ApiKeyCreatedDto, ApiKeyResponseDto } from './dto/api-key.dto.js';

function toDto(row: ApiKeyRow): ApiKeyResponseDto {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null,
  };
}

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly tenants: TenantsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async create(tenantId: string, name: string, role: Role): Promise<ApiKeyCreatedDto> {
    const { key, prefix } = generateApiKey();
    const row = await this.keys.insert(tenantId, { id: randomUUID(), name, role, prefix, keyHash: hashApiKey(key) });
    return { ...toDto(row), key };
  }

  async list(tenantId: string): Promise<ApiKeyResponseDto[]> {
    return (await this.keys.list(tenantId)).map(toDto);
  }

  async revoke(tenantId: string, id: string): Promise<void> {
    const row = await this.keys.find(tenantId, id);
    if (!row) throw notFound('API_KEY_NOT_FOUND', 'API key', id);
    if (row.revokedAt) return;
    if (row.role === 'admin' && (await this.keys.countActiveAdmins(tenantId)) <= 1) {
      throw new DomainError('LAST_ADMIN_KEY', 'cannot revoke the last active admin key of the tenant');
    }
    await this.keys.revoke(tenantId, id);
  }

  /**
   * At start: the default tenant exists; WFM_ADMIN_API_KEY, when set, is an active admin key;
   * when unset and no key exists at all, one admin key is generated and returned (to print once).
   */
  async bootstrap(): Promise<{ generatedKey: string | null }> {
    await this.tenants.ensure(DEFAULT_TENANT_ID, 'default');
    const configured = this.config.adminApiKey;
    if (configured) {
      await this.keys.ensureActive(DEFAULT_TENANT_ID, {
        id: randomUUID(),
        name: 'WFM_ADMIN_API_KEY',
        prefix: prefixOf(configured),
        keyHash: hashApiKey(configured),
      });
      return { generatedKey: null };
    }
    if ((await this.keys.countAll()) > 0) return { generatedKey: null };
    const created = await this.create(DEFAULT_TENANT_ID, 'bootstrap admin', 'admin');
    this.logger.info({ keyId: created.id, prefix: created.prefix }, 'generated the first admin API key');
    return { generatedKey: created.key };
  }
}
