#!/usr/bin/env node
// The server sets up V8 for itself. glibc's malloc settings can only come from the environment
// that starts this command: server/src/lsp/serverLaunch.json holds those the extension uses.
require('../dist/server.js');
