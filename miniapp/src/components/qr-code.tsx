import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo } from 'react'
import { a11y } from '@/lib/a11y'
import { qrSvg } from '@/lib/qr'
import { svgDataUri } from './icon'

/** A QR code of `value`, drawn as an SVG background (no canvas, the same in weapp and h5). */
export function QrCode({ value, size = 440, label, testId }: { value: string; size?: number; label?: string; testId?: string }) {
  const uri = useMemo(() => svgDataUri(qrSvg(value)), [value])
  const edge = Taro.pxTransform(size)
  return (
    <View
      className='qr-code'
      data-testid={testId}
      data-value={value}
      {...a11y({ role: 'img', label })}
      style={{ width: edge, height: edge, backgroundImage: `url("${uri}")`, backgroundSize: '100% 100%', backgroundRepeat: 'no-repeat' }}
    />
  )
}
