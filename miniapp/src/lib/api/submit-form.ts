import { ApiError } from './client'
import { fieldErrorsOf } from './field-errors'

/**
 * Sends a form: a refusal naming fields goes to those fields (the first part of each path), any
 * other refusal to the form's own error line.
 */
export async function submitForm<F extends string>(
  fields: readonly F[],
  send: () => Promise<unknown>,
  show: { fields: (errors: Partial<Record<F, string>>) => void; error: (message: string | undefined) => void },
) {
  show.error(undefined)
  try {
    await send()
  } catch (err) {
    if (!(err instanceof ApiError)) return
    const found = fieldErrorsOf(err, (p) => fields.find((f) => p.split('.')[0] === f) ?? null)
    if (Object.keys(found).length) show.fields(found)
    else show.error(err.message)
  }
}
