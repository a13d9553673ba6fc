// Times as the bureau reads them: Beijing time, to the minute.
const minute = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
})

export function when(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : minute.format(date).replace(/\//g, '-')
}

export function day(iso: string | null | undefined): string {
  return when(iso).slice(0, 10)
}
