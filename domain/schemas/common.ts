import * as z from 'zod'
import { onFirstUse } from './lazy.js'

export const Id = z.uuid({ error: '必须是有效的编号' })
export const IsoTime = z.iso.datetime({ offset: true })

/** A time a person enters, with its zone; the message names the field. */
export const zonedTime = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}须是带时区的时间，例如 2026-03-13T19:00:00+08:00` })

export const ErrorBody = onFirstUse(() =>
  z
    .object({
      error: z.object({
        code: z.string().meta({ description: 'stable, machine-readable code' }),
        message: z.string().meta({ description: 'Chinese, for people' }),
        details: z.unknown().optional(),
        requestId: z.string().optional(),
      }),
    })
    .meta({ id: 'Error' }),
)

/** Keyset page: `cursor` is opaque; pass back `nextCursor` to get the next page. */
export const PageQuery = onFirstUse(() =>
  z.strictObject({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
)

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

export const Health = onFirstUse(() => z.object({ ok: z.boolean(), database: z.enum(['up', 'down']), version: z.string() }))
