import type { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { matchedRoutes } from 'hono/route'
import { errorCatalog } from '../../domain/errors.js'
import type { AppEnv } from '../context.js'

interface KnownPath {
  pattern: RegExp
  methods: Set<string>
}

function knownPaths(app: Hono<AppEnv>): KnownPath[] {
  const byPath = new Map<string, KnownPath>()
  for (const route of app.routes) {
    if (route.method === 'ALL') continue // middleware
    const known = byPath.get(route.path) ?? {
      pattern: new RegExp(
        `^${route.path
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/:\w+/g, '[^/]+')
          .replace(/\*/g, '.*')}/?$`,
      ),
      methods: new Set<string>(),
    }
    known.methods.add(route.method)
    if (route.method === 'GET') known.methods.add('HEAD')
    byPath.set(route.path, known)
  }
  return [...byPath.values()]
}

/**
 * Before any sign-in check: a path the API does not have is a 404, a method a known path does not
 * take is a 405 with `Allow` — both in the one error shape, whoever asks.
 */
export function knownRoutesOnly(app: Hono<AppEnv>) {
  let paths: KnownPath[] | undefined
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.req.path.startsWith('/api/')) return next()
    // The router already found a handler for this method and path (not only middleware): known.
    if (matchedRoutes(c).some((r) => r.method !== 'ALL')) return next()
    paths ??= knownPaths(app)
    const matching = paths.filter((p) => p.pattern.test(c.req.path))
    const allowed = new Set(matching.flatMap((p) => [...p.methods]))
    if (allowed.has(c.req.method)) return next()
    const requestId = c.var.requestId
    if (!matching.length) {
      return c.json({ error: { code: 'ROUTE_NOT_FOUND', message: errorCatalog.ROUTE_NOT_FOUND.message, requestId } }, 404)
    }
    const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']
    c.header('allow', [...allowed].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(', '))
    return c.json({ error: { code: 'METHOD_NOT_ALLOWED', message: errorCatalog.METHOD_NOT_ALLOWED.message, requestId } }, 405)
  })
}
