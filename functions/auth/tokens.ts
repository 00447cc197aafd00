import { SignJWT, errors, jwtVerify } from 'jose'
import { AppError } from '../http/errors.js'

const issuer = 'linli'
const audience = 'linli-app'

function key(secret: string) {
  return new TextEncoder().encode(secret)
}

export async function issueToken(userId: string, secret: string, ttlDays: number, now: Date) {
  const iat = Math.floor(now.getTime() / 1000)
  const exp = iat + ttlDays * 24 * 3600
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key(secret))
  return { token, expiresAt: new Date(exp * 1000).toISOString() }
}

/**
 * Tokens already verified, per secret: a warm instance serves the same people again and again, and
 * the signature check (WebCrypto's HMAC, jose's parsing) is the largest cost of a small read after
 * the database. Only the expiry is checked again; the oldest entries go first past `CACHE_SIZE`.
 */
const verified = new Map<string, Map<string, { sub: string; exp: number }>>()
const CACHE_SIZE = 5000

function remember(secret: string, token: string, sub: string, exp: number) {
  const bySecret = verified.get(secret) ?? new Map<string, { sub: string; exp: number }>()
  verified.set(secret, bySecret)
  if (bySecret.size >= CACHE_SIZE) bySecret.delete(bySecret.keys().next().value as string)
  bySecret.set(token, { sub, exp })
}

export async function verifyToken(token: string, secret: string, now: Date): Promise<string> {
  const known = verified.get(secret)?.get(token)
  if (known && now.getTime() < known.exp * 1000) return known.sub
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer,
      audience,
      algorithms: ['HS256'],
      currentDate: now,
    })
    if (!payload.sub) throw new AppError('UNAUTHENTICATED')
    if (payload.exp) remember(secret, token, payload.sub, payload.exp)
    return payload.sub
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new AppError('TOKEN_EXPIRED')
    if (err instanceof AppError) throw err
    throw new AppError('UNAUTHENTICATED', '登录凭证无效，请重新登录')
  }
}
