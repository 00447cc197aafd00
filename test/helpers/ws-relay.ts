import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'

/**
 * A WebSocket-to-TCP relay on loopback, standing in for Neon's proxy: each WebSocket connection
 * becomes one TCP connection to the PostgreSQL server named in `?address=host:port`, bytes passed
 * through both ways. This lets the production Neon driver run against the local server in CI.
 */
export async function startWsRelay() {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  let connections = 0
  wss.on('connection', (socket, req) => {
    connections++
    const address = new URL(req.url ?? '/', 'http://relay').searchParams.get('address') ?? '127.0.0.1:5432'
    const [host, port] = address.split(':')
    const tcp = connect({ host, port: Number(port) })
    socket.on('message', (data) => tcp.write(data as Buffer))
    tcp.on('data', (chunk) => socket.readyState === socket.OPEN && socket.send(chunk))
    socket.on('close', () => tcp.end())
    tcp.on('close', () => socket.close())
    tcp.on('error', () => socket.close())
    socket.on('error', () => tcp.destroy())
  })
  await new Promise<void>((resolve) => wss.once('listening', resolve))
  const { port } = wss.address() as AddressInfo
  return {
    /** What `neonConfig.wsProxy` returns for a host and port. */
    proxy: (host: string, pgPort: number | string) => `127.0.0.1:${port}/v1?address=${host}:${pgPort}`,
    get connections() {
      return connections
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close(() => resolve())
      }),
  }
}
