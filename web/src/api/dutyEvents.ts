// The duty desk's live stream (Server-Sent Events at /api/duty/events): the browser reconnects by itself; a page
// hears "alert" and "incident" events and whether the stream is open.
import { onBeforeUnmount, ref } from 'vue'

export interface DutyEvent {
  kind: 'alert' | 'incident'
  id: number
  action: string
  externalId: string
  at: string
}

export function useDutyEvents(listener: (event: DutyEvent) => void) {
  const open = ref(false)
  const source = new EventSource('/api/duty/events', { withCredentials: true })
  source.addEventListener('hello', () => { open.value = true })
  source.onerror = () => { open.value = source.readyState === EventSource.OPEN }
  for (const kind of ['alert', 'incident'] as const) {
    source.addEventListener(kind, (message) => {
      open.value = true
      listener({ kind, ...JSON.parse((message as MessageEvent).data) })
    })
  }
  onBeforeUnmount(() => source.close())
  return { open }
}

/** A short two-tone chime for a new alert (Web Audio: nothing to download, allowed once the officer has clicked). */
export function chime() {
  try {
    const audio = new AudioContext()
    for (const [index, frequency] of [880, 1320].entries()) {
      const tone = audio.createOscillator()
      const gain = audio.createGain()
      tone.frequency.value = frequency
      gain.gain.setValueAtTime(0.15, audio.currentTime + index * 0.18)
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + index * 0.18 + 0.16)
      tone.connect(gain).connect(audio.destination)
      tone.start(audio.currentTime + index * 0.18)
      tone.stop(audio.currentTime + index * 0.18 + 0.17)
    }
    setTimeout(() => audio.close(), 600)
  } catch {
    // no sound device: the badge still tells
  }
}
