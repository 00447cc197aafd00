import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.js'

const prod = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://u:p@ep-x.neon.tech/linli',
  SESSION_SECRET: 's'.repeat(40),
  WECHAT_APPID: 'wx123',
  WECHAT_SECRET: 'sec',
  BLOB_READ_WRITE_TOKEN: 'vercel_blob_rw_x',
  CRON_SECRET: 'c'.repeat(20),
}

describe('configuration', () => {
  it('runs locally with no settings at all: embedded database, dev login on', () => {
    const c = loadConfig({})
    expect(c.production).toBe(false)
    expect(c.devLogin).toBe(true)
    expect(c.databaseUrl).toBeUndefined()
    expect(c.wechat.apiBase).toBe('https://api.weixin.qq.com')
  })

  it('accepts a complete production configuration with dev login off', () => {
    const c = loadConfig(prod)
    expect(c.production).toBe(true)
    expect(c.devLogin).toBe(false)
  })

  it('refuses production without a session secret, naming every missing key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET[\s\S]*WECHAT_APPID[\s\S]*WECHAT_SECRET[\s\S]*DATABASE_URL/)
  })

  it('refuses production with the dev login switched on', () => {
    expect(() => loadConfig({ ...prod, DEV_LOGIN: 'on' })).toThrow(/DEV_LOGIN/)
  })

  it('refuses production without photo storage, a cron secret, or with local content checks', () => {
    const { BLOB_READ_WRITE_TOKEN: _b, CRON_SECRET: _c, ...rest } = prod
    expect(() => loadConfig(rest)).toThrow(/BLOB_READ_WRITE_TOKEN[\s\S]*CRON_SECRET/)
    expect(() => loadConfig({ ...prod, CONTENT_CHECK: 'local' })).toThrow(/CONTENT_CHECK/)
  })

  it('treats a Vercel preview as production', () => {
    expect(() => loadConfig({ VERCEL_ENV: 'preview' })).toThrow(/SESSION_SECRET/)
  })

  it('refuses a short secret and a malformed WeChat address', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/)
    expect(() => loadConfig({ WECHAT_API_BASE: 'not a url' })).toThrow(/WECHAT_API_BASE/)
  })
})
