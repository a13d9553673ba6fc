import { createI18n } from 'vue-i18n'
import zh from './zh'
import en from './en'

export type Language = 'zh' | 'en'

const saved = (localStorage.getItem('terrawatch.language') as Language | null) ?? 'zh'

export const i18n = createI18n({ legacy: false, locale: saved, fallbackLocale: 'zh', messages: { zh, en } })

export function setLanguage(language: Language) {
  i18n.global.locale.value = language
  localStorage.setItem('terrawatch.language', language)
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en'
}
