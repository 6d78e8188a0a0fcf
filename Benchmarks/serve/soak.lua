-- wrk -s soak.lua: checks, and every 50th request an opt-out of a new number (an agent's key in
-- SCRUB_TOKEN). Numbers run through +1 646 2xx xxxx, distinct per thread and request.
local counter = 0
local thread_id = 0
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
end

function init(args)
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("SCRUB_TOKEN")
end

function request()
  counter = counter + 1
  if counter % 50 == 0 then
    local n = 2000000 + thread_id * 1000000 + counter / 50
    local body = string.format(
      '{"number": "+1 646 %03d %04d", "channel": "call", "reason": "asked on the call", "evidence": "soak-%d"}',
      math.floor(n / 10000) % 1000, n % 10000, counter)
    return wrk.format("POST", "/v1/optouts", nil, body)
  end
  return wrk.format("POST", "/v1/check", nil, '{"number": "+1 415 555 0104", "state": "CA"}')
end

function response(status, headers, body)
  if status >= 500 then
    io.stderr:write("server error " .. status .. "\n")
  end
end
