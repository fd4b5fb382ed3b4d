-- wrk script for bench/checkins.sh: POST /api/v1/care/check-ins with a random case's code, 2 % fevers,
-- symptoms and needs now and then, and a client token unique per run, thread and request.
-- wrk -s bench/checkins.lua URL -- <codes file> <run label>
local threads = {}
local counter = 0
local codes = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    codes[#codes + 1] = line
  end
  label = args[2] or "run"
  math.randomseed(os.time() * 100 + (tid or 0))
end

function request()
  counter = counter + 1
  local temperature
  if math.random(50) == 1 then
    temperature = "38." .. math.random(0, 9)
  else
    temperature = "36." .. math.random(0, 9)
  end
  local symptoms = "[]"
  if math.random(10) == 1 then symptoms = '["COUGH"]' end
  local needs = ""
  if math.random(20) == 1 then needs = ',"needs":"缺体温计电池"' end
  local body = '{"code":"' .. codes[math.random(#codes)] .. '","temperature":"' .. temperature .. '","symptoms":'
      .. symptoms .. needs .. ',"clientToken":"' .. label .. '-' .. tid .. '-' .. counter .. '"}'
  return wrk.format("POST", "/api/v1/care/check-ins", {["Content-Type"] = "application/json"}, body)
end
