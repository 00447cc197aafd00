import type { ApiError } from './client'

interface ErrorDetails {
  /** 400 VALIDATION_FAILED: one entry per zod issue, `path` like `place.text`. */
  fields?: Array<{ path?: string; message?: string }>
  /** A lifecycle refusal names the one missing input (`reason`, `note`, `photos`…). */
  field?: string
}

/**
 * The server's field errors as `{ field: message }` for a form, through `fieldOf`, which maps a
 * path (`place.text`) to the form's own field name (or null for fields the form does not show).
 */
export function fieldErrorsOf<K extends string>(error: ApiError, fieldOf: (path: string) => K | null): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {}
  const details = (error.details ?? {}) as ErrorDetails
  for (const f of details.fields ?? []) {
    const field = fieldOf(f.path ?? '')
    if (field && !out[field]) out[field] = f.message || error.message
  }
  if (details.field) {
    const field = fieldOf(details.field)
    if (field && !out[field]) out[field] = error.message
  }
  return out
}
