import type { z } from 'zod'
import type { Project, ProjectInput, ProjectList, ProjectSummary } from '@domain/schemas/projects.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries, useQuery } from '@/lib/api/use-query'

export type ProjectData = z.infer<typeof Project>
export type ProjectSummaryData = z.infer<typeof ProjectSummary>
export type ProjectBody = z.input<typeof ProjectInput>

const projectsKey = 'projects/'
const enc = encodeURIComponent

/** GET /api/communities/:communityId/projects — newest first, each with how far it is. */
export function useProjects(communityId: string | undefined) {
  return useQuery(communityId ? `${projectsKey}list/${communityId}` : null, () =>
    apiRequest<z.infer<typeof ProjectList>>(`/communities/${enc(communityId!)}/projects`),
  )
}

/** GET /api/projects/:projectId — the page shows its own 404. */
export function useProject(id: string | undefined) {
  return useQuery(id ? `${projectsKey}one/${id}` : null, () => apiRequest<ProjectData>(`/projects/${enc(id!)}`, { toast: false }))
}

/** POST /api/communities/:communityId/projects — its needs change status too, so the needs lists refresh. */
export function useCreateProject(onSuccess: (p: ProjectData) => void) {
  return useMutation(
    (i: { communityId: string; body: ProjectBody }) =>
      apiRequest<ProjectData>(`/communities/${enc(i.communityId)}/projects`, { method: 'POST', body: i.body, toast: false }),
    {
      onSuccess: (p) => {
        invalidateQueries(projectsKey)
        invalidateQueries('needs/')
        invalidateQueries('tracking/')
        onSuccess(p)
      },
    },
  )
}
