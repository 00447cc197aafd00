import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The import rules of ARCHITECTURE.md ("Layers and imports"), checked on every run:
 * miniapp → domain ← functions → db → domain; domain imports only zod; no cycles; relative
 * imports in server code end in `.js` (the deployed ESM function fails at run time otherwise);
 * one server module uses another only through that module's index.ts.
 */
const root = resolve(import.meta.dirname, '..')

function files(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(join(root, dir))) {
    const path = join(dir, entry)
    if (statSync(join(root, path)).isDirectory()) out.push(...files(path))
    else if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path)
  }
  return out
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8')
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2],
  )
}

/** Where an import lands, as a top-level part of the repository (or a package name). */
function target(file: string, spec: string): string {
  if (spec.startsWith('@domain/')) return 'domain'
  if (spec.startsWith('@/')) return 'miniapp'
  if (!spec.startsWith('.')) return `pkg:${spec}`
  return relative(root, resolve(dirname(join(root, file)), spec)).split('/')[0]
}

const allowed: Record<string, string[]> = {
  domain: ['domain'],
  db: ['db', 'domain'],
  functions: ['functions', 'domain', 'db'],
  api: ['functions'],
  miniapp: ['miniapp', 'domain'],
}

const nonTest = (f: string) => !/\.test\.tsx?$/.test(f)

/**
 * Infrastructure every server module may import directly; everything else in another module's
 * folder is its own business, reached only through that module's index.ts. No exceptions per file.
 */
const sharedKernel = [
  'functions/http/', // errors, the one keyset cursor, request validation
  'functions/wechat/', // the WeChat client and content checks, wired in deps.ts
  'functions/auth/middleware.ts', // who is calling: requireUser, requireCan
  'functions/photos/storage.ts', // the blob storage adapter, wired in deps.ts
]

describe('architecture', () => {
  for (const [part, may] of Object.entries(allowed)) {
    it(`${part}/ imports only ${may.join(', ')}`, () => {
      const bad: string[] = []
      for (const file of files(part === 'miniapp' ? 'miniapp/src' : part).filter(nonTest)) {
        for (const spec of importsOf(file)) {
          const t = target(file, spec)
          if (!t.startsWith('pkg:') && !may.includes(t)) bad.push(`${file} → ${spec}`)
        }
      }
      expect(bad).toEqual([])
    })
  }

  it('domain/ depends on no package but zod', () => {
    const pkgs = files('domain')
      .filter(nonTest)
      .flatMap((f) => importsOf(f).filter((s) => !s.startsWith('.')))
    expect([...new Set(pkgs)]).toEqual(['zod'])
  })

  it('server code writes relative imports with their .js ending', () => {
    const bad = ['domain', 'db', 'functions', 'api'].flatMap(files).flatMap((f) =>
      importsOf(f)
        .filter((s) => s.startsWith('.') && !s.endsWith('.js'))
        .map((s) => `${f} → ${s}`),
    )
    expect(bad).toEqual([])
  })

  it('has no import cycles among the server modules', () => {
    const graph = new Map<string, string[]>()
    for (const f of ['domain', 'db', 'functions'].flatMap(files).filter(nonTest)) {
      graph.set(
        f,
        importsOf(f)
          .filter((s) => s.startsWith('.'))
          .map((s) => relative(root, resolve(dirname(join(root, f)), s)).replace(/\.js$/, '.ts')),
      )
    }
    const cycles: string[] = []
    const state = new Map<string, 'visiting' | 'done'>()
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return
      if (state.get(node) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '))
        return
      }
      state.set(node, 'visiting')
      for (const next of graph.get(node) ?? []) visit(next, [...path, node])
      state.set(node, 'done')
    }
    for (const node of graph.keys()) visit(node, [])
    expect(cycles).toEqual([])
  })

  it('a server module uses another only through its index.ts (or the shared kernel)', () => {
    const modules = readdirSync(join(root, 'functions')).filter((e) => statSync(join(root, 'functions', e)).isDirectory())
    const bad: string[] = []
    let crossings = 0
    for (const file of files('functions').filter(nonTest)) {
      const parts = file.split('/')
      const home = parts.length > 2 ? parts[1] : null
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const to = relative(root, resolve(dirname(join(root, file)), spec)).replace(/\.js$/, '.ts')
        const [top, module, ...rest] = to.split('/')
        if (top !== 'functions' || !rest.length || module === home || !modules.includes(module)) continue
        crossings++
        if (sharedKernel.some((k) => (k.endsWith('/') ? to.startsWith(k) : to === k))) continue
        // Files outside every module (app.ts) mount each module's routes; nothing else reaches past an index.
        if (rest.join('/') === 'index.ts' || (home === null && rest.join('/') === 'routes.ts')) continue
        bad.push(`${file} → ${spec}`)
      }
    }
    expect(bad).toEqual([])
    // The rule must have something to check: modules do use each other (notify, photos, councils ↔ concerns).
    expect(crossings).toBeGreaterThan(20)
  })

  it('a mini-program feature imports no other feature (shared pieces live in components/ or lib/)', () => {
    const src = 'miniapp/src'
    /** The feature a file of miniapp/src belongs to, or null outside features/. */
    const featureOf = (path: string) => /^features\/([^/]+)\//.exec(path)?.[1] ?? null
    const bad: string[] = []
    for (const file of files(`${src}/features`)) {
      const own = featureOf(relative(join(root, src), join(root, file)))
      for (const spec of importsOf(file)) {
        const path = spec.startsWith('@/')
          ? spec.slice(2)
          : spec.startsWith('.')
            ? relative(join(root, src), resolve(dirname(join(root, file)), spec))
            : null
        const other = path ? featureOf(path) : null
        if (other && other !== own) bad.push(`${file} → ${spec}`)
      }
    }
    expect(bad).toEqual([])
  })
})

describe('size', () => {
  /** Every hand-written source file, as one person can hold it in mind (generated migrations aside). */
  function sources(dir: string): string[] {
    const out: string[] = []
    for (const entry of readdirSync(join(root, dir))) {
      const path = join(dir, entry)
      if (entry === 'node_modules' || entry === 'migrations' || entry === 'dist') continue
      if (statSync(join(root, path)).isDirectory()) out.push(...sources(path))
      else if (/\.(ts|tsx|scss)$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path)
    }
    return out
  }

  it('keeps every source file at 400 lines or fewer', () => {
    const parts = ['domain', 'db', 'functions', 'miniapp/src', 'miniapp/scripts', 'scripts', 'bench', 'test', 'api']
    const long = parts
      .flatMap(sources)
      .map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').split('\n').length }))
      .filter((f) => f.lines > 401)
      .map((f) => `${f.file}: ${f.lines} lines`)
    expect(long).toEqual([])
  })
})
