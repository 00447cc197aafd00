/** What other modules may use of needs: read a need, and a community's open needs (项目清单 matches them to resources). */
export { needById, openNeedsOf, type NeedFacts } from './read.js'
