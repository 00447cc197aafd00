import { useCallback, useRef, useState } from 'react'
import { ApiError } from './client'

export interface MutationResult<I, O> {
  /** Run the call. Resolves with the reply, or `undefined` when it failed (see `error`). */
  mutate: (input: I) => Promise<O | undefined>
  /** Same, but rejects with the ApiError (for callers that branch on `status`/`code`). */
  mutateAsync: (input: I) => Promise<O>
  loading: boolean
  error: ApiError | undefined
  reset: () => void
}

/** A write: tracks loading and the last error; ignores a second tap while the first is running. */
export function useMutation<I, O>(
  call: (input: I) => Promise<O>,
  options: { onSuccess?: (data: O, input: I) => void } = {},
): MutationResult<I, O> {
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ApiError>()
  const running = useRef(false)
  const latest = useRef({ call, options })
  latest.current = { call, options }

  const mutateAsync = useCallback(async (input: I) => {
    if (running.current) throw new ApiError(0, { code: 'BUSY', message: '' })
    running.current = true
    setLoading(true)
    setError(undefined)
    try {
      const data = await latest.current.call(input)
      latest.current.options.onSuccess?.(data, input)
      return data
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(0, { code: 'CLIENT_ERROR', message: String(err) })
      setError(error)
      throw error
    } finally {
      running.current = false
      setLoading(false)
    }
  }, [])

  const mutate = useCallback((input: I) => mutateAsync(input).catch(() => undefined), [mutateAsync])

  const reset = useCallback(() => setError(undefined), [])
  return { mutate, mutateAsync, loading, error, reset }
}
