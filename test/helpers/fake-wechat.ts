import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for api.weixin.qq.com on loopback, speaking the same jscode2session protocol:
 * codes starting with `ok-` map to openid `o_<rest>`; `used-` codes answer 40163; anything else
 * 40029. `setDown(true)` makes it answer 503 like an outage; `calls` records what was asked.
 */
export async function startFakeWechat() {
  let down = false
  const calls: { path: string; query: Record<string, string> }[] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    calls.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) })
    if (down) {
      res.writeHead(503).end('Service Unavailable')
      return
    }
    res.setHeader('content-type', 'application/json')
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    calls,
    setDown(value: boolean) {
      down = value
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
