import { benchStartup } from './startup.js'

/** `npm run bench`: every benchmark, one JSON document on stdout. */
const results = { date: new Date().toISOString(), node: process.version, startup: await benchStartup() }
console.log(JSON.stringify(results, null, 2))
