-- linmem's test of Debian's lua5.4 built for WASI: prints what it computes, deterministically,
-- so that the output under linmem can be compared byte for byte with Node's.
-- Usage: lua test.lua DIR [WORDS...]   (DIR: a preopened directory it may write in; stdin: lines)
-- Errors and coroutines are not exercised: wasi-libc has no setjmp/longjmp, which Lua uses for
-- both, so this Lua is built with a longjmp that traps (see build.sh).

print("Lua: " .. _VERSION)
print("args: " .. #arg .. " [" .. table.concat(arg, ", ") .. "] arg[0]=" .. arg[0]:match("[^/]*$"))

-- numbers
print(7 // 2, 7 % -3, -7 // 2, 7 / 2, 2^10, 10 // 0.0, math.maxinteger + 1 == math.mininteger)
print(string.format("%d %5.2f %g %g %x %q", 42, math.pi, 1e300 * 10, 0.1, 255, "a\nb\"c"))
print(3 & 5, 3 | 5, 3 ~ 5, ~0, 1 << 62, 256 >> 4, math.tointeger(3.0), math.type(1), math.type(1.0))
print(tostring(0/0) == tostring(0/0), math.huge, -math.huge, math.floor(-3.5), math.ceil(-3.5), math.fmod(7, 3))

-- strings
local s = "The quick brown fox jumps over the lazy dog"
print(#s, s:upper(), s:find("fox"), s:match("(%a+) dog"))
print((s:gsub("%w+", function(w) return w:sub(1, 1):upper() .. w:sub(2):lower() end)))
print(("x"):rep(5, "-"), ("hello"):byte(1, -1))
print(string.pack("<i4d", 100, 1.5):byte(1, -1))
print(string.unpack("<i4", string.pack("<i4", -2)))
print(utf8.char(72, 228, 8364, 128512), utf8.len("häll€"), #"häll€")
for _, c in utf8.codes("aé€") do io.write(c, " ") end
print()

-- tables, sorting, closures, varargs
local t = {}
for i = 1, 20 do t[#t + 1] = (i * 7919) % 101 end
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
table.insert(t, 1, -1); table.remove(t); print(#t, t[1], t[#t])
local function counter()
  local n = 0
  return function(...) n = n + select("#", ...); return n end
end
local c = counter(); c(1, 2, 3); print("varargs counted: " .. c(nil, nil))
print(select(-1, "a", "b", "c"), table.unpack({1, 2, 3}, 2))

-- metatables and a little class hierarchy
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end
Vec.__add = function(a, b) return Vec.new(a.x + b.x, a.y + b.y) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__tostring = function(v) return "(" .. v.x .. ", " .. v.y .. ")" end
Vec.__len = function(v) return math.sqrt(v.x * v.x + v.y * v.y) end
function Vec:scale(k) return Vec.new(self.x * k, self.y * k) end
local v = Vec.new(3, 4) + Vec.new(0, 0)
print(tostring(v), #v, v == Vec.new(3, 4), tostring(v:scale(2)))
local proxy = setmetatable({}, {__index = function(_, k) return k .. "!" end, __newindex = function(t2, k, val) rawset(t2, k, val * 2) end})
proxy.a = 21; print(proxy.a, proxy.zzz)

-- goto
do
  local i = 1
  ::top::
  if i <= 3 then io.write("goto ", i, "; "); i = i + 1; goto top end
  print()
end

-- compute: sieve, recursion, n-queens, a string hash, Mandelbrot
local function sieve(n)
  local composite, count = {}, 0
  for i = 2, n do
    if not composite[i] then
      count = count + 1
      for j = i * i, n, i do composite[j] = true end
    end
  end
  return count
end
print("primes below 30000: " .. sieve(30000))
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print("fib(20) = " .. fib(20))
local function queens(n)
  local cols, d1, d2, solutions = {}, {}, {}, 0
  local function place(r)
    if r > n then solutions = solutions + 1; return end
    for col = 1, n do
      if not cols[col] and not d1[r + col] and not d2[r - col + n] then
        cols[col], d1[r + col], d2[r - col + n] = true, true, true
        place(r + 1)
        cols[col], d1[r + col], d2[r - col + n] = nil, nil, nil
      end
    end
  end
  place(1)
  return solutions
end
print("6 queens: " .. queens(6))
local h = 2166136261
for i = 1, 20000 do
  h = ((h ~ (i % 251)) * 16777619) & 0xffffffff
end
print(string.format("fnv: %08x", h))
local rows = {}
for y = -1, 1, 0.25 do
  local row = {}
  for x = -2, 0.5, 0.0625 do
    local zr, zi, k = 0.0, 0.0, 0
    while k < 50 and zr * zr + zi * zi < 4 do zr, zi, k = zr * zr - zi * zi + x, 2 * zr * zi + y, k + 1 end
    row[#row + 1] = k == 50 and "#" or (k > 5 and "+" or ".")
  end
  rows[#rows + 1] = table.concat(row)
end
print(table.concat(rows, "\n"))

-- standard input: count and echo the lines given
local lines, bytes = 0, 0
for line in io.lines() do
  lines = lines + 1; bytes = bytes + #line
  if lines <= 3 then print("stdin: " .. line) end
end
print("stdin lines: " .. lines .. ", bytes: " .. bytes)

-- files in the preopened directory
local dir = arg[1]
local path = dir .. "/lua-test.txt"
local f = assert(io.open(path, "w"))
for i = 1, 100 do f:write(string.format("%03d %s\n", i, ("*"):rep(i % 7))) end
f:close()
f = assert(io.open(path, "r"))
local first = f:read("l")
local size = f:seek("end")
f:seek("set", 4)
local fromSeek = f:read(3)
f:close()
print("file: first line '" .. first .. "', size " .. size .. ", at 4: '" .. fromSeek .. "'")
local total = 0
for line in io.lines(path) do total = total + tonumber(line:sub(1, 3)) end
print("sum of line numbers: " .. total)
assert(os.rename(path, dir .. "/lua-renamed.txt"))
print("open after rename: " .. tostring(io.open(path, "r")))
assert(os.remove(dir .. "/lua-renamed.txt"))

-- environment and time
print("getenv: " .. tostring(os.getenv("LUA_TEST")) .. ", unset: " .. tostring(os.getenv("NOT_SET_ANYWHERE")))
print("time plausible: " .. tostring(os.time() > 1577836800), "clock is a number: " .. math.type(os.clock()))
print("date: " .. os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365))

io.stdout:flush()
os.exit(3)
