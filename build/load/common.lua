-- Shared by the load scripts: reads the seeder's output from $LOAD_DATA.
local M = {}
function M.lines(name)
  local items = {}
  for line in io.lines(os.getenv("LOAD_DATA") .. "/" .. name) do
    if #line > 0 then items[#items + 1] = line end
  end
  return items
end
return M
