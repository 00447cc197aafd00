import { apiRequest } from '@/lib/api/client'
import type { CosignStateData } from './cosign-concern'

/** DELETE /api/concerns/:concernId/cosign — take back one's 附议. */
export function withdrawCosign(concernId: string): Promise<CosignStateData> {
  return apiRequest<CosignStateData>(`/concerns/${encodeURIComponent(concernId)}/cosign`, { method: 'DELETE' })
}
