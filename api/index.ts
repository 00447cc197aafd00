export { default } from '../functions/main.js'
