import type zh from './zh'

// English, with the keys of zh.ts (the type checker keeps the two complete).
const en: typeof zh = {
  app: { title: 'Natural-resource monitoring', signOut: 'Sign out', language: '中文' },
  nav: { map: 'Map', duty: 'Duty desk', patches: 'Patches', workOrders: 'Work orders', dashboard: 'Dashboard', cycle: 'Monthly cycle', field: 'Field' },
  signIn: { title: 'Sign in', username: 'User name', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed' },
  common: {
    save: 'Save', cancel: 'Cancel', confirm: 'OK', refresh: 'Refresh', loading: 'Loading…', none: 'None', yes: 'Yes', no: 'No',
    deadline: 'Deadline', state: 'State', township: 'Township', department: 'Department', workingGroup: 'Working group', time: 'Time',
    type: 'Type', code: 'Code', title: 'Title', history: 'History', by: 'By', via: 'Via', overdue: 'Overdue', dueSoon: 'Due soon',
    detail: 'Detail', actions: 'Actions', search: 'Search', total: '{n} in all', back: 'Back', print: 'Print form', all: 'All',
  },
  duty: {
    queue: 'Incidents to screen', newAlerts: 'New alerts', camera: 'Camera', alerts: 'Alerts', priority: 'Priority',
    confidence: 'Confidence', facts: 'Pre-judgement', confirm: 'Confirm', falseAlarm: 'False alarm', reason: 'Reason', note: 'Note',
    dispatch: 'Dispatch', dispatchTitle: 'Dispatch a work order', manual: 'Manual alert', manualTitle: 'Raise a manual alert',
    orders: 'Open orders (due soon and overdue)', place: 'Place', snapshot: 'Snapshot', dispatched: 'Work order {code} dispatched',
    confirmed: 'Confirmed', dismissed: 'Marked a false alarm', empty: 'Nothing to screen', live: 'Live',
    offline: 'Connection lost, reconnecting', description: 'Instructions',
  },
  facts: {
    county: 'County', township: 'Township', village: 'Village', on_farmland: 'On farmland', on_basic_farmland: 'On basic farmland',
    in_ecological_redline: 'In the ecological red line', in_approved_land: 'In approved land', in_mining_licence: 'In a mining licence',
    licence: 'Licence holder',
  },
  orders: {
    board: 'Board', accept: 'Accept', feedback: 'Feedback', feedbackThread: 'Reports', outcome: 'Outcome', body: 'Report',
    photos: 'Photos', position: 'Position', acceptedAt: 'Accepted', createdAt: 'Dispatched', closedAt: 'Closed', call: 'Phone call',
    callTo: 'Called', callNote: 'What was said', form: 'Form', done: 'Done',
  },
  field: {
    mine: 'My work orders', go: 'Navigate', accept: 'Accept', write: 'Write a report', photo: 'Photo', locate: 'Get position',
    located: 'Position taken', send: 'Send report', queued: 'Kept on this phone; sent when the network returns',
    pending: '{n} waiting to be sent', sent: 'Sent', none: 'No open work orders', offline: 'Offline', online: 'Online',
    submit: 'Done: submit for review',
    noPosition: 'No position yet',
  },
  map: {
    coverage: 'What the cameras see',
    layers: 'Layers', opacity: 'Opacity', month: 'Month', swipe: 'Before / after', identify: 'Identify', measureLength: 'Distance',
    measureArea: 'Area', clear: 'Clear', search: 'Patch code, work-order code or place name', before: 'Before', after: 'After',
    coordinates: 'CGCS2000 lon/lat', legend: 'Legend', noResult: 'Not found',
  },
  patches: {
    precheckResult: 'Pre-check',
    overlay: {
      on_farmland_m2: 'On farmland (m²)', on_basic_farmland_m2: 'On basic farmland (m²)', outside_approved_m2: 'Outside approved land (m²)',
      against_plan_m2: 'Against the plan (m²)', in_mining_licence_m2: 'In a mining licence (m²)', outside_mining_licence_m2: 'Outside mining licences (m²)',
    },
    list: 'Patches', task: 'Task', category: 'Category', status: 'Status', county: 'County', overdueOnly: 'Overdue only',
    area: 'Area (mu)', verificationDue: 'Verify by', cameras: 'Cameras that see it', evidence: 'Evidence photos', overlays: 'Overlays',
    attributes: 'Attributes', precheck: 'Pre-check selected', push: 'Push selected', selected: '{n} selected',
  },
  dashboard: {
    byCategory: 'By category', byStatus: 'By status', byTownship: 'By township', onTime: 'On time by department',
    trend: 'Month by month', cameras: 'Cameras online', coverage: 'Video coverage', patches: 'Patches', alerts: 'Alerts',
    workOrders: 'Work orders',
  },
  cycle: {
    tasks: 'Monitoring tasks', handIn: 'Hand in data', register: 'Register', imagery: 'Imagery', reports: 'Reports', schedule: 'Calendar',
    task: 'Task', period: 'Period', before: 'Before', after: 'After', missing: 'not registered', coverage: 'Covers', cloud: 'Cloud',
    extractionDue: 'Extraction due', evaluation: 'Evaluation', accuracy: 'Accuracy', pushed: 'Pushed', verified: 'Verified', real: 'Real changes',
    layer: 'Layer', month: 'Month', file: 'File', submit: 'Submit', accepted: 'Stored as version {v}', refused: 'Refused: {reason}',
    dueOn: 'Due', status: 'Status', submittedAt: 'Handed in', refusedAttempts: 'Refused attempts', report: 'Report',
    kind: 'Kind', request: 'Make report', requested: 'Report requested', progress: 'Progress', download: 'Download', sensor: 'Sensor',
    acquired: 'Acquired', resolution: 'Resolution (m)', job: 'Job', due: 'Due', outcome: 'Outcome', waiting: 'Waiting',
    path: 'Or path in the imagery folder', bands: 'Bands in file order', cloudMask: 'Cloud mask', orPath: 'or its path',
    registerImage: 'Register epoch', imageRegistered: 'Epoch {name} registered',
    kinds: { WEEKLY: 'Weekly instant-monitoring report', MONTHLY: 'Monthly report', QUARTERLY: 'Quarterly report' },
    statuses: { ON_TIME: 'On time', LATE: 'Late', OVERDUE: 'Overdue', OPEN: 'Not yet due' },
  },
}
export default en
