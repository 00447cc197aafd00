import type { Hono } from 'hono'
// The deployed function is one ES module that `npm run vercel-build` bundles from functions/main.ts
// (scripts/build-function.ts): a cold start reads one file instead of resolving hundreds of modules.
// @ts-expect-error -- written at build time; it has no type declarations of its own
import app from '../dist/fn-bundle/index.mjs'

export default app as Hono
