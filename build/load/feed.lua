-- GET /api/articles/feed as the seeded user who follows the most authors.
package.path = os.getenv("LOAD_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local token = common.lines("feed-token.txt")[1]
wrk.headers["Authorization"] = "Token " .. token
request = function()
  return wrk.format("GET", "/api/articles/feed?limit=20")
end
