import type { Tx } from './client.js'
import { errandStations } from './schema/index.js'

/**
 * 文安路社区's demo 代办站: 赵晓梅's party-member household (5号楼), serving 3, 4 and 5号楼 — where
 * 王秀英 lives — with medicine, groceries, bills and parcels. Idempotent (a fixed id).
 */
export async function seedErrands(
  tx: Tx,
  s: { communityId: string; helperId: string; staffId: string; building: (no: number) => string; id: (...parts: string[]) => string },
) {
  const at = new Date('2026-10-08T02:00:00Z')
  await tx
    .insert(errandStations)
    .values({
      id: s.id('errand-station', 'zhao'),
      communityId: s.communityId,
      helperId: s.helperId,
      label: 'party_member',
      name: '赵家党员代办站',
      buildingIds: [s.building(3), s.building(4), s.building(5)],
      kinds: ['medicine', 'groceries', 'bills', 'parcel'],
      note: '工作日晚上和周末都在家，有事尽管说',
      active: true,
      createdBy: s.staffId,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing()
}
