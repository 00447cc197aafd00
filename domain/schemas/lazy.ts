import * as z from 'zod'

/**
 * A schema (or a map of fields) built on its first use rather than when its module loads
 * (decision 047). Building the ~3,000 zod objects behind the API's schemas cost a cold start
 * ~40 ms although one request needs a handful; callers hold the same type and use it as before.
 *
 * The value is a stand-in that forwards every operation to the object `build` returns, made on the
 * first property read. zod's methods are read with the stand-in as the receiver, so a schema derived
 * from it (`.optional()`, `z.array(…)`, `.extend(…)`) holds the stand-in, never the object behind it.
 * The one thing zod keys by object, the name and description given with `.meta(…)` inside `build`,
 * is moved to the stand-in when built, so the OpenAPI document finds it where every reference points.
 */
export function onFirstUse<T extends object>(build: () => T): T {
  let built: T | undefined
  const real = (): T => {
    if (built === undefined) {
      built = build()
      if (built instanceof z.ZodType) {
        const meta = z.globalRegistry.get(built)
        if (meta) {
          z.globalRegistry.remove(built)
          z.globalRegistry.add(standIn as unknown as z.ZodType, meta)
        }
      }
    }
    return built
  }
  const standIn = new Proxy(Object.create(null) as T, {
    // zod binds a method to the object that reads it first: that must be the stand-in, so that
    // `.optional()` and the like wrap what callers hold.
    get: (_, key) => Reflect.get(real(), key, standIn),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    // Reported configurable: the stand-in's own (empty) target cannot hold the real descriptors.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key)
      if (descriptor) descriptor.configurable = true
      return descriptor
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  })
  return standIn
}
