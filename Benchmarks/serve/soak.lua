-- wrk -s soak.lua: checks, and every 50th request (SCRUB_SOAK_OPTOUT_EVERY) an opt-out of a new number (an agent's key in
-- SCRUB_TOKEN). Numbers run through +1 646 2xx xxxx, distinct per thread and request.
-- Each thread counts its answers by kind; done() prints the totals, so run.sh can hold the journal
-- against the opt-outs answered 201 (none lost, none recorded twice).
local counter = 0
-- Set per thread by setup() (thread:set writes the thread's global, so this must not be a local).
thread_id = 0
local next_id = 0
-- SCRUB_SOAK_OPTOUT_EVERY=0: checks only (the server's memory then holds no new state).
local every = tonumber(os.getenv("SCRUB_SOAK_OPTOUT_EVERY") or "50")
local threads = {}
created, checked, other = 0, 0, 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("SCRUB_TOKEN")
end

function request()
  counter = counter + 1
  if every > 0 and counter % every == 0 then
    local n = 2000000 + thread_id * 1000000 + counter / every
    local body = string.format(
      '{"number": "+1 646 %03d %04d", "channel": "call", "reason": "asked on the call", "evidence": "soak-%d-%d"}',
      math.floor(n / 10000) % 1000, n % 10000, thread_id, counter)
    return wrk.format("POST", "/v1/optouts", nil, body)
  end
  return wrk.format("POST", "/v1/check", nil, '{"number": "+1 415 555 0104", "state": "CA"}')
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 200 then
    checked = checked + 1
  else
    other = other + 1
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end

function done(summary, latency, requests)
  local totals = {created = 0, checked = 0, other = 0}
  for _, thread in ipairs(threads) do
    for key, _ in pairs(totals) do totals[key] = totals[key] + thread:get(key) end
  end
  io.write(string.format("soak answers: opt-outs 201: %d, checks 200: %d, other: %d\n",
    totals.created, totals.checked, totals.other))
end
