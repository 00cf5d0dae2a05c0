"use strict";
// The nats.js scenarios of the broker's interop tests. Each takes the parsed options, talks to the server,
// closes what it opened and resolves to the fields of its result line; a nats.js error it does not expect
// is thrown and reported by run.js.
const { headers, Events, StringCodec } = require("nats");
const { headerValues, withConnection } = require("./support");
const jetstream = require("./jetstream");

const codec = StringCodec();

const SUBJECT = "interop.natsjs.greeting";

const SERVICE = "interop.natsjs.service";

/** The first status event of the given type, read from an iterator started before the cause. */
async function firstStatus(nc, type) {
  for await (const status of nc.status()) {
    if (status.type === type) {
      return status;
    }
  }
  throw new Error("the connection closed before a status of type " + type);
}

const scenarios = {
  /** Connects, round-trips a PING and reports what the server's INFO asked for. */
  connect: (options) =>
    withConnection(options, async (nc) => {
      await nc.flush();
      return {
        tlsRequired: nc.info.tls_required === true,
        tlsVerify: nc.info.tls_verify === true,
        authRequired: nc.info.auth_required === true,
      };
    }),

  /** Publishes a message with headers (one of them repeated) to its own subscription and reports what arrived. */
  "publish-subscribe-with-headers": (options) =>
    withConnection(options, async (nc) => {
      const sub = nc.subscribe(SUBJECT, { max: 1 });
      const sent = headers();
      sent.append("Trace-Id", "t-1");
      sent.append("Colour", "red");
      sent.append("Colour", "blue");
      nc.publish(SUBJECT, codec.encode("hello from nats.js"), { headers: sent });
      for await (const msg of sub) {
        return { subject: msg.subject, data: codec.decode(msg.data), headers: headerValues(msg.headers) };
      }
      throw new Error("the subscription ended without a message");
    }),

  /** A responder on one connection answers a request from another, with a header in the reply. */
  "request-reply": (options) =>
    withConnection(options, async (responder) => {
      const service = responder.subscribe(SERVICE, {
        callback: (err, msg) => {
          if (!err) {
            const reply = headers();
            reply.set("Answered-By", "responder");
            msg.respond(codec.encode("re: " + codec.decode(msg.data)), { headers: reply });
          }
        },
      });
      await responder.flush();
      const answer = await withConnection(options, (requester) =>
        requester.request(SERVICE, codec.encode("quote?"), { timeout: options.requestTimeoutMs }),
      );
      service.unsubscribe();
      return { data: codec.decode(answer.data), headers: headerValues(answer.headers) };
    }),

  /** A request nobody listens to; nats.js reports the server's no-responders status as an error. */
  "request-without-responders": (options) =>
    withConnection(options, (nc) =>
      nc.request(SERVICE, codec.encode("anyone?"), { timeout: options.requestTimeoutMs }).then(() => ({})),
    ),

  /** Publishes to options.subject and reports the permission error status and whether the connection survived. */
  "publish-violation": (options) =>
    withConnection(options, async (nc) => {
      const violation = firstStatus(nc, Events.Error);
      nc.publish(options.subject, codec.encode("not allowed"));
      const status = await violation;
      await nc.flush();
      return {
        status: status.data,
        operation: status.permissionContext && status.permissionContext.operation,
        subject: status.permissionContext && status.permissionContext.subject,
        open: !nc.isClosed(),
      };
    }),

  /** Subscribes to options.subject and reports the error that ends the subscription and whether the connection survived. */
  "subscribe-violation": (options) =>
    withConnection(options, async (nc) => {
      const sub = nc.subscribe(options.subject);
      let error;
      try {
        for await (const msg of sub) {
          throw new Error("a message arrived on a refused subscription: " + msg.subject);
        }
      } catch (err) {
        error = err;
      }
      await nc.flush();
      return {
        code: error ? error.code : undefined,
        message: error ? error.message : undefined,
        open: !nc.isClosed(),
      };
    }),
};

module.exports = { scenarios: { ...scenarios, ...jetstream.scenarios } };
