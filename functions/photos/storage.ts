import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../http/errors.js'

/**
 * Where photo bytes live, by content hash. Local disk for `npm start` and tests (served by
 * GET /api/files/:name); Vercel Blob in production (public, immutable URLs).
 */
export interface PhotoStorage {
  /** Stores the bytes under `name` (idempotent: the same name always holds the same bytes) and returns the URL to show. */
  put(name: string, bytes: Uint8Array, mime: string): Promise<string>
  /** Local storage only: the bytes for GET /api/files/:name. */
  read?(name: string): Promise<Uint8Array | null>
}

export function localStorage(dir: string): PhotoStorage {
  return {
    async put(name, bytes) {
      await mkdir(dir, { recursive: true })
      await writeFile(join(dir, name), bytes)
      return `/api/files/${name}`
    },
    async read(name) {
      if (!/^[0-9a-f]{64}\.(jpg|png|webp)$/.test(name)) return null
      try {
        return await readFile(join(dir, name))
      } catch {
        return null
      }
    },
  }
}

export function vercelBlobStorage(token: string): PhotoStorage {
  return {
    async put(name, bytes, mime) {
      const { put } = await import('@vercel/blob')
      const blob = await put(`photos/${name}`, Buffer.from(bytes), {
        access: 'public',
        contentType: mime,
        token,
        addRandomSuffix: false,
        allowOverwrite: true,
        cacheControlMaxAge: 31536000,
      })
      return blob.url
    },
  }
}

/**
 * Storage failures (a full disk, Vercel Blob down or slow) answer 503 STORAGE_UNAVAILABLE with a
 * message saying nothing was saved, not a 500. The photo row is written only after the bytes are
 * stored, so a failed upload leaves no row behind.
 */
export function reportingUnavailable(storage: PhotoStorage): PhotoStorage {
  return {
    ...storage,
    async put(name, bytes, mime) {
      try {
        return await storage.put(name, bytes, mime)
      } catch (err) {
        throw new AppError('STORAGE_UNAVAILABLE', undefined, { reason: err instanceof Error ? err.message : String(err) })
      }
    },
  }
}
