import { Button, Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { ConcernDetailData } from '@/features/concerns/api/get-concern'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { switchToTab } from '@/lib/routes'
import { askToSubscribe } from '@/lib/subscribe'
import { isWeapp } from './use-concern-page'

interface Props {
  concern: ConcernDetailData
  /** Someone else's concern that is still open: 附议 can be given or withdrawn. */
  canCosign: boolean
  shareable: boolean
  cosignBusy: boolean
  followBusy: boolean
  onCosign: (on: boolean) => void
  onFollow: (on: boolean) => void
}

/** 附议 with its count, 关注 (asking for the subscribe message first), and sharing in WeChat. */
export function ConcernActions({ concern: c, canCosign, shareable, cosignBusy, followBusy, onCosign, onFollow }: Props) {
  return (
    <View className='card detail-actions' data-testid='concern-actions'>
      <View
        className={cx('detail-action', c.viewer.cosigned && 'detail-action--on', !canCosign && 'detail-action--static')}
        hoverClass={canCosign ? 'detail-action--hover' : 'none'}
        onClick={canCosign && !cosignBusy ? () => onCosign(!c.viewer.cosigned) : undefined}
        data-testid='cosign-button'
        data-active={c.viewer.cosigned ? 'true' : 'false'}
        {...a11y({ role: canCosign ? 'button' : undefined, pressed: canCosign ? c.viewer.cosigned : undefined })}
      >
        <Icon name='thumbsUp' size={44} color={c.viewer.cosigned ? colors.white : colors.brand} />
        <Text className='detail-action__text'>
          {canCosign ? (c.viewer.cosigned ? t.detail.cosigned : t.detail.cosign) : t.detail.cosign}
        </Text>
        <Text className='detail-action__count' data-testid='cosign-count'>
          {c.cosignCount}
        </Text>
      </View>
      <View
        className={cx('detail-action', 'detail-action--follow', c.viewer.following && 'detail-action--following')}
        hoverClass='detail-action--hover'
        onClick={
          followBusy
            ? undefined
            : () => {
                if (!c.viewer.following) askToSubscribe('concern')
                onFollow(!c.viewer.following)
              }
        }
        data-testid='follow-button'
        data-active={c.viewer.following ? 'true' : 'false'}
        {...a11y({ role: 'button', pressed: c.viewer.following })}
      >
        <Icon name={c.viewer.following ? 'check' : 'eye'} size={44} color={c.viewer.following ? colors.success : colors.text2} />
        <Text className='detail-action__text'>{c.viewer.following ? t.detail.following : t.detail.follow}</Text>
      </View>
      {isWeapp && shareable ? (
        <Button className='detail-share' openType='share' hoverClass='detail-action--hover' {...a11y({ label: t.detail.share })}>
          <Icon name='share' size={44} color={colors.text2} />
        </Button>
      ) : null}
    </View>
  )
}

/**
 * Shown once after raising: the concern's number, then where to go — read it here (the notice
 * folds away) or back to 首页 (the form is gone from the page stack, so 返回 alone would not do).
 */
export function CreatedNotice({ publicNo, onClose }: { publicNo: string; onClose: () => void }) {
  return (
    <View className='notice notice--brand detail-created' data-testid='concern-created'>
      <View className='detail-created__head'>
        <Icon name='checkCircle' size={48} color={colors.success} />
        <View className='notice__body'>
          <View className='notice__title'>{t.raise.created}</View>
          <View className='notice__desc'>{t.raise.createdDesc(publicNo)}</View>
        </View>
      </View>
      <View className='btn-row detail-created__actions'>
        <Button className='btn btn--outline btn--small' hoverClass='btn--hover' data-testid='created-view' onClick={onClose}>
          {t.raise.createdView}
        </Button>
        <Button
          className='btn btn--plain btn--small'
          hoverClass='btn--hover'
          data-testid='created-home'
          onClick={() => void switchToTab('home')}
        >
          {t.raise.createdHome}
        </Button>
      </View>
    </View>
  )
}
