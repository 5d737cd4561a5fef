-- Headless Neovim (0.7+) as a second, independent LSP client: starts `node server/out/server.js --stdio`,
-- waits for Vigil's diagnostics, asks for code actions, applies the quick fix with Neovim's own
-- workspace-edit code, and checks the buffer. Prints `N passed, N failed` last; exits non-zero on failure.
-- Env: VIGIL_SERVER (path of server.js), VIGIL_WS (workspace folder copy).
local server = assert(os.getenv('VIGIL_SERVER'), 'VIGIL_SERVER is not set')
local ws = assert(os.getenv('VIGIL_WS'), 'VIGIL_WS is not set')
-- A wait for an event: generous, as it fails only when the event never comes and a loaded machine is slow.
local WAIT_MS = 60000
-- -u NONE skips filetype detection; the server needs the languageId (python, javascript) from it.
vim.cmd('filetype on')

local passed, failed = 0, 0
local function out(line) io.stdout:write(line .. '\n') end

local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    passed = passed + 1
    out('  ok     ' .. name)
  else
    failed = failed + 1
    out('  FAILED ' .. name .. ': ' .. tostring(err))
  end
  return ok
end

-- The raw LSP diagnostics per URI, as the server published them (the fixes ride in `data`).
local published = {}
local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    published[result.uri] = result.diagnostics
    return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
  end,
}

local client_id = vim.lsp.start_client({
  name = 'vigil',
  cmd = { 'node', server, '--stdio' },
  root_dir = ws,
  workspace_folders = { { uri = vim.uri_from_fname(ws), name = 'ws' } },
  handlers = handlers,
})
assert(client_id, 'the language server did not start')

local function vigil_diags(uri, rule)
  local found = {}
  for _, d in ipairs(published[uri] or {}) do
    if d.source == 'vigil' and (rule == nil or d.code == rule) then table.insert(found, d) end
  end
  return found
end

local function open(rel)
  vim.cmd('edit ' .. vim.fn.fnameescape(ws .. '/' .. rel))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  return bufnr, vim.uri_from_bufnr(bufnr)
end

local function fix_case(rel, expect_line)
  local bufnr, uri
  local diag
  check(rel .. ': weak-hash diagnostic arrives', function()
    bufnr, uri = open(rel)
    assert(vim.wait(WAIT_MS, function() return #vigil_diags(uri, 'weak-hash') > 0 end, 50), 'no weak-hash diagnostic')
    diag = vigil_diags(uri, 'weak-hash')[1]
    assert(#vim.diagnostic.get(bufnr) > 0, 'vim.diagnostic has nothing for the buffer')
  end)
  check(rel .. ': the quick fix applies and fixes the line', function()
    assert(diag, 'no diagnostic to fix')
    local client = vim.lsp.get_client_by_id(client_id)
    local params = {
      textDocument = { uri = uri },
      range = diag.range,
      context = { diagnostics = { diag }, only = { 'quickfix' } },
    }
    local resp = client.request_sync('textDocument/codeAction', params, WAIT_MS, bufnr)
    assert(resp and not resp.err, 'codeAction failed: ' .. vim.inspect(resp and resp.err))
    -- The fix a user picks first: the preferred one, else the first that edits code (not the suppression).
    local fix
    for _, action in ipairs(resp.result or {}) do
      local is_fix = action.edit ~= nil and not action.title:match('^Suppress')
      if is_fix and (fix == nil or (action.isPreferred and not fix.isPreferred)) then fix = action end
    end
    assert(fix, 'no quick fix among ' .. vim.inspect(vim.tbl_map(function(a) return a.title end, resp.result or {})))
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    local line = vim.api.nvim_buf_get_lines(bufnr, diag.range.start.line, diag.range.start.line + 1, false)[1]
    assert(line == expect_line, string.format('line after the fix: %q, expected %q', line, expect_line))
  end)
  check(rel .. ': the diagnostic goes away after the edit', function()
    assert(diag, 'there was no diagnostic in the first place')
    assert(vim.wait(WAIT_MS, function() return #vigil_diags(uri, 'weak-hash') == 0 end, 50),
      'weak-hash still reported: ' .. vim.inspect(vigil_diags(uri, 'weak-hash')))
  end)
end

fix_case('samples/weak_hash.js', "  return crypto.createHash('sha256').update(body).digest('hex');")
fix_case('gui/checksum.py', '    return hashlib.sha256(data).hexdigest()')

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
out(string.format('%d passed, %d failed', passed, failed))
if failed > 0 then vim.cmd('cquit') else vim.cmd('qall!') end
