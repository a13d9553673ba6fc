import type { Transition } from '../api/types'

// The workflows' transitions are named by the server in Chinese; in English the same transition by its name.
const english: Record<string, string> = {
  accept: 'Accept', report: 'Report', return: 'Return', close: 'Close', reopen: 'Reopen', confirm: 'Confirm', exclude: 'Exclude',
  handle: 'Handled', precheck: 'Pre-check', push: 'Push', verify: 'Report verification',
}

export function transitionLabel(transition: Transition, language: string): string {
  return language === 'en' ? english[transition.transition] ?? transition.transition : transition.label
}
