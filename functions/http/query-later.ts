import { validator } from 'hono/validator'
import type { z } from 'zod'
import { validationError } from './errors.js'

/**
 * Like `queryOf`, but the refusal of a bad query (400) waits until the handler asks for the value:
 * for a read whose permission check comes from its own statement (decision 039), so that check
 * still answers first, as it did when it was a route middleware.
 */
export function queryOfLater<T extends z.ZodType>(schema: T) {
  return validator('query', async (value): Promise<() => z.output<T>> => {
    const parsed = await schema.safeParseAsync(value)
    return () => {
      if (!parsed.success) throw validationError(parsed.error, 'query')
      return parsed.data
    }
  })
}
