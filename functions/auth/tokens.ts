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

export async function verifyToken(token: string, secret: string, now: Date): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      issuer,
      audience,
      algorithms: ['HS256'],
      currentDate: now,
    })
    if (!payload.sub) throw new AppError('UNAUTHENTICATED')
    return payload.sub
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new AppError('TOKEN_EXPIRED')
    if (err instanceof AppError) throw err
    throw new AppError('UNAUTHENTICATED', '登录凭证无效，请重新登录')
  }
}
