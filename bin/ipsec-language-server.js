#!/usr/bin/env node
// The server sets up V8 for itself as far as it can. glibc's malloc settings and the size of V8's
// young generation can only come from what starts this command: server/src/lsp/serverLaunch.json
// holds those the extension uses (its "env", and its "execArgv" as options to node).
require('../dist/server.js');
