import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { text } from './text.js'

function counted<T>(build: () => T) {
  const counter = { builds: 0 }
  const value = () => {
    counter.builds++
    return build()
  }
  return { counter, value }
}

describe('a schema built on first use', () => {
  it('is not built until something reads it, and then only once', () => {
    const { counter, value } = counted(() => z.strictObject({ name: text({ label: '名称', min: 1, max: 10 }) }))
    const Named = onFirstUse(value)
    const Wrapper = onFirstUse(() => z.object({ named: Named }))
    expect(counter.builds).toBe(0)
    expect(Named.parse({ name: ' 楼长 ' })).toEqual({ name: '楼长' })
    expect(Wrapper.parse({ named: { name: '网格员' } })).toEqual({ named: { name: '网格员' } })
    expect(counter.builds).toBe(1)
  })

  it('answers bad input with the same messages as the schema itself', () => {
    const build = () => z.strictObject({ name: text({ label: '名称', min: 2, max: 4 }), count: z.number().int() })
    const eager = build().safeParse({ name: '一', count: 1.5, extra: true })
    const lazy = onFirstUse(build).safeParse({ name: '一', count: 1.5, extra: true })
    expect(lazy.success).toBe(false)
    expect(lazy.error?.issues).toEqual(eager.error?.issues)
    expect(lazy.error?.issues.map((i) => i.message)).toContain('名称至少 2 个字')
  })

  it('is what derived schemas hold, so they see its name and description', () => {
    const Venue = onFirstUse(() => text({ label: '地点', min: 2, max: 60 }))
    const Place = onFirstUse(() => z.object({ id: z.string() }).meta({ id: 'LazyTestPlace' }))
    const optionalVenue = Venue.optional()
    expect(optionalVenue.unwrap()).toBe(Venue)
    expect(Venue).toBeInstanceOf(z.ZodType)
    expect(z.globalRegistry.get(Place)?.id).toBe('LazyTestPlace')

    const json = z.toJSONSchema(z.object({ venue: Venue, other: optionalVenue, places: z.array(Place), first: Place.optional() }), {
      unrepresentable: 'any',
      reused: 'inline',
    }) as {
      properties: Record<string, { description?: string; $ref?: string; items?: { $ref?: string } }>
      $defs?: Record<string, unknown>
    }
    expect(json.properties.venue.description).toMatch(/^地点：2–60 个字/)
    expect(json.properties.other.description).toBe(json.properties.venue.description)
    expect(Object.keys(json.$defs ?? {})).toEqual(['LazyTestPlace'])
    expect(json.properties.places.items?.$ref).toBe('#/$defs/LazyTestPlace')
  })

  it('extends, picks and spreads like the schema itself', () => {
    const Base = onFirstUse(() => z.object({ a: z.string(), b: z.number() }))
    const Fields = onFirstUse(() => ({ c: z.boolean() }))
    const Extended = Base.extend({ ...Fields })
    expect(Extended.parse({ a: 'x', b: 1, c: true })).toEqual({ a: 'x', b: 1, c: true })
    expect(Object.keys(Base.pick({ a: true }).shape)).toEqual(['a'])
    expect(Object.keys(Fields)).toEqual(['c'])
  })
})
