import * as z from 'zod'

/**
 * Every setting the server reads, parsed once at start. A bad or missing key fails loudly with
 * all problems listed, before the first request.
 */
const DEV_SECRET = 'linli-dev-secret-not-for-production-0000'

const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    VERCEL_ENV: z.enum(['production', 'preview', 'development']).optional(),
    DATABASE_URL: z.string().min(1).optional(),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
    DEV_LOGIN: z.enum(['on', 'off']).optional(),
    WECHAT_APPID: z.string().min(1).optional(),
    WECHAT_SECRET: z.string().min(1).optional(),
    WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
    WECHAT_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(5000),
    CONTENT_CHECK: z.enum(['wechat', 'local']).optional(),
    WECHAT_MSG_TOKEN: z.string().min(3).optional(),
    WECHAT_TEMPLATE_CONCERN: z.string().min(1).optional(),
    WECHAT_TEMPLATE_COUNCIL: z.string().min(1).optional(),
    WECHAT_TEMPLATE_VOTE: z.string().min(1).optional(),
    UPLOAD_DIR: z.string().min(1).default('.data/uploads'),
    BLOB_READ_WRITE_TOKEN: z.string().min(1).optional(),
    CRON_SECRET: z.string().min(16, 'CRON_SECRET must be at least 16 characters').optional(),
    AUTO_CLOSE_DAYS: z.coerce.number().int().min(1).max(60).default(7),
    RATE_LIMIT: z.enum(['on', 'off']).default('on'),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86400).default(3600),
    RATE_LIMIT_USER_SCALE: z.coerce.number().positive().max(10000).default(1),
    RATE_LIMIT_ADDRESS_SCALE: z.coerce.number().positive().max(10000).default(1),
    CLIENT_ADDRESS: z.enum(['socket', 'vercel']).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .transform((e) => {
    const production = e.NODE_ENV === 'production' || e.VERCEL_ENV === 'production' || e.VERCEL_ENV === 'preview'
    return {
      production,
      databaseUrl: e.DATABASE_URL,
      sessionSecret: e.SESSION_SECRET ?? (production ? '' : DEV_SECRET),
      sessionTtlDays: e.SESSION_TTL_DAYS,
      devLogin: e.DEV_LOGIN ? e.DEV_LOGIN === 'on' : !production,
      wechat: {
        appId: e.WECHAT_APPID ?? 'wx-dev-appid',
        secret: e.WECHAT_SECRET ?? 'wx-dev-secret',
        apiBase: e.WECHAT_API_BASE.replace(/\/$/, ''),
        timeoutMs: e.WECHAT_TIMEOUT_MS,
      },
      contentCheck: e.CONTENT_CHECK ?? (production ? 'wechat' : 'local'),
      wechatMsgToken: e.WECHAT_MSG_TOKEN ?? null,
      subscribeTemplateConcern: e.WECHAT_TEMPLATE_CONCERN ?? 'dev-template-concern-status',
      subscribeTemplateCouncil: e.WECHAT_TEMPLATE_COUNCIL ?? 'dev-template-council-session',
      subscribeTemplateVote: e.WECHAT_TEMPLATE_VOTE ?? 'dev-template-vote',
      uploadDir: e.UPLOAD_DIR,
      blobToken: e.BLOB_READ_WRITE_TOKEN ?? null,
      cronSecret: e.CRON_SECRET ?? null,
      autoCloseDays: e.AUTO_CLOSE_DAYS,
      logLevel: e.LOG_LEVEL,
      /** Per-user and per-address limits on writes (functions/http/rate-limit.ts has the base numbers). */
      rateLimit: {
        enabled: e.RATE_LIMIT === 'on',
        windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
        userScale: e.RATE_LIMIT_USER_SCALE,
        addressScale: e.RATE_LIMIT_ADDRESS_SCALE,
      },
      /**
       * Where the client's address comes from: `vercel` trusts the first hop of the headers Vercel's
       * edge sets (x-vercel-forwarded-for, then x-forwarded-for); `socket` uses the TCP peer, since
       * anyone can send those headers to a server that is not behind Vercel.
       */
      clientAddress: e.CLIENT_ADDRESS ?? (e.VERCEL_ENV ? 'vercel' : 'socket'),
      /** Raw flags kept only to explain a refusal below. */
      given: {
        sessionSecret: !!e.SESSION_SECRET,
        devLogin: e.DEV_LOGIN,
        appId: !!e.WECHAT_APPID,
        secret: !!e.WECHAT_SECRET,
        db: !!e.DATABASE_URL,
      },
    }
  })
  .superRefine((c, ctx) => {
    if (!c.production) return
    if (!c.given.sessionSecret) ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'required in production' })
    if (c.devLogin) ctx.addIssue({ code: 'custom', path: ['DEV_LOGIN'], message: 'dev login must be off in production' })
    if (!c.given.appId) ctx.addIssue({ code: 'custom', path: ['WECHAT_APPID'], message: 'required in production' })
    if (!c.given.secret) ctx.addIssue({ code: 'custom', path: ['WECHAT_SECRET'], message: 'required in production' })
    if (!c.given.db) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'required in production (Neon)' })
    if (!c.blobToken)
      ctx.addIssue({ code: 'custom', path: ['BLOB_READ_WRITE_TOKEN'], message: 'required in production (photos go to Vercel Blob)' })
    if (!c.cronSecret)
      ctx.addIssue({ code: 'custom', path: ['CRON_SECRET'], message: 'required in production (Vercel Cron authenticates with it)' })
    if (c.contentCheck !== 'wechat') ctx.addIssue({ code: 'custom', path: ['CONTENT_CHECK'], message: 'must be wechat in production' })
  })

export type Config = z.output<typeof Env>

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`)
    throw new ConfigError(`Linli cannot start, the configuration is invalid:\n${lines.join('\n')}`)
  }
  return parsed.data
}
