"use strict";
// What every scenario file needs: connecting from the command-line options (no reconnects, closed afterwards)
// and reading headers.
const { connect, nkeyAuthenticator } = require("nats");

/** nats.js connection options from the scenario options: TLS files, credentials, no reconnects. */
function connectionOptions(options) {
  const connection = {
    servers: options.server,
    name: "natsjs-interop",
    timeout: options.connectTimeoutMs,
    reconnect: false,
  };
  if (options.plaintext) {
    connection.tls = null;
  } else if (options.ca || options.cert || options.key) {
    connection.tls = {};
    if (options.ca) connection.tls.caFile = options.ca;
    if (options.cert) connection.tls.certFile = options.cert;
    if (options.key) connection.tls.keyFile = options.key;
  }
  if (options.user) {
    connection.user = options.user;
    connection.pass = options.pass;
  }
  if (options.token) {
    connection.token = options.token;
  }
  if (options.nkeySeed) {
    connection.authenticator = nkeyAuthenticator(new TextEncoder().encode(options.nkeySeed));
  }
  return connection;
}

/** Runs body with a new connection and closes the connection afterwards, whatever body did. */
async function withConnection(options, body) {
  const nc = await connect(connectionOptions(options));
  try {
    return await body(nc);
  } finally {
    await nc.close();
  }
}

/** Header names to their values, in the order nats.js lists them. */
function headerValues(msgHeaders) {
  const values = {};
  if (msgHeaders) {
    for (const key of msgHeaders.keys()) {
      values[key] = msgHeaders.values(key);
    }
  }
  return values;
}

module.exports = { headerValues, withConnection };
