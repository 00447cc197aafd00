/**
 * What other modules may use of needs: read a need, a community's open needs, and what a project
 * (项目清单) does to the needs it takes up.
 */
export { moveProjectNeeds, releaseNeeds, takeNeedsIntoProject } from './projects.js'
export { needById, openNeedsOf, type NeedFacts } from './read.js'
