import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../../platform/errors/domain-error.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { hashApiKey } from './api-key-secret.js';
import type { AuthenticatedRequest } from '../../platform/auth/principal.js';
import { PUBLIC_KEY, ROLES_KEY, type Role } from '../../platform/auth/roles.js';

/** Authenticates `Authorization: Bearer <key>` and checks the route's declared roles. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const header = request.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw new DomainError('UNAUTHENTICATED', 'missing API key: send Authorization: Bearer <key>');
    }
    const principal = await this.keys.authenticate(hashApiKey(match[1]));
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'unknown or revoked API key');
    request.principal = principal;
    // A route without declared roles is admin-only: forgetting the decorator never opens a door.
    if (principal.role === 'admin' || (allowed ?? []).includes(principal.role)) return true;
    throw new DomainError(
      'FORBIDDEN',
      `role ${principal.role} may not call ${request.method} ${request.route ? String((request.route as { path: string }).path) : request.path}`,
    );
  }
}
