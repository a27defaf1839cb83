import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';

export type Role = 'admin' | 'planner' | 'scheduler' | 'analyst';
export const ROLES: readonly Role[] = ['admin', 'planner', 'scheduler', 'analyst'];

export const ROLES_KEY = 'wfm:roles';
export const PUBLIC_KEY = 'wfm:public';

/**
 * Declares which roles may call a route; `admin` may always. Every non-public route must carry
 * it (the guard refuses a route without it).
 */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No or bad API key (UNAUTHENTICATED)', type: ErrorResponseDto }),
    ApiForbiddenResponse({ description: `Role lacks the right; allowed: ${['admin', ...roles].join(', ')}`, type: ErrorResponseDto }),
  );
}

/** Read access: every role (analysts are the read-only role meant for BI tools). */
export function ReadAccess(): MethodDecorator & ClassDecorator {
  return Roles('planner', 'scheduler', 'analyst');
}

/** Admin only. */
export function AdminOnly(): MethodDecorator & ClassDecorator {
  return Roles();
}

/** No API key needed (health, metrics, docs). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}
