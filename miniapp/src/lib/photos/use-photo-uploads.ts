import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { MAX_PHOTOS } from '@domain/limits.js'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { uploadPhoto } from './upload-photo'

export interface PhotoUpload {
  /** Local key (the file path can repeat if the same photo is picked twice). */
  key: string
  path: string
  status: 'uploading' | 'done' | 'failed'
  progress: number
  photoId?: string
  /** Where the uploaded photo is served (kept with a draft). */
  url?: string
  error?: string
}

export interface PhotoUploads {
  items: PhotoUpload[]
  /** Pick photos (album or camera, compressed) and start uploading each. */
  pick: () => Promise<void>
  retry: (key: string) => void
  remove: (key: string) => void
  /** Shows photos already saved (a draft being changed) as uploaded ones. */
  preset: (photos: { id: string; url: string }[]) => void
  /** Ids of the uploaded photos, in the order shown. */
  photoIds: string[]
  uploading: boolean
  failed: boolean
  max: number
}

let counter = 0

/**
 * Photos for a form: `Taro.chooseImage` (compressed) then one `Taro.uploadFile` each, with
 * per-photo progress, retry and remove. Uploads start at once so the form is ready by the time
 * the text is typed.
 */
export function usePhotoUploads(max: number = MAX_PHOTOS): PhotoUploads {
  const [items, setItems] = useState<PhotoUpload[]>([])
  const aborts = useRef(new Map<string, () => void>())
  const removed = useRef(new Set<string>())
  const mounted = useRef(true)

  useEffect(() => {
    mounted.current = true
    const pending = aborts.current
    return () => {
      mounted.current = false
      for (const abort of pending.values()) abort()
    }
  }, [])

  const patch = useCallback((key: string, next: Partial<PhotoUpload>) => {
    if (!mounted.current) return
    setItems((prev) => prev.map((item) => (item.key === key ? { ...item, ...next } : item)))
  }, [])

  const start = useCallback(
    (key: string, path: string) => {
      patch(key, { status: 'uploading', progress: 0, error: undefined })
      uploadPhoto(path, {
        onProgress: (progress) => patch(key, { progress: Math.min(progress, 99) }),
        onStart: (abort) => aborts.current.set(key, abort),
      })
        .then((photo) => patch(key, { status: 'done', progress: 100, photoId: photo.id, url: photo.url }))
        .catch((err: unknown) => {
          if (removed.current.has(key)) return
          const message = err instanceof ApiError ? err.message : t.photos.failed
          patch(key, { status: 'failed', error: message })
          void Taro.showToast({ title: message, icon: 'none', duration: 2500 })
        })
        .finally(() => aborts.current.delete(key))
    },
    [patch],
  )

  const itemsRef = useRef(items)
  itemsRef.current = items

  const pick = useCallback(async () => {
    const room = max - itemsRef.current.length
    if (room <= 0) {
      void Taro.showToast({ title: t.photos.tooMany(max), icon: 'none' })
      return
    }
    let paths: string[]
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      paths = res.tempFilePaths.slice(0, room)
    } catch {
      return // the person cancelled
    }
    const added = paths.map((path) => ({ key: `p${++counter}`, path, status: 'uploading' as const, progress: 0 }))
    setItems((prev) => [...prev, ...added].slice(0, max))
    for (const item of added) start(item.key, item.path)
  }, [max, start])

  const retry = useCallback(
    (key: string) => {
      const item = itemsRef.current.find((i) => i.key === key)
      if (item) start(key, item.path)
    },
    [start],
  )

  const remove = useCallback((key: string) => {
    removed.current.add(key)
    aborts.current.get(key)?.()
    aborts.current.delete(key)
    setItems((prev) => prev.filter((item) => item.key !== key))
  }, [])

  const preset = useCallback((photos: { id: string; url: string }[]) => {
    setItems(
      photos.map((ph) => ({ key: `p${++counter}`, path: ph.url, status: 'done' as const, progress: 100, photoId: ph.id, url: ph.url })),
    )
  }, [])

  return {
    items,
    pick,
    retry,
    remove,
    preset,
    photoIds: items.filter((i) => i.status === 'done' && i.photoId).map((i) => i.photoId!),
    uploading: items.some((i) => i.status === 'uploading'),
    failed: items.some((i) => i.status === 'failed'),
    max,
  }
}
