// The Element Plus components the pages use, registered by name: only these are bundled (the whole library is twice
// the size). A page that needs another adds it here. Some (ElRadioButton, ElTableColumn, ElOption ...) are registered
// by their parent's install (ElRadio, ElTable, ElSelect ...), so the parent must be listed.
import type { App } from 'vue'
import {
  ElAlert, ElBadge, ElButton, ElCard, ElCheckbox, ElConfigProvider, ElContainer, ElDescriptions, ElDescriptionsItem, ElDialog,
  ElForm, ElFormItem, ElHeader, ElIcon, ElInput, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination, ElRadio, ElRadioButton,
  ElProgress, ElRadioGroup, ElSelect, ElSlider, ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem,
} from 'element-plus'

const components = [
  ElAlert, ElBadge, ElButton, ElCard, ElCheckbox, ElConfigProvider, ElContainer, ElDescriptions, ElDescriptionsItem, ElDialog,
  ElForm, ElFormItem, ElHeader, ElIcon, ElInput, ElMain, ElMenu, ElMenuItem, ElOption, ElPagination, ElRadio, ElRadioButton,
  ElProgress, ElRadioGroup, ElSelect, ElSlider, ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem,
]

export function useElements(app: App) {
  for (const component of components) app.use(component)
}
