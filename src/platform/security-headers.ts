import type { FastifyInstance } from 'fastify';

/**
 * What a page of ours may load: only our own scripts, styles, images, fonts and API. antd
 * writes its CSS-in-JS into <style> elements, hence 'unsafe-inline' for styles (never for
 * scripts). The SPA, the display screen (SSE + speech synthesis) and the Swagger UI at /docs
 * (no inline scripts since @fastify/swagger-ui 5) all work under it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * The headers every answer carries; API answers (personal data) are never stored by a
 * browser or proxy. Also used by the SSE writer, which bypasses Fastify's onSend.
 */
export function securityHeaders(url: string): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    ...(isApi(url) ? { 'cache-control': 'no-store' } : {}),
  };
}

/** On every answer, errors and 404s included (what @fastify/helmet would do, without the dependency). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const headers = securityHeaders(req.url);
    // a route that already forbids storing (e.g. 'private, no-store') keeps its own wording
    if (String(reply.getHeader('cache-control') ?? '').includes('no-store')) delete headers['cache-control'];
    reply.headers(headers);
    return payload;
  });
}
