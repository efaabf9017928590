-- GET /api/articles, anonymous, 20 per page at a random offset in the first 50 pages.
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/articles?limit=20&offset=" .. (math.random(0, 49) * 20))
end
