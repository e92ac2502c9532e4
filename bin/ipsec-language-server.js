#!/usr/bin/env node
'use strict';
// The server sets up V8 for itself as far as it can. glibc's malloc settings and the size of V8's
// young generation can only come from what starts this command: server/src/lsp/serverLaunch.json
// holds those the extension uses (its "env", and its "execArgv" as options to node). The build
// makes a code cache for a start with those options and one for a start with none.
const path = require('node:path');
const { loadBundle } = require('./load-bundle.js');

loadBundle(path.join(__dirname, '..', 'dist', 'server.js'), { parent: module });
