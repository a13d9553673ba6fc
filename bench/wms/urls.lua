-- wrk: cycle through the request paths listed (one per line) in the file named by $URLS; at the end print the
-- latency percentiles and the mean response size (for the PNG size ratio), and count non-200 answers.
local paths = {}
for line in io.lines(os.getenv("URLS")) do
  paths[#paths + 1] = line
end
local index = 0
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

init = function()
  failed = 0
end

request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

response = function(status, headers, body)
  if status ~= 200 or headers["Content-Type"] == nil or not headers["Content-Type"]:find("image/png", 1, true) then
    failed = failed + 1
  end
end

done = function(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("failed")
  end
  io.write(string.format("MAPS rps=%.1f p50=%.1f p95=%.1f bytes=%.0f failed=%d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.bytes / math.max(1, summary.requests), bad))
end
