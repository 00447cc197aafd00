import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for api.weixin.qq.com on loopback, speaking the same protocols:
 * - jscode2session: codes starting with `ok-` map to openid `o_<rest>`; `used-` codes answer
 *   40163; anything else 40029;
 * - cgi-bin/token: a token; msg_sec_check v2: `risky` for text containing 违禁, `review` for 待定,
 *   else `pass`; media_check_async: a trace id; subscribe/send: ok, or 43101 for openid
 *   `o_refuser` (never subscribed);
 *   a value breaking WeChat's limits (thing > 20 characters, phrase > 5 or not Chinese, time not
 *   like 2026年11月22日 19:30) answers 47003 as WeChat does;
 * - `setDown(true)` answers 503 like an outage, `setDelay(ms)` answers late; `calls` records every
 *   request with its body.
 */
export async function startFakeWechat() {
  let down = false
  let delayMs = 0
  const calls: { path: string; query: Record<string, string>; body: Record<string, unknown> | null }[] = []
  let traces = 0
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let raw = ''
    for await (const chunk of req) raw += chunk
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null
    calls.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), body })
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs))
    if (down) {
      res.writeHead(503).end('Service Unavailable')
      return
    }
    res.setHeader('content-type', 'application/json')
    if (url.pathname === '/cgi-bin/token') {
      res.end(JSON.stringify({ access_token: 'FAKE_ACCESS_TOKEN', expires_in: 7200 }))
      return
    }
    if (url.pathname.startsWith('/wxa/') || url.pathname.startsWith('/cgi-bin/message/')) {
      if (url.searchParams.get('access_token') !== 'FAKE_ACCESS_TOKEN') {
        res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }))
        return
      }
    }
    if (url.pathname === '/wxa/msg_sec_check') {
      const content = String(body?.content ?? '')
      const suggest = content.includes('违禁') ? 'risky' : content.includes('待定') ? 'review' : 'pass'
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20001 } }))
      return
    }
    if (url.pathname === '/wxa/media_check_async') {
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', trace_id: `trace-${++traces}` }))
      return
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      const refused = body?.touser === 'o_refuser'
      const invalid = invalidSubscribeData(body?.data as Record<string, { value: string }> | undefined)
      res.end(
        JSON.stringify(
          invalid
            ? { errcode: 47003, errmsg: `argument invalid! data.${invalid}` }
            : refused
              ? { errcode: 43101, errmsg: 'user refuse to accept the msg' }
              : { errcode: 0, errmsg: 'ok' },
        ),
      )
      return
    }
    if (url.pathname !== '/sns/jscode2session') {
      res.end(JSON.stringify({ errcode: 40066, errmsg: 'invalid url' }))
      return
    }
    const code = url.searchParams.get('js_code') ?? ''
    if (code.startsWith('ok-')) {
      res.end(JSON.stringify({ openid: `o_${code.slice(3)}`, session_key: 'SECRET-SESSION-KEY', unionid: `u_${code.slice(3)}` }))
    } else if (code.startsWith('used-')) {
      res.end(JSON.stringify({ errcode: 40163, errmsg: 'code been used' }))
    } else {
      res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }))
    }
  })
  // Node closes an idle keep-alive socket after 5 s; a client reusing it at that moment gets a reset
  // (a TypeError from fetch). WeChat's servers keep connections far longer, so the fake does too.
  server.keepAliveTimeout = 120_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    calls,
    setDown(value: boolean) {
      down = value
    },
    /** Answers every request this many milliseconds late (0: at once), like an overloaded WeChat. */
    setDelay(ms: number) {
      delayMs = ms
    },
    /** Stops at once: the long keep-alive would otherwise hold `close` for two minutes. */
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** The first template value WeChat would refuse, by the type its key names. */
function invalidSubscribeData(data: Record<string, { value: string }> | undefined): string | null {
  for (const [key, { value }] of Object.entries(data ?? {})) {
    const n = [...value].length
    if (key.startsWith('thing') && (n === 0 || n > 20)) return key
    if (key.startsWith('phrase') && (n === 0 || n > 5 || !/^[\u4e00-\u9fa5]+$/.test(value))) return key
    if (key.startsWith('character_string') && (n === 0 || n > 32)) return key
    if (key.startsWith('time') && !/^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{2}:\d{2}$/.test(value)) return key
  }
  return null
}
