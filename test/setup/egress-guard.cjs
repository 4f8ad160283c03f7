// The no-egress guard: every outbound TCP connection made by this Node process must go to this
// machine (loopback) or to a host listed in CAIRN_TEST_ALLOWED_HOSTS (an S3 endpoint a test
// configured). Anything else is refused before a packet leaves, and recorded so the test run fails
// even when the code under test swallowed the error. Loaded by vitest's setup file into every test
// worker, and by NODE_OPTIONS=--require into every Node child process a test starts (the CLI).
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3}|\[::1\])$/i;
const INSTALLED = Symbol.for('cairn.egressGuard');

function allowedHosts() {
  return (process.env.CAIRN_TEST_ALLOWED_HOSTS || '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/** Where the connection goes: a host and port, or a local socket path (always allowed). */
function destination(args) {
  let first = args[0];
  // net.connect() passes its already normalised arguments as an array.
  if (Array.isArray(first)) first = first[0];
  if (first && typeof first === 'object')
    return first.path !== undefined ? null : { host: first.host, port: first.port };
  if (typeof first === 'string' && !/^\d+$/.test(first)) return null;
  return { host: typeof args[1] === 'string' ? args[1] : undefined, port: first };
}

function install(report) {
  if (net.Socket.prototype[INSTALLED]) return;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const to = destination(args);
    if (to) {
      const host = String(to.host === undefined ? 'localhost' : to.host).toLowerCase();
      if (!LOOPBACK.test(host) && !allowedHosts().includes(host)) {
        const violation = { host, port: Number(to.port), pid: process.pid, at: Date.now() };
        report(violation);
        throw new Error(
          `no-egress guard: a connection to ${host}:${to.port} was attempted; tests may only reach 127.0.0.1 and the configured S3 endpoint.`,
        );
      }
    }
    return connect.apply(this, args);
  };
  net.Socket.prototype[INSTALLED] = true;
}

/** In a child process: violations go to a file the test worker reads when its file ends. */
function fileReporter(dir) {
  return (violation) => {
    try {
      fs.appendFileSync(path.join(dir, `${process.pid}.jsonl`), `${JSON.stringify(violation)}\n`);
    } catch {
      // The directory is gone: the test that started this process has ended.
    }
  };
}

module.exports = { install, fileReporter, destination };

if (process.env.CAIRN_EGRESS_LOG && require.main !== module) {
  install(fileReporter(process.env.CAIRN_EGRESS_LOG));
}
