import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../../platform/errors/domain-error.js';
import { RateLimits } from '../../platform/http/rate-limits.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { hashApiKey } from './api-key-secret.js';
import type { AuthenticatedRequest } from '../../platform/auth/principal.js';
import { PUBLIC_KEY, ROLES_KEY, type Role } from '../../platform/auth/roles.js';

/**
 * Authenticates `Authorization: Bearer <key>` and checks the route's declared roles; applies the
 * rate limits (failed authentications per client address, expensive routes per key).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysRepository,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const address = request.ip ?? request.socket.remoteAddress ?? '';
    this.limits.checkAuthentication(address);
    const header = request.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      this.limits.authenticationFailed(address);
      throw new DomainError('UNAUTHENTICATED', 'missing API key: send Authorization: Bearer <key>');
    }
    const principal = await this.keys.authenticate(hashApiKey(match[1]));
    if (!principal) {
      this.limits.authenticationFailed(address);
      throw new DomainError('UNAUTHENTICATED', 'unknown or revoked API key');
    }
    request.principal = principal;
    const route = (request.route as { path?: string } | undefined)?.path;
    if (route) this.limits.checkRoute(principal.keyId, `${request.method} ${route}`);
    // A route without declared roles is admin-only: forgetting the decorator never opens a door.
    if (principal.role === 'admin' || (allowed ?? []).includes(principal.role)) return true;
    throw new DomainError(
      'FORBIDDEN',
      `role ${principal.role} may not call ${request.method} ${request.route ? String((request.route as { path: string }).path) : request.path}`,
    );
  }
}
