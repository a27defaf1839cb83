import { Injectable } from '@nestjs/common';
import type { RecordedUploadKind } from '../uploads/ingest.types.js';
import { validateImportMapping, type ImportMappingSpec } from '../../core/ingest/validate-import-mapping.js';
import { notFound, validationFailed } from '../../platform/errors/domain-error.js';
import type { ImportMappingPutDto, ImportMappingResponseDto } from './dto/import-mapping.dto.js';
import { ImportMappingsRepository, type ImportMappingRow } from './import-mappings.repository.js';

const NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

function toDto(row: ImportMappingRow): ImportMappingResponseDto {
  return {
    name: row.name,
    ...(row.description !== null ? { description: row.description } : {}),
    ...row.spec,
    fields: row.spec.fields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Saved descriptions of foreign files (delimiter, columns, formats, value maps). */
@Injectable()
export class ImportMappingsService {
  constructor(private readonly mappings: ImportMappingsRepository) {}

  async put(tenantId: string, name: string, body: ImportMappingPutDto): Promise<{ mapping: ImportMappingResponseDto; created: boolean }> {
    const { description, ...document } = body;
    const { spec, issues } = validateImportMapping(JSON.parse(JSON.stringify(document)) as unknown);
    const errors = issues.map((i) => ({ field: i.field, reason: i.reason, ...(i.value !== undefined && typeof i.value !== 'object' ? { value: i.value } : {}) }));
    if (!NAME.test(name)) errors.unshift({ field: 'name', reason: 'must be 1-64 characters of a-z, 0-9, _, . or -, starting with a letter or digit', value: name });
    if (errors.length || !spec) throw validationFailed(errors);
    const { row, created } = await this.mappings.upsert(tenantId, name, description ?? null, spec);
    return { mapping: toDto(row), created };
  }

  async list(tenantId: string): Promise<ImportMappingResponseDto[]> {
    return (await this.mappings.list(tenantId)).map(toDto);
  }

  async get(tenantId: string, name: string): Promise<ImportMappingResponseDto> {
    const row = await this.mappings.find(tenantId, name);
    if (!row) throw notFound('IMPORT_MAPPING_NOT_FOUND', 'import mapping', name);
    return toDto(row);
  }

  /** The mapping to read an upload of `kind` with (?mapping=name); 404 unknown, 422 other kind. */
  async forUpload(tenantId: string, name: string, kind: RecordedUploadKind): Promise<{ name: string; spec: ImportMappingSpec }> {
    const row = await this.mappings.find(tenantId, name);
    if (!row) throw notFound('IMPORT_MAPPING_NOT_FOUND', 'import mapping', name);
    if (row.spec.kind !== kind) {
      throw validationFailed([{ field: 'mapping', value: name, reason: `is a mapping for ${row.spec.kind} uploads, not ${kind}` }]);
    }
    return { name: row.name, spec: row.spec };
  }

  async delete(tenantId: string, name: string): Promise<void> {
    if (!(await this.mappings.delete(tenantId, name))) throw notFound('IMPORT_MAPPING_NOT_FOUND', 'import mapping', name);
  }
}
