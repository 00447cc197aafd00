/** What other modules may use of communities: who its staff are, its street, the places in it. */
export { staffIds, staffIdsValue, adminIds, isStaffSql } from './members.js'
export { buildingOfHousehold, communityAllowing, communityContext, streetAllowing } from './places.js'
export { communityFrom, communityPart, readInCommunity, readSignedIn, readSignedInChecked } from './read-with.js'
