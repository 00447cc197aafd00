import type { z } from 'zod'
import type { Photo } from '@domain/schemas/concerns.js'
import { t } from '@/i18n/zh-cn'
import { ApiError, apiUpload } from '@/lib/api/client'

export type PhotoData = z.infer<typeof Photo>

export interface UploadPhotoOptions {
  onProgress?: (percent: number) => void
  onStart?: (abort: () => void) => void
}

/**
 * POST /api/photos (multipart, field `file`) — 201 `Photo`; the server re-encodes it without EXIF.
 * Errors are not toasted here: the photo tile shows them, with 重试 and 删除.
 */
export async function uploadPhoto(filePath: string, options: UploadPhotoOptions = {}): Promise<PhotoData> {
  try {
    return await apiUpload<PhotoData>('/photos', {
      filePath,
      name: 'file',
      fileName: 'photo.jpg',
      toast: false,
      onProgress: options.onProgress,
      onStart: options.onStart,
    })
  } catch (err) {
    // Until the server has the route, say so plainly instead of "接口不存在".
    if (err instanceof ApiError && err.status === 404) {
      throw new ApiError(404, { code: err.code, message: t.photos.unavailable })
    }
    throw err
  }
}
