import { useState } from 'react'

export type FieldErrors<F extends string> = Partial<Record<F, string>>

/**
 * A form's field errors, `{ field: message }`. `answeredBy` names one field whose error goes away
 * by itself as soon as `state` changes — a photo added, retried or removed answers 「照片没传上去」.
 * (React's "adjust state while rendering" pattern: no effect, no extra render pass on screen.)
 */
export function useFieldErrors<F extends string>(answeredBy: { field: F; state: string }) {
  const [errors, setErrors] = useState<FieldErrors<F>>({})
  const [seen, setSeen] = useState(answeredBy.state)
  if (seen !== answeredBy.state) {
    setSeen(answeredBy.state)
    if (errors[answeredBy.field]) setErrors((e) => ({ ...e, [answeredBy.field]: undefined }))
  }
  const clearError = (field: F) => {
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
  }
  return { errors, setErrors, clearError }
}
