/**
 * What other modules may use of 项目清单: tracking tells a project its tracked item moved (its needs
 * follow); the 公示栏 reads the month's projects, the 议事协商台账 the same month's (`underWayIn`).
 */
export { boardProjectsFrom, boardProjectsPart, underWayIn } from './board.js'
export { projectItemMoved } from './settle.js'
