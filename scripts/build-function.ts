import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { build } from 'esbuild'

/**
 * Bundles the deployed function (functions/main.ts) into one ES module with esbuild, the way a
 * serverless platform ships it: a cold start then reads one file instead of resolving hundreds of
 * modules under node_modules. Left outside the bundle: native or file-carrying packages that are
 * loaded only when used (sharp and @vercel/blob on the first upload, PGlite only without DATABASE_URL) and the
 * optional native helpers of pg and ws. Prints the bundle's size as JSON.
 *
 * `tsx scripts/build-function.ts [outfile]` (default dist/fn-bundle/index.mjs).
 */
export const external = [
  'sharp',
  '@vercel/blob',
  // PGlite and its drizzle adapter together: esbuild would hoist the adapter's static import of
  // PGlite to the bundle's top and load the embedded database on every cold start.
  '@electric-sql/pglite',
  'drizzle-orm/pglite',
  'drizzle-orm/pglite/migrator',
  // exceljs and its zip writer (about 1 MB): loaded on the first ledger download (functions/ledgers/sheet.ts).
  'exceljs',
  'pg-native',
  'bufferutil',
  'utf-8-validate',
]

export async function buildFunction(outfile = 'dist/fn-bundle/index.mjs') {
  mkdirSync(dirname(outfile), { recursive: true })
  const result = await build({
    entryPoints: ['functions/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    sourcemap: false,
    metafile: true,
    external,
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies (pg, pino) call require(); give the ES module one.
    banner: { js: "import { createRequire as __linliRequire } from 'node:module'; const require = __linliRequire(import.meta.url);" },
  })
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0)
  writeFileSync(`${outfile}.meta.json`, JSON.stringify(result.metafile))
  return { outfile, bytes }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await buildFunction(process.argv[2])))
}
