import { benchConcerns } from './concerns.js'
import { benchCouncils } from './councils.js'
import { benchKpis } from './kpis.js'
import { benchLedgers } from './ledgers.js'
import { benchThroughput } from './load.js'
import { benchStartup } from './startup.js'
import { benchVotes } from './votes.js'

/**
 * `npm run bench`: every benchmark, one JSON document on stdout. The concerns benchmark needs a
 * PostgreSQL server (BENCH_DATABASE_URL, default the local one), and so do the councils and votes
 * ones, and the 三率 one (`kpis`: 10k and 1M concerns, several minutes) and the ledgers one; `npm run
 * bench -- startup` (or `concerns`, `councils`, `votes`, `kpis`, `ledgers`, `load`: issue 14's throughput
 * ratios) runs only that part.
 */
const only = process.argv[2]
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version }
if (!only || only === 'startup') results.startup = await benchStartup()
if (!only || only === 'concerns') results.concerns = await benchConcerns()
if (!only || only === 'councils') results.councils = await benchCouncils()
if (!only || only === 'votes') results.votes = await benchVotes()
if (!only || only === 'kpis') results.kpis = await benchKpis()
if (!only || only === 'ledgers') results.ledgers = await benchLedgers()
if (!only || only === 'load') results.load = await benchThroughput()
console.log(JSON.stringify(results, null, 2))
