import pino from 'pino'

/** Structured JSON logs; secrets and personal data are redacted wherever they appear. */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'linli-api' },
    redact: {
      paths: ['*.phone', '*.token', '*.session_key', '*.secret', 'req.headers.authorization', '*.code'],
      censor: '[redacted]',
    },
  })
}
