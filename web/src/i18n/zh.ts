// 中文（默认）。English is in en.ts with the same keys.
export default {
  app: { title: '自然资源动态监测', signOut: '退出', language: 'English' },
  nav: { map: '一张图', duty: '值守台', patches: '图斑核查', workOrders: '工单', dashboard: '统计', cycle: '月度监测', field: '外业核查' },
  signIn: { title: '登录', username: '用户名', password: '密码', submit: '登录', failed: '登录失败' },
  common: {
    save: '保存', cancel: '取消', confirm: '确定', refresh: '刷新', loading: '加载中…', none: '暂无', yes: '是', no: '否',
    deadline: '期限', state: '状态', township: '乡镇', department: '部门', workingGroup: '工作组', time: '时间', type: '类型',
    code: '编号', title: '标题', history: '处理记录', by: '操作人', via: '渠道', overdue: '已超期', dueSoon: '即将到期',
    detail: '详情', actions: '操作', search: '搜索', total: '共 {n} 条', back: '返回', print: '打印工单', all: '全部',
  },
  duty: {
    queue: '待研判事件', newAlerts: '新预警', camera: '摄像头', alerts: '预警次数', priority: '优先级', confidence: '置信度',
    facts: '预判信息', confirm: '确认', falseAlarm: '误报', reason: '误报原因', note: '说明', dispatch: '派发工单',
    dispatchTitle: '派发工单', manual: '人工报警', manualTitle: '人工报警', orders: '在办工单（临期与超期）', place: '位置',
    snapshot: '抓拍', dispatched: '已派发工单 {code}', confirmed: '已确认', dismissed: '已标为误报', empty: '没有待研判的事件',
    live: '实时', offline: '连接中断，正在重连', description: '处置要求',
  },
  facts: {
    county: '区县', township: '乡镇', village: '村', on_farmland: '占用耕地', on_basic_farmland: '占用永久基本农田',
    in_ecological_redline: '位于生态保护红线', in_approved_land: '位于批准用地', in_mining_licence: '位于采矿权范围', licence: '采矿权人',
  },
  orders: {
    board: '工单看板', accept: '签收', feedback: '反馈', feedbackThread: '反馈记录', outcome: '处置结果', body: '反馈内容',
    photos: '照片', position: '位置', acceptedAt: '签收时间', createdAt: '派发时间', closedAt: '办结时间', call: '电话记录',
    callTo: '致电对象', callNote: '通话内容', form: '工单', done: '已完成',
  },
  field: {
    mine: '我的工单', go: '导航', accept: '签收', write: '填写反馈', photo: '拍照', locate: '获取位置', located: '已定位',
    send: '提交反馈', queued: '已保存在本机，联网后自动发送', pending: '待发送 {n} 条', sent: '已发送', none: '暂无待办工单',
    offline: '离线', online: '在线', noPosition: '未获取位置', submit: '核查完毕，提交审核',
  },
  map: {
    coverage: '视频覆盖范围',
    layers: '图层', opacity: '透明度', month: '月份', swipe: '前后对比', identify: '查询', measureLength: '测距', measureArea: '测面',
    clear: '清除', search: '搜索图斑编号、工单编号或行政区名称', before: '前时相', after: '后时相', coordinates: 'CGCS2000 经纬度',
    legend: '图例', noResult: '未找到',
  },
  patches: {
    precheckResult: '初核结论',
    overlay: {
      on_farmland_m2: '占用耕地（m²）', on_basic_farmland_m2: '占用永久基本农田（m²）', outside_approved_m2: '未批先用（m²）',
      against_plan_m2: '不符合规划（m²）', in_mining_licence_m2: '采矿权内（m²）', outside_mining_licence_m2: '越界开采（m²）',
    },
    list: '图斑列表', task: '监测任务', category: '类别', status: '状态', county: '区县', overdueOnly: '仅超期', area: '面积（亩）',
    verificationDue: '核查期限', cameras: '可视摄像头', evidence: '举证照片', overlays: '叠加分析', attributes: '属性',
    precheck: '批量预核', push: '批量推送', selected: '已选 {n} 个',
  },
  dashboard: {
    byCategory: '图斑类别', byStatus: '图斑状态', byTownship: '乡镇分布', onTime: '各部门按期办结率', trend: '月度趋势',
    cameras: '摄像头在线', coverage: '视频覆盖率', patches: '图斑', alerts: '预警', workOrders: '工单',
  },
  cycle: {
    tasks: '监测任务', handIn: '数据汇交', register: '汇交登记', imagery: '影像', reports: '监测报告', schedule: '自动任务',
    task: '任务', period: '期间', before: '前时相', after: '后时相', missing: '未登记', coverage: '覆盖辖区', cloud: '云量',
    extractionDue: '提取期限', evaluation: '质量评价', accuracy: '准确率', pushed: '推送', verified: '已核查', real: '真实变化',
    layer: '图层', month: '月份', file: '文件', submit: '提交', accepted: '已入库，版本 {v}', refused: '未通过：{reason}',
    dueOn: '应交日期', status: '状态', submittedAt: '汇交时间', refusedAttempts: '未通过次数', report: '查看报告',
    kind: '类型', request: '生成报告', requested: '已提交生成', progress: '进度', download: '下载', sensor: '传感器', acquired: '获取日期',
    resolution: '分辨率（米）', job: '任务', due: '到期', outcome: '结果', waiting: '等待',
    path: '或影像目录中的路径', bands: '波段顺序', cloudMask: '云掩膜', orPath: '或其路径', registerImage: '登记影像',
    imageRegistered: '影像 {name} 已登记',
    kinds: { WEEKLY: '即时监测周报', MONTHLY: '月度监测报告', QUARTERLY: '季度监测报告' },
    statuses: { ON_TIME: '按时', LATE: '逾期汇交', OVERDUE: '逾期未交', OPEN: '未到期' },
  },
}
