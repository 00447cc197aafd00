import { createMiddleware } from 'hono/factory'
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { AppError, validationError } from './errors.js'

const jsonType = /^application\/([\w.-]+\+)?json$/i

/** Validates a JSON body against a domain schema; the handler reads `c.req.valid('json')`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  const validate = validator('json', async (value): Promise<z.output<T>> => {
    const parsed = await schema.safeParseAsync(value)
    if (!parsed.success) throw validationError(parsed.error, 'body')
    return parsed.data
  })
  // Hono's validator reads a body only when it is declared JSON and says little when it is broken:
  // check both first, with our own codes. The parsed body is cached, so it is read once.
  const guarded = createMiddleware(async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim()
    if (!jsonType.test(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
    try {
      await c.req.json()
    } catch (err) {
      throw new AppError('BAD_JSON', undefined, { reason: err instanceof Error ? err.message : String(err) })
    }
    return validate(c, next)
  })
  return guarded as unknown as typeof validate
}

export function queryOf<T extends z.ZodType>(schema: T) {
  return validator('query', async (value): Promise<z.output<T>> => {
    const parsed = await schema.safeParseAsync(value)
    if (!parsed.success) throw validationError(parsed.error, 'query')
    return parsed.data
  })
}

export function paramsOf<T extends z.ZodType>(schema: T) {
  return validator('param', async (value): Promise<z.output<T>> => {
    const parsed = await schema.safeParseAsync(value)
    // A malformed id in the path is the caller's mistake, named like a form field (the document declares 400).
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => {
        const path = issue.path.map(String).join('.')
        return { path, message: `链接中的「${path}」格式不对` }
      })
      throw new AppError('VALIDATION_FAILED', fields[0]?.message, { where: 'params', fields })
    }
    return parsed.data
  })
}
