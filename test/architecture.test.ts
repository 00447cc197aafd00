import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
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
  // The deployed entry exports functions/ bundled into dist/ by scripts/build-function.ts.
  api: ['functions', 'dist'],
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
        .filter((s) => s.startsWith('.') && !/\.m?js$/.test(s))
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

  /**
   * Every function, arrow, method and function expression with a body, from its first line to its
   * last, as `file:line name (N lines)` when longer than `max`. A longer one passes only when the
   * line right above it says why: `// long: <reason>`, a reason of a few words at least.
   */
  function longFunctions(file: string, text: string, max: number): string[] {
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind)
    const lines = text.split('\n')
    const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line
    const out: string[] = []
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = lineOf(node.getStart(source))
        const span = lineOf(node.getEnd()) - first + 1
        const reason = /^\s*\/\/ long: \S.{18,}$/.test(lines[first - 1] ?? '')
        if (span > max && !reason) out.push(`${file}:${first + 1} ${functionName(node)} (${span} lines)`)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
    return out
  }

  /** What a developer would search for: the declared name, the variable or property it is assigned to, or the call it is passed to. */
  function functionName(node: ts.Node): string {
    const named = node as ts.Node & { name?: ts.Node }
    if (named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name))) return named.name.text
    const parent = node.parent
    if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && ts.isIdentifier(parent.name)) return parent.name.text
    if (ts.isCallExpression(parent)) return `callback of ${parent.expression.getText().slice(0, 40)}(…)`
    return '(anonymous)'
  }

  /**
   * Functions another branch is rebuilding at the moment (`file name`): thinned there, not here.
   * Each entry must still be over the limit — once that branch lands and the function is short,
   * the test asks for the entry to go. Empty when no such work is in flight.
   */
  const elsewhere: string[] = []

  // Parses every source file with the TypeScript compiler: seconds, more on a loaded machine.
  it('keeps every function at 120 lines or fewer, unless a `// long:` comment right above it says why', () => {
    const parts = ['domain', 'db', 'functions', 'miniapp/src', 'miniapp/scripts', 'scripts', 'bench', 'api']
    const found = parts
      .flatMap(sources)
      .filter((f) => /\.tsx?$/.test(f) && nonTest(f))
      .flatMap((f) => longFunctions(f, readFileSync(join(root, f), 'utf8'), 120))
    const waived = (entry: string) =>
      elsewhere.some((e) => entry.startsWith(`${e.split(' ')[0]}:`) && entry.includes(` ${e.split(' ')[1]} (`))
    expect(
      found.filter((entry) => !waived(entry)),
      'Split each function listed: render sections into named components beside the page, state and handlers into a use-… hook, ' +
        'the steps of a use case into functions of their own. Only where a split would really hurt reading, write ' +
        '`// long: <why>` on the line right above the function.',
    ).toEqual([])
    expect(
      elsewhere.filter((e) => !found.some((entry) => waived(entry) && entry.startsWith(`${e.split(' ')[0]}:`))),
      'These functions are 120 lines or fewer now: remove them from `elsewhere` in test/architecture.test.ts.',
    ).toEqual([])
  }, 60_000)

  it('measures declarations, arrows, methods and function expressions, and takes a `// long:` reason of a few words', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i}`).join('\n')
    const text = [
      `function declared() {\n${body(3)}\n}`,
      `const arrow = () => {\n${body(3)}\n}`,
      `class Box {\n  method() {\n${body(3)}\n  }\n}`,
      `run(function () {\n${body(3)}\n})`,
      `// long: a table of eight rows reads best whole\nfunction excused() {\n${body(3)}\n}`,
      `// long: because\nfunction vague() {\n${body(3)}\n}`,
      `function short() {\n${body(2)}\n}`,
    ].join('\n')
    expect(longFunctions('x.ts', text, 4)).toEqual([
      'x.ts:1 declared (5 lines)',
      'x.ts:6 arrow (5 lines)',
      'x.ts:12 method (5 lines)',
      'x.ts:18 callback of run(…) (5 lines)',
      'x.ts:30 vague (5 lines)',
    ])
  })
})
