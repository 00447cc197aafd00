import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build, type Metafile } from 'esbuild'

/**
 * Bundles the deployed function (functions/main.ts) with esbuild, the way a serverless platform
 * ships it: a cold start reads `index.mjs` and the chunks it imports instead of resolving hundreds of
 * modules under node_modules. What the code reaches only through `import()` (the calendar, the zip
 * writer, the drivers a deployment does not use) is split into chunks of its own, read on first use
 * (decision 047). Left outside the bundle: native or file-carrying packages that are loaded only when
 * used (sharp and @vercel/blob on the first upload, PGlite only without DATABASE_URL) and the optional
 * native helpers of pg and ws. Prints the sizes as JSON.
 *
 * `tsx scripts/build-function.ts [outdir]` (default dist/fn-bundle).
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

export async function buildFunction(outdir = 'dist/fn-bundle') {
  // Chunk names carry a hash: a folder left from an earlier build would keep chunks nothing imports.
  rmSync(outdir, { recursive: true, force: true })
  const result = await build({
    entryPoints: { index: 'functions/main.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
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
  const outfile = join(outdir, 'index.mjs')
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0)
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile))
  const atStart = entryClosure(result.metafile)
  return {
    outfile,
    bytes,
    files: Object.keys(result.metafile.outputs).length,
    entryBytes: atStart.reduce((n, path) => n + result.metafile.outputs[path].bytes, 0),
    /** The packages whose code a cold start reads before the database driver ('own code' for ours). */
    packagesAtStart: new Set(atStart.flatMap((path) => Object.keys(result.metafile.outputs[path].inputs).map(packageOf))),
  }
}

const packageOf = (input: string) => input.match(/node_modules\/((@[^/]+\/)?[^/]+)/)?.[1] ?? 'own code'

/** The entry and every chunk it imports statically: what a cold start reads before the database driver. */
function entryClosure(metafile: Metafile) {
  const entry = Object.keys(metafile.outputs).find((path) => metafile.outputs[path].entryPoint === 'functions/main.ts')
  if (!entry) throw new Error('esbuild wrote no entry point')
  const seen = new Set<string>()
  const visit = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    for (const i of metafile.outputs[path].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path)
  }
  visit(entry)
  return [...seen]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { packagesAtStart, ...sizes } = await buildFunction(process.argv[2])
  console.log(JSON.stringify({ ...sizes, packagesAtStart: [...packagesAtStart] }))
}
