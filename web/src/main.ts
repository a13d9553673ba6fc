import { createApp } from 'vue'
import { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import 'ol/ol.css'
import './style.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { useElements } from './elements'

const app = createApp(App).use(i18n).use(router)
useElements(app)
// What a page could not do is said to the user in the server's own words, not only written to the console.
app.config.errorHandler = (error) => { ElMessage.error((error as Error)?.message ?? String(error)) }
window.addEventListener('unhandledrejection', (event) => {
  ElMessage.error((event.reason as Error)?.message ?? String(event.reason))
  event.preventDefault()
})
app.mount('#app')
