import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { operations } from '../../functions/app.js'
import { documentPath } from '../../functions/openapi.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { concernBody } from '../helpers/concerns.js'

interface Doc {
  paths: Record<string, Record<string, Record<string, unknown>>>
  components: { schemas: Record<string, Record<string, unknown>> }
}

let t: TestApp
let doc: Doc
let dir: string
beforeAll(async () => {
  t = await startTestApp()
  doc = await (await t.call('GET', '/api/openapi.json')).json()
  dir = mkdtempSync(join(tmpdir(), 'linli-openapi-'))
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc))
})
afterAll(() => t?.close())

const eachOperation = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, o]) => ({ where: `${method.toUpperCase()} ${path}`, o })),
  )

describe('the OpenAPI document served at /api/openapi.json', () => {
  it('passes Redocly’s recommended ruleset with no errors', { timeout: 120_000 }, () => {
    const run = spawnSync('npx', ['redocly', 'lint', '--extends', 'recommended', '--format', 'json', join(dir, 'openapi.json')], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    })
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number }
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[]
    }
    const listed = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`)
    expect(listed.filter((p) => p.startsWith('error'))).toEqual([])
    expect(report.totals.errors).toBe(0)
    // The only warnings left: the health check and the document itself cannot answer a 4xx.
    expect(listed.filter((p) => !/operation-4xx-response.*\/paths\/~1api~1(health|openapi\.json)\/get/.test(p))).toEqual([])
  })

  it('documents every route the API serves, and nothing it does not', () => {
    const served = t.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${documentPath(r.path.replace(/\/$/, ''))}`)
    const documented = eachOperation().map(({ where }) => where.replace(/^\S+/, (m) => m.toLowerCase()))
    expect(new Set(documented)).toEqual(new Set(served))
  })

  it('describes every operation and parameter, and gives a valid example for every JSON body', () => {
    for (const { where, o } of eachOperation()) {
      expect(o.description, where).toBeTruthy()
      for (const p of (o.parameters ?? []) as { name: string; description?: string }[])
        expect(p.description, `${where} ${p.name}`).toBeTruthy()
      const json = (o.requestBody as { content?: Record<string, { example?: unknown }> } | undefined)?.content?.['application/json']
      if (json) expect(json.example, where).toBeDefined()
    }
    for (const o of operations.filter((o) => o.body)) {
      const parsed = o.body?.safeParse(o.example)
      expect(parsed?.success ? [] : parsed?.error.issues, `${o.method} ${o.path} example`).toEqual([])
    }
  })

  it('declares the one Error schema as an object, errors as served, and the non-JSON replies by their media type', () => {
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] })
    expect(JSON.stringify(doc)).not.toContain('#/$defs/')
    type Op = { parameters: unknown[]; responses: Record<string, { content: Record<string, unknown>; links?: unknown }> }
    const raise = doc.paths['/api/concerns'].post as unknown as Op
    expect(Object.keys(raise.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415', '422']))
    expect(raise.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]))
    expect(raise.responses[201]).toMatchObject({ links: { read: { operationId: 'getApiConcernsConcernId' } } })
    expect(doc.paths['/api/photos'].post).toMatchObject({
      requestBody: { content: { 'multipart/form-data': { schema: { required: ['file'] } } } },
    })
    expect(Object.keys((doc.paths['/api/files/{name}'].get as unknown as Op).responses[200].content)).toEqual([
      'image/jpeg',
      'image/png',
      'image/webp',
    ])
    expect(Object.keys((doc.paths['/api/wechat/events'].post as unknown as Op).responses[200].content)).toEqual(['text/plain'])
    expect(doc.paths['/api/health'].get.security).toEqual([])
    expect(doc.paths['/api/me'].get.security).toEqual([{ bearer: [] }])
  })

  it('generates a TypeScript client that type-checks a program raising a concern and reading it back', { timeout: 120_000 }, async () => {
    writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(doc as never)))
    writeFileSync(
      join(dir, 'program.ts'),
      `import type { components, paths } from './api'

type Raise = paths['/api/concerns']['post']
type RaiseBody = Raise['requestBody']['content']['application/json']
type Concern = paths['/api/concerns/{concernId}']['get']['responses'][200]['content']['application/json']
type ApiError = components['schemas']['Error']

export async function raiseAndRead(base: string, token: string, body: RaiseBody): Promise<Concern> {
  const headers = { authorization: \`Bearer \${token}\`, 'content-type': 'application/json', 'idempotency-key': 'raise-0123456789' }
  const created = await fetch(\`\${base}/api/concerns\`, { method: 'POST', headers, body: JSON.stringify(body) })
  if (created.status !== 201) throw new Error(((await created.json()) as ApiError).error.message)
  const { id } = (await created.json()) as Raise['responses'][201]['content']['application/json']
  const read = await fetch(\`\${base}/api/concerns/\${id}\`, { headers })
  const concern = (await read.json()) as Concern
  const labels: string[] = concern.timeline.map((event) => event.label)
  return labels.length ? concern : concern
}

export const example: RaiseBody = ${JSON.stringify(concernBody({ place: { kind: 'building', buildingId: demo.building('wenan', 3) } }))}
// @ts-expect-error an unknown category does not type-check
export const wrong: RaiseBody = { ...example, category: 'weather' }
`,
    )
    const program = ts.createProgram([join(dir, 'program.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: [],
      skipLibCheck: true,
    })
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)
    expect(problems).toEqual([])
  })
})
