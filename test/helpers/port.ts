import { createServer } from 'node:net'

/**
 * A port nothing listens on now, chosen by the operating system. A random guess in a range can
 * land on a service the machine already runs (4369 is Erlang's port mapper on the CI machine).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port ? resolve(port) : reject(new Error('no port given'))))
    })
  })
}
