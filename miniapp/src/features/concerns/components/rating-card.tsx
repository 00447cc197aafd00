import { View, Text, Button, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { isUnsatisfied } from '@domain/concerns/lifecycle.js'
import { RATING_COMMENT_MAX } from '@domain/limits.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { useRateConcern } from '../api/rate-concern'
import { RatingStars } from './rating-stars'
import './rating.scss'

/** The author closes the loop: 1–5 stars, solved or not, a comment. */
export function RatingCard({ concernId }: { concernId: string }) {
  const [stars, setStars] = useState(0)
  const [solved, setSolved] = useState<boolean>()
  const [comment, setComment] = useState('')
  const [hint, setHint] = useState<string>()
  const rate = useRateConcern()

  async function submit() {
    if (stars < 1) {
      setHint(t.rating.pickStars)
      return
    }
    const done = await rate.mutate({
      concernId,
      body: { rating: stars, solved: solved ?? true, comment: comment.trim() || undefined },
    })
    if (done) void Taro.showToast({ title: t.rating.done, icon: 'success' })
  }

  const reopens = stars > 0 && isUnsatisfied({ rating: stars, solved })

  return (
    <View className='card rating-card' data-testid='rating-card'>
      <Text className='rating-card__title'>{t.rating.title}</Text>
      <Text className='rating-card__desc'>{t.rating.desc}</Text>

      <View className='rating-card__stars'>
        <RatingStars
          value={stars}
          onChange={(n) => {
            setStars(n)
            setHint(undefined)
          }}
        />
        <Text className='rating-card__star-text'>{stars > 0 ? t.rating.stars[stars - 1] : ' '}</Text>
      </View>

      <Text className='rating-card__question'>{t.rating.solvedQuestion}</Text>
      <View className='rating-card__solved'>
        {([true, false] as const).map((value) => (
          <View
            key={String(value)}
            className={cx('rating-choice', solved === value && 'rating-choice--active')}
            hoverClass='chip--hover'
            data-testid={value ? 'rating-solved' : 'rating-unsolved'}
            onClick={() => setSolved(value)}
            {...a11y({ role: 'button', pressed: solved === value })}
          >
            <Icon name={value ? 'checkCircle' : 'xCircle'} size={40} color={solved === value ? colors.brand : colors.text3} />
            <Text className='rating-choice__text'>{value ? t.rating.solved : t.rating.unsolved}</Text>
          </View>
        ))}
      </View>

      <Text className='rating-card__question'>{t.rating.comment}</Text>
      <Textarea
        className='textarea textarea--short'
        data-testid='rating-comment'
        value={comment}
        maxlength={RATING_COMMENT_MAX}
        placeholder={t.rating.commentPlaceholder}
        placeholderClass='textarea__placeholder'
        onInput={(e) => setComment(e.detail.value)}
      />
      <View className='textarea__meta'>
        <Text>{t.common.chars(comment.length, RATING_COMMENT_MAX)}</Text>
      </View>

      {reopens ? (
        <View className='rating-card__reopen'>
          <Icon name='info' size={32} color={colors.warning} />
          <Text>{t.rating.reopenHint}</Text>
        </View>
      ) : null}
      {hint ? (
        <View className='field__error'>
          <Icon name='alert' size={32} color={colors.danger} />
          <Text>{hint}</Text>
        </View>
      ) : null}

      <Button
        className='btn btn--primary btn--block rating-card__submit'
        hoverClass='btn--hover'
        data-testid='rating-submit'
        disabled={rate.loading}
        onClick={() => void submit()}
      >
        {rate.loading ? t.common.submitting : t.rating.submit}
      </Button>
    </View>
  )
}
