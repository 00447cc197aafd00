/** What other modules may use of kpis: keeping the counters in step with a concern, rebuilding them. */
export { applyKpiChange } from './aggregate.js'
export { rebuildKpis } from './rebuild.js'
