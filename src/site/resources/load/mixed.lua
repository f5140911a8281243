-- wrk script: the nine routes of `reflectlab bench http`, mixed in the same order (request i is route i mod 9, scene
-- (i / 9) mod 64), each naming its route in the query too so that an overloaded route is refused before its body is read.
-- Environment: DEADLINE_MS (default 500), THREADS (wrk's -t, default 2), RATE = requests per second offered over all connections (default 0 = as fast as
-- the connections allow, closed loop; set it to offer a multiple of capacity at a fixed pace, see load.sh).
-- What wrk cannot give per status (its latency is over all answers), the server's Server-Timing gives: this script keeps
-- the server's total per answer and prints admitted p50/p99 and refusals p99 beside wrk's client-side latency.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } rl_timespec;
int clock_gettime(int clk, rl_timespec *tp);
]]
local ts = ffi.new("rl_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local ends = {"text", "image", "audio"}
local deadline = tonumber(os.getenv("DEADLINE_MS") or "500")
local rate = tonumber(os.getenv("RATE") or "0")
local nthreads_total = tonumber(os.getenv("THREADS") or "2") -- the same as wrk's -t (load.sh passes both)
local threads = {}
local nthreads = 0

function setup(thread)
  nthreads = nthreads + 1
  thread:set("id", nthreads)
  table.insert(threads, thread)
end

function init(args)
  i = (id - 1) * 5    -- each thread cycles through all nine routes, from its own starting point
  step = 0
  counts = {}
  adm = {}            -- server total ms of 200 answers
  ref = {}            -- server total ms of 503 answers
  late = 0            -- 200 answers whose server total exceeded the deadline
  shed = 0            -- 503 with Retry-After (admission refused it); 503 without = rejected (no worker)
  next_at = nil
end

function delay()
  if rate <= 0 then return 0 end
  -- one schedule per thread at RATE / threads, shared by its connections: each request takes the next free slot;
  -- a thread that fell behind (every connection waiting for an answer) does not burst to catch up
  local per = 1000 * nthreads_total / rate
  local t = now_ms()
  local slot = math.max(next_at or t, t)
  next_at = slot + per
  return slot - t
end

function request()
  local n = i
  i = i + 1
  local from = ends[(n % 3) + 1]
  local to = ends[(math.floor(n / 3) % 3) + 1]
  local body = string.format('{"from":"%s","to":"%s","scene":%d,"deadline_ms":%d}', from, to, math.floor(n / 9) % 64, deadline)
  local path = string.format("/v1/requests?from=%s&to=%s&deadline_ms=%d", from, to, deadline)
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  local st = headers["Server-Timing"] or headers["server-timing"] or ""
  local total = tonumber(string.match(st, "total;dur=([0-9.]+)"))
  if status == 200 and total then
    adm[#adm + 1] = total
    if total > deadline then late = late + 1 end
  elseif status == 503 then
    if headers["Retry-After"] or headers["retry-after"] then shed = shed + 1 end
    if total then ref[#ref + 1] = total end
  end
end

local function pct(list, p)
  if #list == 0 then return 0/0 end
  table.sort(list)
  return list[math.max(1, math.ceil(p * #list))]
end

function done(summary, latency, requests)
  local c, a, r, lt, sh = {}, {}, {}, 0, 0
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts")) do c[k] = (c[k] or 0) + v end
    for _, v in ipairs(t:get("adm")) do a[#a + 1] = v end
    for _, v in ipairs(t:get("ref")) do r[#r + 1] = v end
    lt = lt + t:get("late")
    sh = sh + t:get("shed")
  end
  local s = summary.duration / 1e6
  local e = summary.errors
  local failed = e.connect + e.read + e.write + e.timeout
  local ok = c[200] or 0
  io.write(string.format("%-9s %9s %7s %9s %9s %6s %6s %8s %6s %6s %9s %9s %9s %9s %9s\n", "client", "offered/s", "sent", "completed",
    "goodput/s", "shed", "other", "timedout", "model", "failed", "srv adm50", "srv adm99", "srv ref99", "cli p50", "cli p99"))
  io.write(string.format("%-9s %9.1f %7d %9d %9.1f %6d %6d %8d %6d %6d %9.2f %9.2f %9.2f %9.2f %9.2f\n", "wrk", summary.requests / s,
    summary.requests + failed, ok, (ok - lt) / s, sh, (c[503] or 0) - sh, c[504] or 0, c[500] or 0, failed, pct(a, 0.5), pct(a, 0.99),
    pct(r, 0.99), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  local other = {}
  for k, v in pairs(c) do
    if k ~= 200 and k ~= 503 and k ~= 504 and k ~= 500 then other[#other + 1] = k .. ": " .. v end
  end
  io.write("# statuses other than 200/500/503/504: " .. (#other == 0 and "none" or table.concat(other, ", ")) .. "\n")
  io.write("# srv = the server's own time (Server-Timing total); cli = wrk's latency over all answers (it does not split by status)\n")
end
