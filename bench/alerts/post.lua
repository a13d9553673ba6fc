-- One alert per request, each with its own external id and its own ~100 KB snapshot (12 base64 characters inside the
-- image data differ in every alert, as every camera's picture does).
local counter = 0
local thread_id = 0
local parts

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  local f = assert(io.open(os.getenv("ALERT_TEMPLATE"), "r"))
  local template = f:read("*a")
  f:close()
  -- template: ...@ID@...@CAM@...@SNAP@...
  local a, b, c, d = template:match("^(.-)@ID@(.-)@CAM@(.-)@SNAP@(.*)$")
  parts = {a, b, c, d}
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer tw_tietacam_demo-camera-platform-2026"
end

function request()
  counter = counter + 1
  -- 64 cameras in turn, as a platform's alerts come from many
  local camera = string.format("BENCH-%02d", (counter + id) % 64)
  local unique = string.format("%06d%06d", id, counter % 1000000)
  return wrk.format(nil, "/api/alerts", nil, parts[1] .. "BENCH-" .. id .. "-" .. counter .. parts[2] .. camera .. parts[3] .. unique .. parts[4])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d seconds=%.2f p50_ms=%.1f p95_ms=%.1f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
