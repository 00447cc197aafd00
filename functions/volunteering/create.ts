import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import type { ActivityInput } from '../../domain/schemas/volunteering.js'
import { hoursToMinutes } from '../../domain/volunteering/rules.js'
import { volunteerActivities } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { fieldError } from '../http/errors.js'
import { getActivity } from './read.js'

/** Staff publish a 志愿活动; it must start in the future. */
export async function createActivity(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof ActivityInput>) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'volunteer.manage')
  const now = deps.now()
  if (Date.parse(input.startsAt) <= now.getTime()) throw fieldError('startsAt', '开始时间须晚于现在')
  const [row] = await db
    .insert(volunteerActivities)
    .values({
      communityId,
      title: input.title,
      description: input.description ?? '',
      place: input.place,
      organiser: input.organiser || null,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      capacity: input.capacity,
      creditedMinutes: hoursToMinutes(input.hours),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: volunteerActivities.id })
  return getActivity(deps, actor.userId, row.id)
}
