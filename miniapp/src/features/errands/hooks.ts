import Taro from '@tarojs/taro'
import { useMutation } from '@/lib/api/use-mutation'
import { errandStep, refreshErrands } from './api/errands'

/** The steps of an errand (接单, 已办好, 取消, 确认完成), each asked once more in a dialog when it cannot be undone. */
export function useErrandSteps() {
  const step = useMutation(errandStep, { onSuccess: () => refreshErrands() })
  async function take(input: Parameters<typeof errandStep>[0], ask?: string, toast?: string) {
    if (ask) {
      const { confirm } = await Taro.showModal({ title: ask, confirmText: '确定', cancelText: '再想想' })
      if (!confirm) return
    }
    await step.mutateAsync(input)
    if (toast) void Taro.showToast({ title: toast, icon: 'none' })
  }
  return { take, loading: step.loading }
}
