-- wrk: single-feature WFS 1.1.0 Update transactions on random patches, the same body for both servers.
-- Environment: TYPENAME (e.g. terrawatch:patches), FID_PREFIX (e.g. patches.), IDS (ids 1..IDS exist),
-- SERVICE_PATH (e.g. /wfs), AUTH (an Authorization header value, or empty).
local typename = os.getenv("TYPENAME")
local prefix = os.getenv("FID_PREFIX")
local ids = tonumber(os.getenv("IDS"))
local path = os.getenv("SERVICE_PATH")
local auth = os.getenv("AUTH")
local template = '<wfs:Transaction service="WFS" version="1.1.0" xmlns:wfs="http://www.opengis.net/wfs" '
  .. 'xmlns:ogc="http://www.opengis.net/ogc"><wfs:Update typeName="%s"><wfs:Property><wfs:Name>verification_note</wfs:Name>'
  .. '<wfs:Value>wrk %d</wfs:Value></wfs:Property><ogc:Filter><ogc:FeatureId fid="%s%d"/></ogc:Filter></wfs:Update>'
  .. '</wfs:Transaction>'
local counter = 0
local threads = {}

setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

init = function()
  math.randomseed(os.time() * 1000 + id)
  succeeded = 0
  failed = 0
end

request = function()
  counter = counter + 1
  local headers = { ["Content-Type"] = "text/xml" }
  if auth ~= nil and auth ~= "" then headers["Authorization"] = auth end
  return wrk.format("POST", path, headers, string.format(template, typename, counter, prefix, math.random(1, ids)))
end

-- A transaction counts only when its response says one feature was updated (1.x exceptions may come with 200).
response = function(status, headers, body)
  if status == 200 and (body:find("totalUpdated>1<", 1, true) or body:find("SUCCESS", 1, true)) then
    succeeded = succeeded + 1
  else
    failed = failed + 1
    if failed == 1 then io.stderr:write("failed transaction (" .. status .. "): " .. body:sub(1, 400) .. "\n") end
  end
end

done = function(summary, latency, requests)
  local ok, bad = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("succeeded")
    bad = bad + thread:get("failed")
  end
  io.write(string.format("TRANSACTIONS ok=%d failed=%d seconds=%.3f p50=%.2f p99=%.2f\n", ok, bad, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
