-- wrk script: cycle through the paths listed in a file (one a line), each thread from its own
-- offset, and print error counts by cause at the end.
--   wrk -t2 -c32 -d60s -s benchmarks/wrk_mix.lua http://127.0.0.1:8000 -- paths.txt

local paths = {}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  counter = (id or 0) * 7
  failed = 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status >= 400 then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local failed_total = 0
  for _, thread in ipairs(threads) do
    failed_total = failed_total + (thread:get("failed") or 0)
  end
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f http_errors=%d connect=%d read=%d write=%d timeout=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    failed_total, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
