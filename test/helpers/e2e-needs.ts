import type { journey } from './journey.js'

/**
 * A 每月一议 of 陈书记's community `days` ahead, opened for topics, with a dot round open now until
 * two hours before it: what the needs and projects journeys rank their needs in.
 */
export async function sessionWithRound(j: ReturnType<typeof journey>, chen: string, communityId: string, title: string, days: number) {
  const start = new Date(Date.now() + days * 86400_000)
  const session = await j.api('POST', `/communities/${communityId}/sessions`, chen, {
    kind: 'monthly_council',
    title,
    description: '议一议大家最需要的事',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    venue: '睦邻议事厅',
    capacity: 50,
    bookingDeadline: new Date(start.getTime() - 3600_000).toISOString(),
    agendaSlots: 4,
  })
  await j.api('POST', `/sessions/${session.id}/actions`, chen, { action: 'open' })
  const round = await j.api('POST', `/communities/${communityId}/need-rounds`, chen, {
    sessionId: session.id,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(start.getTime() - 7200_000).toISOString(),
    dots: 3,
  })
  return { sessionId: session.id as string, roundId: round.id as string }
}
