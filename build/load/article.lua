-- GET /api/articles/{slug} for random seeded slugs.
package.path = os.getenv("LOAD_SCRIPTS") .. "/?.lua;" .. package.path
local common = require("common")
local slugs = common.lines("slugs.txt")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/articles/" .. slugs[math.random(#slugs)])
end
