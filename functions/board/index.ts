/** What the routes use of the board (公示栏) and the open data. */
export { getBoard } from './board.js'
export { getOpenData, ZIP_TYPE } from './open-data.js'
