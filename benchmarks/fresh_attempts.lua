-- wrk script for `make bench-pages`: every request goes to an attempt no request has touched.
--
-- wrk -s fresh_attempts.lua URL -- TOKENS THREADS METHOD COOKIE CSRF
--   TOKENS   a file of "token position" lines, one fresh attempt each
--   THREADS  wrk's -t, so that each thread takes its own lines (every THREADS-th one)
--   METHOD   GET: the attempt's question page; POST: the answer to its current question
--   COOKIE   the player's session cookie ("session=..."), CSRF its form token
-- An answered question cannot be answered again (a repeat is a harmless replay, which would
-- not measure the answer handler), and a question page shown once is a reload the next time.
-- When the file runs out the requests go to a path that answers 404, which wrk reports as
-- non-2xx responses: the benchmark then refuses the run instead of measuring replays.

local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
end

function init(args)
   local threads = tonumber(args[2])
   method, cookie, csrf = args[3], args[4], args[5]
   attempts = {}
   local line_number = 0
   for line in io.lines(args[1]) do
      if line_number % threads == id then
         local token, position = line:match("^(%S+) (%d+)$")
         table.insert(attempts, { token = token, position = position })
      end
      line_number = line_number + 1
   end
   used = 0
end

function request()
   used = used + 1
   local attempt = attempts[used]
   if attempt == nil then
      return wrk.format("GET", "/play/out-of-fresh-attempts", { Cookie = cookie })
   end
   local path = "/play/" .. attempt.token
   if method == "GET" then
      return wrk.format("GET", path, { Cookie = cookie })
   end
   local body = "csrf_token=" .. csrf .. "&position=" .. attempt.position .. "&answer=0"
   local headers = {
      Cookie = cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
   }
   return wrk.format("POST", path, headers, body)
end
