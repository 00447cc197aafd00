/** What other modules may use of resources: the view of one resource (项目清单 shows the matched resource). */
export { resourceView } from './resources.js'
