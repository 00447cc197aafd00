import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { type PlaceDraft, placeTextOf } from './raise-form'

/**
 * Where the concern is: the resident's own home by default (when they have one here), a
 * building, or a public place typed or picked on the map. `onChange` answers the place's error.
 */
export function usePlace(firstHousehold: string | undefined, onChange: () => void) {
  const [place, setPlace] = useState<PlaceDraft>({ text: '' })

  // Default place: the resident's own verified home, when there is exactly one choice to make.
  useEffect(() => {
    if (!firstHousehold) return
    setPlace((p) => (p.kind ? p : { ...p, kind: 'household', householdId: firstHousehold }))
  }, [firstHousehold])

  function changePlace(next: Partial<PlaceDraft>) {
    setPlace((p) => ({ ...p, ...next }))
    onChange()
  }

  async function chooseLocation() {
    try {
      const loc = await Taro.chooseLocation({})
      changePlace({ text: placeTextOf(loc), point: { latitude: loc.latitude, longitude: loc.longitude } })
    } catch {
      // cancelled, or location not authorised: the text field still works
    }
  }

  return { place, changePlace, chooseLocation }
}
