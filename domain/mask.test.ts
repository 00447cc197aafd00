import { describe, expect, it } from 'vitest'
import { maskPhone } from './schemas/me.js'

describe('maskPhone', () => {
  it('keeps only the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
  })
  it('returns null when no phone was given', () => {
    expect(maskPhone(null)).toBeNull()
  })
})
