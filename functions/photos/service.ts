import { createHash } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import { hasRole, type Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import {
  concernEvents,
  concernPhotos,
  concerns,
  councilSessionPhotos,
  councilSessions,
  eventPhotos,
  photos,
  users,
  type PhotoRow,
} from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export const MAX_EDGE = 2048

type Kind = { mime: 'image/jpeg' | 'image/png' | 'image/webp'; ext: 'jpg' | 'png' | 'webp' }

/** The real type from the first bytes, whatever the file name or the client claims. */
export function sniffImage(bytes: Uint8Array): Kind | null {
  const b = bytes
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' }
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v))
    return { mime: 'image/png', ext: 'png' }
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to))
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { mime: 'image/webp', ext: 'webp' }
  return null
}

/**
 * Re-encodes an upload: turned upright by its EXIF orientation, at most 2048 px on the long edge,
 * and written fresh, which drops every metadata block (EXIF with GPS, XMP, IPTC, ICC comments).
 */
export async function normaliseImage(input: Uint8Array, kind: Kind) {
  // sharp (libvips) is loaded on the first upload, not on every cold start of the function.
  const { default: sharp } = await import('sharp')
  try {
    const pipeline = sharp(input, { failOn: 'error' })
      .rotate()
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
    const encoded =
      kind.ext === 'png'
        ? pipeline.png({ compressionLevel: 9 })
        : kind.ext === 'webp'
          ? pipeline.webp({ quality: 82 })
          : pipeline.jpeg({ quality: 82, mozjpeg: true })
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true })
    return { bytes: new Uint8Array(data), width: info.width, height: info.height }
  } catch {
    throw new AppError('PHOTO_UNREADABLE')
  }
}

export async function uploadPhoto(deps: Deps, actor: Actor, file: File) {
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError('PHOTO_TOO_LARGE')
  const raw = new Uint8Array(await file.arrayBuffer())
  const kind = sniffImage(raw)
  if (!kind) throw new AppError('PHOTO_TYPE_UNSUPPORTED')
  const image = await normaliseImage(raw, kind)
  const sha256 = createHash('sha256').update(image.bytes).digest('hex')
  const url = await deps.storage.put(`${sha256}.${kind.ext}`, image.bytes, kind.mime)
  const { db } = deps.database
  const [user] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, actor.userId))
  const check = await deps.contentCheck.submitImage(url, user?.openid ?? null)
  const [row] = await db
    .insert(photos)
    .values({
      sha256,
      mime: kind.mime,
      width: image.width,
      height: image.height,
      bytes: image.bytes.length,
      url,
      uploadedBy: actor.userId,
      moderation: check.verdict === 'pass' ? 'pass' : 'pending',
      traceId: check.verdict === 'pending' ? check.traceId : null,
    })
    .returning()
  return photoView(row, true)
}

/** A photo as a viewer sees it: hidden (no URL) until it passed the check, unless it is theirs or they are staff. */
export function photoView(p: Pick<PhotoRow, 'id' | 'url' | 'width' | 'height' | 'moderation'>, privileged: boolean) {
  const hidden = p.moderation !== 'pass'
  return { id: p.id, url: hidden && !privileged ? '' : p.url, width: p.width, height: p.height, hidden }
}

/** The photos a person attaches must be their own uploads; returns them in the given order. */
export async function ownPhotos(db: Db, userId: string, ids: string[]): Promise<PhotoRow[]> {
  if (!ids.length) return []
  const unique = [...new Set(ids)]
  const rows = await db.select().from(photos).where(inArray(photos.id, unique))
  if (rows.length !== unique.length || rows.some((r) => r.uploadedBy !== userId)) throw new AppError('PHOTO_NOT_YOURS')
  return unique.map((id) => rows.find((r) => r.id === id)!)
}

/** WeChat's asynchronous verdict on an image (wxa_media_check push). */
export async function applyMediaVerdict(db: Db, traceId: string, suggest: string) {
  await db
    .update(photos)
    .set({ moderation: suggest === 'pass' ? 'pass' : 'flagged' })
    .where(eq(photos.traceId, traceId))
}

/**
 * Staff decide on an image WeChat flagged (or could not check): shown to everyone, or kept
 * hidden for good. Only staff of a community where the photo is attached may decide.
 */
export async function reviewPhoto(db: Db, actor: Actor, photoId: string, verdict: 'pass' | 'rejected') {
  const [direct, viaEvents, viaMinutes] = await Promise.all([
    db
      .select({ communityId: concerns.communityId })
      .from(concernPhotos)
      .innerJoin(concerns, eq(concerns.id, concernPhotos.concernId))
      .where(eq(concernPhotos.photoId, photoId)),
    db
      .select({ communityId: concerns.communityId })
      .from(eventPhotos)
      .innerJoin(concernEvents, eq(concernEvents.id, eventPhotos.eventId))
      .innerJoin(concerns, eq(concerns.id, concernEvents.concernId))
      .where(eq(eventPhotos.photoId, photoId)),
    db
      .select({ communityId: councilSessions.communityId })
      .from(councilSessionPhotos)
      .innerJoin(councilSessions, eq(councilSessions.id, councilSessionPhotos.sessionId))
      .where(eq(councilSessionPhotos.photoId, photoId)),
  ])
  const communityIds = [...direct, ...viaEvents, ...viaMinutes].map((r) => r.communityId)
  const [photo] = await db.select().from(photos).where(eq(photos.id, photoId))
  if (!photo) throw new AppError('NOT_FOUND', '照片不存在')
  if (!communityIds.some((communityId) => hasRole(actor, communityId, 'worker', 'admin'))) {
    throw new AppError('FORBIDDEN', '只有照片所在社区的工作人员可以审核')
  }
  const [updated] = await db.update(photos).set({ moderation: verdict }).where(eq(photos.id, photoId)).returning()
  return photoView(updated, true)
}
