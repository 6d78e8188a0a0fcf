-- wrk -s check.lua: POST /v1/check for one number, with the token in SCRUB_TOKEN.
wrk.method = "POST"
wrk.body = '{"number": "+1 415 555 0104", "state": "CA"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("SCRUB_TOKEN")
