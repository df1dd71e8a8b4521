import type { FastifyRequest } from 'fastify';
import type { AuditContext } from './audit.ts';
import type { Config } from './config.ts';
import type { EventHub } from './events.ts';
import type { Kdb } from './db.ts';
import { AppError } from './errors.ts';
import type { OrgTree } from './org-tree.ts';
import type { Role } from './roles.ts';
import type { Actor } from './session.ts';

/** What a route's policy grants this request: the role it acts in and the orgs it may see. */
export interface Scope {
  userId: number;
  role: Role;
  orgIds: number[];
}

export interface Platform {
  db: Kdb;
  config: Config;
  orgTree: OrgTree;
  events: EventHub;
  databaseKind: 'pglite' | 'postgresql';
}

/** Everything a service needs about the caller; services never see the HTTP request. */
export interface Ctx {
  db: Kdb;
  actor: Actor;
  scope: Scope;
  audit: AuditContext;
  platform: Platform;
}

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
  interface FastifyRequest {
    actor: Actor | null;
    scope: Scope | null;
    auditCtx: AuditContext;
  }
}

export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor || !req.scope) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  return {
    db: req.server.platform.db,
    actor: req.actor,
    scope: req.scope,
    audit: req.auditCtx,
    platform: req.server.platform,
  };
}
