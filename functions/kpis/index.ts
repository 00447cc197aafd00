/** What other modules may use of kpis: keeping the counters in step with a concern, rebuilding them. */
export { applyKpiChange, rebuildKpis } from './aggregate.js'
