import type { z } from 'zod'
import type { Ballot, BallotInput } from '@domain/schemas/votes.js'
import { apiRequest } from '@/lib/api/client'

export type BallotBody = z.input<typeof BallotInput>
export type CastBallotData = z.infer<typeof Ballot>

/**
 * POST /api/proposals/:proposalId/ballots — one ballot (per resident or per household). A repeat
 * answers 200 with the ballot already cast, so a retried tap never votes twice: safe to retry.
 */
export function castBallot(proposalId: string, body: BallotBody): Promise<CastBallotData> {
  return apiRequest<CastBallotData>(`/proposals/${encodeURIComponent(proposalId)}/ballots`, { method: 'POST', body, idempotent: true })
}
