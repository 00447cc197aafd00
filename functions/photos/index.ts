/** What other modules may use of photos: attaching one's own uploads and showing them. */
export { ownPhotos, photoView } from './service.js'
