import { ErrorBody } from '../../domain/schemas/common.js'
import { operations } from '../../functions/app.js'
import { type Operation, statusesOf } from '../../functions/openapi.js'

/** Static paths before parameterised ones, so `/api/concerns/similar` is not read as a concern id. */
const routes = operations
  .map((o) => ({ o, pattern: new RegExp(`^${o.path.replace(/:\w+/g, '[^/]+')}$`), params: o.path.split(':').length }))
  .sort((a, b) => a.params - b.params)

export function operationFor(method: string, path: string): Operation | undefined {
  const pathname = new URL(path, 'http://test').pathname
  const m = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase()
  return routes.find((r) => r.o.method === m && r.pattern.test(pathname))?.o
}

/** Keys the reply has that the schema does not declare (zod drops them silently; the document forbids them). */
function undeclaredKeys(sent: unknown, parsed: unknown, at = ''): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) return sent.flatMap((item, i) => undeclaredKeys(item, parsed[i], `${at}[${i}]`))
  if (!sent || typeof sent !== 'object' || !parsed || typeof parsed !== 'object') return []
  return Object.entries(sent).flatMap(([key, value]) =>
    key in parsed ? undeclaredKeys(value, (parsed as Record<string, unknown>)[key], `${at}.${key}`) : [`${at}.${key}`],
  )
}

/**
 * Checks a reply against the OpenAPI document's promise for its operation: a declared status, the
 * declared media type, and a body that matches the declared schema (the one Error schema for errors).
 * Returns the problems; an empty list means the reply keeps the contract.
 */
export async function contractProblems(method: string, path: string, res: Response): Promise<string[]> {
  const o = operationFor(method, path)
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim()
  const problems: string[] = []
  const body = method.toUpperCase() === 'HEAD' || !type.includes('json') ? undefined : await res.clone().json()
  if (o && !statusesOf(o).includes(res.status))
    problems.push(`status ${res.status} is not declared (declared: ${statusesOf(o).join(', ')})`)
  if (res.status >= 400) {
    if (type !== 'application/json') problems.push(`error reply is ${type}, not application/json`)
    else if (!ErrorBody.safeParse(body).success) problems.push(`error body is not the Error schema: ${JSON.stringify(body)}`)
  } else if (o && method.toUpperCase() !== 'HEAD') {
    const declared = o.contentType === undefined ? ['application/json'] : [o.contentType].flat()
    if (!declared.includes(type)) problems.push(`media type ${type} is not declared (${declared.join(', ')})`)
    if (type === 'application/json') {
      const parsed = o.response.safeParse(body)
      if (!parsed.success)
        problems.push(...parsed.error.issues.map((i) => `body${i.path.map((p) => `.${String(p)}`).join('')}: ${i.message}`))
      else problems.push(...undeclaredKeys(body, parsed.data).map((k) => `body${k}: not in the schema`))
    }
  }
  return problems
}
