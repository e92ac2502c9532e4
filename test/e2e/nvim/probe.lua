-- Neovim as an independent LSP client of ipsec-language-server (Neovim 0.7+, no plugins).
--
--   IPSEC_SERVER=dist/server.js PROBE_OUT=result.json \
--     nvim --headless --clean -n -i NONE -c 'luafile test/e2e/nvim/probe.lua' path/to/ipsec.conf
--
-- Starts `node $IPSEC_SERVER --stdio` for the file given on the command line, waits for the
-- column-zero-key diagnostic, asks for completion (when the server offers it), for document
-- symbols and for the workspace fix-all, writes everything it saw to $PROBE_OUT as JSON and exits 0 when every check passed,
-- 1 otherwise (`cquit`). PROBE_TIMEOUT_MS bounds each wait (default 15000).

local out_path = os.getenv('PROBE_OUT') or 'nvim-probe.json'
local server = os.getenv('IPSEC_SERVER') or 'dist/server.js'
local node = os.getenv('PROBE_NODE') or 'node'
local timeout = tonumber(os.getenv('PROBE_TIMEOUT_MS') or '15000')
local expected_code = os.getenv('PROBE_EXPECT_CODE') or 'column-zero-key'

local result = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch), checks = {}, failures = {} }

local function check(name, ok, detail)
  table.insert(result.checks, { name = name, ok = ok and true or false, detail = detail })
  if not ok then table.insert(result.failures, name .. (detail and (': ' .. detail) or '')) end
end

local function finish()
  result.ok = #result.failures == 0
  local file = assert(io.open(out_path, 'w'))
  file:write(vim.json.encode(result))
  file:close()
  if result.ok then vim.cmd('qall!') else vim.cmd('cquit! 1') end
end

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(bufnr)
  local uri = vim.uri_from_fname(path)
  result.file = path
  -- The server detects the kind from the name as well; the filetype becomes the languageId.
  vim.bo[bufnr].filetype = 'ipsec'

  local published = nil
  local client_id = vim.lsp.start_client({
    name = 'ipsec',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(path, ':h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, params)
        if params and params.uri == uri and #params.diagnostics > 0 then published = params.diagnostics end
      end,
      ['window/logMessage'] = function() end,
      ['window/showMessage'] = function() end,
    },
  })
  check('client started', client_id ~= nil)
  if not client_id then return end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  local initialized = vim.wait(timeout, function() return client.initialized == true or (client.server_capabilities ~= nil and next(client.server_capabilities) ~= nil) end, 20)
  check('server initialized', initialized)
  local caps = client.server_capabilities or {}
  result.capabilities = vim.tbl_keys(caps)
  table.sort(result.capabilities)

  vim.wait(timeout, function() return published ~= nil end, 20)
  local codes = {}
  for _, d in ipairs(published or {}) do
    table.insert(codes, type(d.code) == 'table' and d.code.value or d.code)
  end
  result.diagnostics = published or {}
  check('diagnostics published', published ~= nil, published == nil and ('none within ' .. timeout .. ' ms') or nil)
  check('diagnostic ' .. expected_code, vim.tbl_contains(codes, expected_code), 'codes: ' .. table.concat(vim.tbl_map(tostring, codes), ', '))

  local function request(method, params)
    local response, request_err = client.request_sync(method, params, timeout, bufnr)
    if not response then return nil, tostring(request_err) end
    if response.err then return nil, vim.inspect(response.err) end
    return response.result, nil
  end

  if caps.completionProvider then
    -- Completion at the start of the first indented line: any list (even empty) is an answer.
    local line = 0
    for i, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      if text:match('^%s+%S') then line = i - 1 break end
    end
    local indent = #(vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]:match('^%s*'))
    local answer, request_err = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = line, character = indent } })
    local items = answer and (answer.items or answer) or {}
    result.completion = { line = line, character = indent, count = #items, labels = vim.tbl_map(function(item) return item.label end, vim.list_slice(items, 1, 20)) }
    check('completion answered', request_err == nil, request_err)
  else
    result.completion = 'the server does not advertise completionProvider; checked diagnostics and document symbols instead'
  end

  local symbols, symbols_err = request('textDocument/documentSymbol', { textDocument = { uri = uri } })
  local names = {}
  for _, symbol in ipairs(symbols or {}) do table.insert(names, symbol.name) end
  result.symbols = names
  local has_conn = false
  for _, name in ipairs(names) do if name:match('^conn ') then has_conn = true end end
  check('document symbols include a conn', symbols_err == nil and has_conn, symbols_err or ('symbols: ' .. table.concat(names, ', ')))

  -- The workspace fix-all: the server asks Neovim to apply the edit (workspace/applyEdit), which
  -- indents the column-0 key in the buffer; the file on disk stays as it was until :w.
  local fixed, fix_err = request('workspace/executeCommand', { command = 'ipsec.fixAllInWorkspace', arguments = {} })
  result.workspace_fix = fixed
  local column0 = {}
  for _, text in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if text:match('^[%w_-]+%s*=') then table.insert(column0, text) end
  end
  check('workspace fix applied to the buffer', fix_err == nil and type(fixed) == 'table' and fixed.applied == true and #column0 == 0,
    fix_err or ('result: ' .. vim.inspect(fixed) .. '; column-0 lines left: ' .. table.concat(column0, ' | ')))

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end)

if not ok then check('probe ran without a Lua error', false, tostring(err)) end
finish()
