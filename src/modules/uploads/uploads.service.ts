import { Injectable } from '@nestjs/common';
import type { RecordedUploadKind as UploadKind } from './ingest.types.js';
import { DomainError, notFound } from '../../platform/errors/domain-error.js';
import { cursorInstant } from '../listing/paging.js';
import type { UploadListDto, UploadResponseDto } from './dto/upload.dto.js';
import { UploadsRepository, type UploadRow } from './uploads.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toDto(u: UploadRow): UploadResponseDto {
  return {
    id: u.id,
    kind: u.kind,
    keyId: u.keyId,
    keyName: u.keyName,
    startedAt: u.startedAt.toISOString(),
    finishedAt: u.finishedAt.toISOString(),
    durationMs: u.durationMs,
    bytes: u.bytes,
    rows: u.rowCount,
    outcome: u.outcome,
    errorCode: u.errorCode,
    errorMessage: u.errorMessage,
    contentType: u.contentType,
    mapping: u.mapping,
    idempotencyKey: u.idempotencyKey,
    contentSha256: u.contentSha256,
    duplicateOf: u.duplicateOf,
  };
}

/** The upload log: every upload, its author, size, duration and outcome. */
@Injectable()
export class UploadsService {
  constructor(private readonly uploads: UploadsRepository) {}

  async list(tenantId: string, kind: UploadKind | null, limit: number, cursor: string | null): Promise<UploadListDto> {
    let after: { startedAt: Date; id: string } | null = null;
    if (cursor) {
      const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
      if (!id || !UUID.test(id)) throw new DomainError('MALFORMED_REQUEST', 'cursor is not a cursor of this listing');
      after = { startedAt: cursorInstant(at), id };
    }
    const rows = await this.uploads.list(tenantId, kind, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      data: page.map(toDto),
      next: rows.length > limit && last ? Buffer.from(`${last.startedAt.toISOString()}|${last.id}`).toString('base64url') : null,
    };
  }

  async get(tenantId: string, id: string): Promise<UploadResponseDto> {
    const row = UUID.test(id) ? await this.uploads.find(tenantId, id) : null;
    if (!row) throw notFound('UPLOAD_NOT_FOUND', 'upload', id);
    return toDto(row);
  }
}
