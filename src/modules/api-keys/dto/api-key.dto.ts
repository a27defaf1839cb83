import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../../../platform/auth/roles.js';

export class ApiKeyCreateDto {
  @ApiProperty({ description: 'A name that says who or what uses the key', example: 'power-bi' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ description: 'Role of the key', enum: ROLES, example: 'analyst' })
  @IsIn(ROLES)
  role: Role;
}

export class ApiKeyResponseDto {
  @ApiProperty({ description: 'Key id (UUID)', format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Name given at creation' })
  name: string;

  @ApiProperty({ description: 'Role of the key', enum: ROLES })
  role: Role;

  @ApiProperty({ description: 'Visible prefix of the key, to recognise it', example: 'wfm_Ab3dE9xQ' })
  prefix: string;

  @ApiProperty({ description: 'When the key was created (ISO 8601)' })
  createdAt: string;

  @ApiPropertyOptional({ description: 'Last time the key authenticated a request (minute resolution)', nullable: true, type: String })
  lastUsedAt: string | null;

  @ApiPropertyOptional({ description: 'When the key was revoked; null while active', nullable: true, type: String })
  revokedAt: string | null;
}

export class ApiKeyCreatedDto extends ApiKeyResponseDto {
  @ApiProperty({ description: 'The secret key. Shown only once: only its hash is stored.' })
  key: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyResponseDto], description: 'Keys of the tenant, oldest first' })
  data: ApiKeyResponseDto[];

  @ApiProperty({ description: 'Cursor of the next page; always null (a tenant has few keys)', nullable: true, type: String })
  next: string | null;
}
