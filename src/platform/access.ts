import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import { writeAudit, type AuditContext } from './audit.ts';
import { AppError } from './errors.ts';
import type { OrgTree } from './org-tree.ts';
import type { Role } from './roles.ts';
import { loadSession, type Actor } from './session.ts';

/**
 * How far a route reaches from the caller's home: 'own' their org only; 'descendant' their
 * home org and everything below it; 'ancestor' their org and the chain above it; 'any' the
 * whole county. Group-level staff (county hospitals, the group office) have the county as
 * home; township and village staff have their own org. 'session' needs only a login,
 * 'public' not even that.
 */
export type Relation = 'public' | 'session' | 'own' | 'descendant' | 'ancestor' | 'any';

export interface RoutePolicy {
  roles: readonly Role[];
  relation: Relation;
  /** still allowed while the account must change its password */
  beforePasswordChange?: boolean;
  /**
   * Also answers a caller without a live session (the "who am I" of the login page): the
   * handler runs with no actor. Being signed out is not an access violation, so nothing is
   * denied or audited for it.
   */
  anonymous?: boolean;
}

export type PolicyTable = Readonly<Record<string, RoutePolicy>>;

export const SESSION_COOKIE = 'oc_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOCAL_KINDS = new Set(['village_clinic', 'township_center', 'community_center']);

export const routeKey = (method: string, url: string) => `${method} ${url}`;

/** The CSRF rule: a state-changing request to a route that needs a session echoes its token. */
export function needsCsrf(method: string, policy: RoutePolicy | undefined): boolean {
  return policy !== undefined && policy.relation !== 'public' && !SAFE_METHODS.has(method);
}

const csrfHeader = z
  .string()
  .describe(
    'CSRF 令牌：登录（POST /api/auth/login）或 GET /api/auth/me 应答中的 csrfToken；每个改变状态的请求都须原样带上，否则 403 CSRF_REJECTED',
  );

/**
 * Declares what access control enforces in each route's schema, so the OpenAPI document says
 * it: the session cookie, and the CSRF header on every route `needsCsrf` applies to. Existing
 * header schemas are extended, and loosened so that validating them keeps the other headers.
 */
function declareAccess(app: FastifyInstance, policies: PolicyTable): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = [route.method].flat();
    const policy = policies[routeKey(methods[0] === 'HEAD' ? 'GET' : methods[0], route.url)];
    if (!policy || policy.relation === 'public') return;
    // `{}`: the session is optional there (OpenAPI's way to say "or no credentials")
    const session: Record<string, string[]> = { session: [] };
    const security = policy.anonymous ? [session, {}] : [session];
    const schema: FastifySchema = { ...route.schema, security };
    if (methods.some((m) => needsCsrf(m, policy))) {
      const headers = schema.headers ?? z.object({});
      if (!(headers instanceof z.ZodObject)) throw new Error(`${route.url}: headers must be a zod object`);
      schema.headers = z.looseObject({ ...headers.shape, [CSRF_HEADER]: csrfHeader });
    }
    route.schema = schema;
  });
}

export function homeOrg(tree: OrgTree, actor: Actor): number {
  const own = tree.get(actor.orgId);
  return own && LOCAL_KINDS.has(own.kind) ? actor.orgId : actor.countyId;
}

export function scopeOrgs(tree: OrgTree, actor: Actor, relation: Relation): number[] {
  switch (relation) {
    case 'own':
      return [actor.orgId];
    case 'descendant':
      return tree.subtree(homeOrg(tree, actor));
    case 'ancestor':
      return tree.ancestry(actor.orgId);
    case 'any':
      return tree.county(actor.countyId);
    default:
      return [];
  }
}

function auditContext(req: FastifyRequest, actor: Actor | null, role: string | null): AuditContext {
  return {
    userId: actor?.id ?? null,
    username: actor?.username ?? null,
    role,
    orgId: actor?.orgId ?? null,
    countyId: actor?.countyId ?? null,
    requestId: req.id,
    ip: req.ip,
  };
}

/** Default deny: a route with no line in the policy table answers 403 to everyone. */
export function registerAccessControl(app: FastifyInstance, policies: PolicyTable): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('scope', null);
  app.decorateRequest('auditCtx', null as unknown as AuditContext);
  declareAccess(app, policies);

  app.addHook('onRequest', async (req) => {
    req.auditCtx = auditContext(req, null, null);
    const url = req.routeOptions.url;
    // only the API serves data; the SPA's static files and /docs are public assets
    if (url === undefined || !url.startsWith('/api/')) return;
    const key = routeKey(req.method === 'HEAD' ? 'GET' : req.method, url);
    const policy = policies[key];
    if (!policy) {
      req.log.error({ route: key }, 'route has no access policy');
      throw new AppError(403, 'NO_POLICY', '此接口未配置访问策略，已拒绝访问');
    }
    if (policy.relation === 'public') return;
    const { db, config, orgTree } = app.platform;
    // every denial leaves a row, the anonymous ones included
    const deny = async (reason: string, error: AppError): Promise<never> => {
      await writeAudit(db, req.auditCtx, {
        action: 'access.denied',
        outcome: 'denied',
        resource: key,
        detail: { reason },
      });
      throw error;
    };
    const token = req.cookies[SESSION_COOKIE];
    const actor = token ? await loadSession(db, token, config.idleTimeoutMinutes) : null;
    if (!actor && policy.anonymous) return;
    if (!actor)
      return deny(
        token ? 'session_expired' : 'no_session',
        new AppError(401, 'UNAUTHENTICATED', '登录已失效，请重新登录'),
      );
    req.actor = actor;
    req.auditCtx = auditContext(req, actor, actor.roles[0]);
    if (needsCsrf(req.method, policy) && req.headers[CSRF_HEADER] !== actor.csrfToken) {
      return deny('csrf', new AppError(403, 'CSRF_REJECTED', '页面已过期，请刷新后重试'));
    }
    if (actor.mustChangePassword && !policy.beforePasswordChange) {
      return deny('password_change_required', new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码'));
    }
    const role = actor.roles.find((r) => policy.roles.includes(r));
    if (!role) return deny('role', new AppError(403, 'FORBIDDEN', '您的角色无权执行此操作'));
    req.auditCtx.role = role;
    const tree = await orgTree.fresh();
    req.scope = { userId: actor.id, role, orgIds: scopeOrgs(tree, actor, policy.relation) };
  });
}
