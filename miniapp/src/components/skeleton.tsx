import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { cx } from '@/lib/format'

interface BoxProps {
  width?: number | string
  height?: number
  circle?: boolean
  className?: string
}

/** One grey shimmering block; sizes in design px (or a % string for width). */
export function SkeletonBox({ width = '100%', height = 28, circle, className }: BoxProps) {
  return (
    <View
      className={cx('skeleton', circle && 'skeleton--circle', className)}
      style={{
        width: typeof width === 'number' ? Taro.pxTransform(width) : width,
        height: Taro.pxTransform(height),
      }}
    />
  )
}

/** A card-shaped placeholder: optional avatar, a title and `lines` lines of text. */
export function SkeletonCard({ lines = 2, avatar = false }: { lines?: number; avatar?: boolean }) {
  return (
    <View className='card' aria-hidden>
      <View className='skeleton-row'>
        {avatar ? <SkeletonBox width={80} height={80} circle className='skeleton-avatar' /> : null}
        <View style={{ flex: 1, marginLeft: avatar ? Taro.pxTransform(24) : 0 }}>
          <SkeletonBox width='55%' height={36} />
          {Array.from({ length: lines }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines, all alike, never reordered
            <SkeletonBox key={i} width={i === lines - 1 ? '70%' : '100%'} className='skeleton--line' />
          ))}
        </View>
      </View>
    </View>
  )
}

export function SkeletonList({ count = 3, lines = 2, avatar = false }: { count?: number; lines?: number; avatar?: boolean }) {
  return (
    <View data-testid='skeleton'>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cards, all alike, never reordered
        <SkeletonCard key={i} lines={lines} avatar={avatar} />
      ))}
    </View>
  )
}
