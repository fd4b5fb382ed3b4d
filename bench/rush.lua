-- The reservation rush driven by wrk (bench/rush.sh), so that the rush and the trivial-endpoint baseline pay the
-- same load client. Environment: RUSH_DIR (the run's folder), RUSH_LABEL. Reads RUSH_DIR/round-<label> and
-- RUSH_DIR/taps-<label> ("household token" per line, in tap order, written by ReservationRushBenchmark prepare);
-- thread k of n sends the taps k, k+n, k+2n, ... once each, then stops and writes RUSH_DIR/done-<label>-<k>. Every 200 answer's household and reservation
-- id go to RUSH_DIR/acks-<label>-<k>, so the check afterwards can look each acknowledged reservation up.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local taps, path, acks
local sent = 0
-- globals, so that done() can read them from each thread
answered, created, sold_out, other = 0, 0, 0, 0

function init(args)
  local dir, label = os.getenv("RUSH_DIR"), os.getenv("RUSH_LABEL")
  local n = tonumber(os.getenv("RUSH_THREADS"))
  local f = assert(io.open(dir .. "/round-" .. label))
  path = "/api/v1/supply/rounds/" .. f:read("*l") .. "/reservation"
  f:close()
  taps = {}
  local i = 0
  for line in io.lines(dir .. "/taps-" .. label) do
    if i % n == id - 1 then
      local household, token = line:match("^(%S+) (%S+)$")
      table.insert(taps, { household = household, token = token, index = i })
    end
    i = i + 1
  end
  acks = assert(io.open(dir .. "/acks-" .. label .. "-" .. id, "w"))
end

function request()
  sent = sent + 1
  local tap = taps[sent]
  if tap == nil then
    -- nothing left for this thread: a harmless look-up while the last answers come in
    return wrk.format("GET", "/supply/public/ping")
  end
  return wrk.format("POST", path .. "?token=t" .. tap.index, { ["Authorization"] = "Bench " .. tap.token,
    ["Content-Length"] = "0" })
end

function response(status, headers, body)
  if body == "ok" then
    return -- one of the look-ups sent after this thread's last tap
  end
  answered = answered + 1
  if status == 200 then
    local id, household = body:match('"id":"([^"]+)","household":"([^"]+)"')
    acks:write(household, " ", id, "\n")
    created = created + 1
  elseif status == 409 then
    sold_out = sold_out + 1
  else
    other = other + 1
  end
  if answered == #taps then
    acks:close()
    -- wrk itself runs for its -d; the script sees this file from every thread and ends wrk with SIGINT
    io.open(os.getenv("RUSH_DIR") .. "/done-" .. os.getenv("RUSH_LABEL") .. "-" .. id, "w"):close()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local a, c, s, o = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("answered")
    c = c + thread:get("created")
    s = s + thread:get("sold_out")
    o = o + thread:get("other")
  end
  local e = summary.errors
  io.write(string.format("[wrk] reservation answers=%d: 200=%d, sold out (409)=%d, other=%d; latency p50=%.1f ms p99=%.1f ms; "
    .. "socket errors: connect %d, read %d, write %d, timeout %d\n", a, c, s, o, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.connect, e.read, e.write, e.timeout))
end
