#!/usr/bin/env node
"use strict";
// Runs one nats.js scenario and prints its result as one JSON line on stdout:
//   node run.js <scenario> --server nats://127.0.0.1:4222 [options]
// Every option can also come from the environment as NATSJS_<NAME> (e.g. NATSJS_NKEY_SEED), which keeps
// secrets off the command line. The line always has "scenario" and "outcome":
//   ok       exit 0, with the scenario's fields
//   error    exit 1, nats.js failed the scenario: "code", "message" and, for a wrapped error, "cause"
//   timeout  exit 2, the scenario did not finish within --timeout-ms
//   usage    exit 64, the command line was wrong
const { parseArgs } = require("node:util");
const { scenarios } = require("./scenarios");

const EXIT = { ok: 0, error: 1, timeout: 2, usage: 64 };

const OPTIONS = {
  server: { type: "string" },
  ca: { type: "string" },
  cert: { type: "string" },
  key: { type: "string" },
  plaintext: { type: "boolean" },
  user: { type: "string" },
  pass: { type: "string" },
  token: { type: "string" },
  "nkey-seed": { type: "string" },
  subject: { type: "string" },
  "timeout-ms": { type: "string" },
};

function fromEnvironment(name) {
  return process.env["NATSJS_" + name.toUpperCase().replace(/-/g, "_")];
}

function camelCase(name) {
  return name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
}

function parse(argv) {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const options = {};
  for (const [name, spec] of Object.entries(OPTIONS)) {
    const value = values[name] !== undefined ? values[name] : fromEnvironment(name);
    options[camelCase(name)] = spec.type === "boolean" ? value === true || value === "true" : value;
  }
  if (positionals.length !== 1 || !(positionals[0] in scenarios)) {
    throw new Error("name one scenario of: " + Object.keys(scenarios).join(", "));
  }
  if (!options.server) {
    throw new Error("--server is required");
  }
  options.scenario = positionals[0];
  options.timeoutMs = Number(options.timeoutMs || 10000);
  if (!Number.isInteger(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new Error("--timeout-ms must be a positive integer");
  }
  // the connect and a request each get part of the budget, so that their own errors win over the timeout
  options.connectTimeoutMs = Math.max(1, Math.floor(options.timeoutMs / 3));
  options.requestTimeoutMs = options.connectTimeoutMs;
  return options;
}

function describe(err) {
  const description = { code: err && err.code !== undefined ? String(err.code) : "", message: String(err && err.message) };
  const cause = err && (err.chainedError || err.cause);
  if (cause) {
    description.cause = { code: cause.code !== undefined ? String(cause.code) : "", message: String(cause.message) };
  }
  return description;
}

let finished = false;

function finish(scenario, outcome, fields) {
  if (finished) {
    return;
  }
  finished = true;
  process.stdout.write(JSON.stringify({ scenario, outcome, ...fields }) + "\n");
  process.exit(EXIT[outcome]);
}

function main() {
  let options;
  try {
    options = parse(process.argv.slice(2));
  } catch (err) {
    finish(process.argv[2] || "", "usage", { message: err.message });
    return;
  }
  setTimeout(() => finish(options.scenario, "timeout", { timeoutMs: options.timeoutMs }), options.timeoutMs);
  scenarios[options.scenario](options).then(
    (fields) => finish(options.scenario, "ok", fields),
    (err) => finish(options.scenario, "error", describe(err)),
  );
}

main();
