import type { Hono } from 'hono'
// The deployed function is the ES module that `npm run vercel-build` bundles from functions/main.ts
// (scripts/build-function.ts): a cold start reads it and the chunks it imports instead of resolving
// hundreds of modules; chunks reached only through import() are read when first needed.
// @ts-expect-error -- written at build time; it has no type declarations of its own
import app from '../dist/fn-bundle/index.mjs'

export default app as Hono
