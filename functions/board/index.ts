/**
 * What the routes use of the board (公示栏) and the open data. `boardResolutions` is the one
 * function to point at the tracked resolutions (决议跟踪) when they land.
 */
export { getBoard } from './board.js'
export { getOpenData, ZIP_TYPE } from './open-data.js'
export { boardResolutions } from './resolutions.js'
