import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from './roles.js';

/** Who is calling: the tenant and key of the request's API key. */
export interface Principal {
  tenantId: string;
  keyId: string;
  keyName: string;
  role: Role;
}

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** Injects the Principal of an authenticated request into a controller method. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
  return request.principal;
});
