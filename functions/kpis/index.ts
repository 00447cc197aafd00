/** What other modules may use of kpis: keeping the counters in step with a concern, rebuilding them, the public card's figures. */
export { applyKpiChange, kpiRaiseParts } from './aggregate.js'
export { rebuildKpis } from './rebuild.js'
export { publicKpiCardFrom, publicKpiCardParts } from './monthly.js'
