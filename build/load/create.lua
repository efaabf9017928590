-- POST /api/articles as random seeded users; every title is unique per thread and request.
package.path = os.getenv("LOAD_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local tokens = common.lines("tokens.txt")
local counter = 0
local id = tostring(math.random(1, 1e9))
setup = function(thread) thread:set("id", tostring(math.random(1, 1e9))) end
init = function() math.randomseed(os.time() + tonumber(id)) end
request = function()
  counter = counter + 1
  local body = '{"article":{"title":"Load test ' .. id .. ' ' .. counter ..
    '","description":"load","body":"Created by the load script.","tagList":["load","tag' .. (counter % 50) .. '"]}}'
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["Authorization"] = "Token " .. tokens[math.random(#tokens)]
  return wrk.format("POST", "/api/articles", headers, body)
end
