"use strict";
// The nats.js JetStream scenarios: each starts from a server with JetStream enabled and nothing in it, and
// reports only what does not change from run to run (no timestamps, no server-made names, no nuids), so the
// same expectation holds for the embedded broker and for nats-server. API errors that a step expects are
// reported as fields (see errorOf); anything else fails the scenario.
const { consumerOpts, createInbox, delay, headers, nanos, KvWatchInclude, StringCodec } = require("nats");
const { isDeepStrictEqual } = require("node:util");
const { headerValues, withConnection } = require("./support");

const codec = StringCodec();

/** A bound on the wait for something that follows a plain (unconfirmed) ack. */
const SETTLE_ATTEMPTS = 40;

const SETTLE_INTERVAL_MS = 50;

/** Runs body with a connection, its JetStream manager and its JetStream client. */
function withJetStream(options, body) {
  return withConnection(options, async (nc) => {
    const jsm = await nc.jetstreamManager({ timeout: options.requestTimeoutMs });
    return body(nc, jsm, nc.jetstream({ timeout: options.requestTimeoutMs }));
  });
}

/** What nats.js made of an error a step expected: its message and code, and the server's api_error as sent. */
function errorOf(err) {
  if (!err || err.code === undefined) {
    throw err;
  }
  const described = { message: err.message, code: String(err.code) };
  if (err.api_error) {
    described.status = err.api_error.code;
    described.errCode = err.api_error.err_code;
    described.description = err.api_error.description;
  }
  return described;
}

/** The outcome of a step that should fail: the error's description, or a scenario failure if it succeeded. */
async function failure(step) {
  let result;
  try {
    result = await step;
  } catch (err) {
    return errorOf(err);
  }
  throw new Error("a step that should have failed succeeded with " + JSON.stringify(result));
}

function pubAck(ack) {
  return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
}

/** The parts of a stream config both servers fill in the same way. */
function streamConfig(config) {
  return {
    name: config.name,
    subjects: config.subjects,
    retention: config.retention,
    storage: config.storage,
    discard: config.discard,
    max_msgs: config.max_msgs,
    max_bytes: config.max_bytes,
    max_age: config.max_age,
    max_msgs_per_subject: config.max_msgs_per_subject,
    max_msg_size: config.max_msg_size,
    max_consumers: config.max_consumers,
    num_replicas: config.num_replicas,
    duplicate_window: config.duplicate_window,
    allow_direct: config.allow_direct,
    allow_rollup_hdrs: config.allow_rollup_hdrs,
    deny_delete: config.deny_delete,
    deny_purge: config.deny_purge,
    sealed: config.sealed,
  };
}

/** A stream's state without its timestamps. */
function streamState(state) {
  const described = {
    messages: state.messages,
    first_seq: state.first_seq,
    last_seq: state.last_seq,
    consumer_count: state.consumer_count,
  };
  if (state.num_subjects !== undefined) described.num_subjects = state.num_subjects;
  if (state.num_deleted !== undefined) described.num_deleted = state.num_deleted;
  return described;
}

/** The parts of a consumer config both servers fill in the same way. */
function consumerConfig(config) {
  const described = {
    durable_name: config.durable_name,
    deliver_policy: config.deliver_policy,
    ack_policy: config.ack_policy,
    ack_wait: config.ack_wait,
    max_deliver: config.max_deliver,
    replay_policy: config.replay_policy,
    max_ack_pending: config.max_ack_pending,
  };
  for (const optional of ["filter_subject", "max_waiting", "inactive_threshold", "deliver_subject", "flow_control",
    "idle_heartbeat", "mem_storage", "opt_start_seq", "headers_only"]) {
    if (config[optional] !== undefined) described[optional] = config[optional];
  }
  return described;
}

/** A consumer's progress without its timestamps. */
function consumerProgress(info) {
  return {
    delivered: { consumer_seq: info.delivered.consumer_seq, stream_seq: info.delivered.stream_seq },
    ack_floor: { consumer_seq: info.ack_floor.consumer_seq, stream_seq: info.ack_floor.stream_seq },
    num_ack_pending: info.num_ack_pending,
    num_redelivered: info.num_redelivered,
    num_pending: info.num_pending,
  };
}

/** A delivered JetStream message: where it came from and what its ack subject said. */
function delivery(msg) {
  return {
    subject: msg.subject,
    data: codec.decode(msg.data),
    streamSequence: msg.info.streamSequence,
    deliverySequence: msg.info.deliverySequence,
    redeliveryCount: msg.info.redeliveryCount,
    redelivered: msg.redelivered,
    pending: msg.info.pending,
  };
}

/** Everything a finite iterator yields, mapped. */
async function collect(iterator, map) {
  const items = [];
  for await (const item of iterator) {
    items.push(map(item));
  }
  return items;
}

/**
 * Reads an endless iterator (a subscription, a consume, a watch) a few items at a time. for-await would stop it
 * on the first break, so the reader keeps one iterator and leaves stopping to the scenario.
 */
function reader(iterable) {
  const iterator = iterable[Symbol.asyncIterator]();
  return {
    async take(count, map) {
      const items = [];
      while (items.length < count) {
        const next = await iterator.next();
        if (next.done) {
          throw new Error("the iterator ended after " + items.length + " of " + count + " items");
        }
        items.push(map(next.value));
      }
      return items;
    },
  };
}

/** Consumer info once check accepts it, read again while a plain ack may still be on its way. */
async function settledInfo(read, check) {
  let info = await read();
  for (let attempt = 1; attempt < SETTLE_ATTEMPTS && !check(info); attempt++) {
    await delay(SETTLE_INTERVAL_MS);
    info = await read();
  }
  return info;
}

async function publishAll(js, messages) {
  for (const [subject, data] of messages) {
    await js.publish(subject, codec.encode(data));
  }
}

function kvEntry(entry) {
  return entry === null
    ? null
    : { key: entry.key, value: codec.decode(entry.value), revision: entry.revision, operation: entry.operation };
}

const scenarios = {
  /** Streams added (again, in conflict, overlapping), updated, described, listed, named and deleted. */
  "js-stream-admin": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      const created = await jsm.streams.add({ name: "ORDERS", subjects: ["orders.>"] });
      const again = await jsm.streams.add({ name: "ORDERS", subjects: ["orders.>"] });
      const conflict = await failure(jsm.streams.add({ name: "ORDERS", subjects: ["orders.>"], max_msgs: 5 }));
      const overlap = await failure(jsm.streams.add({ name: "OTHER", subjects: ["orders.us"] }));
      await publishAll(js, [["orders.us", "1"], ["orders.eu", "2"], ["orders.us", "3"]]);
      const updated = await jsm.streams.update("ORDERS", { subjects: ["orders.>", "invoices.>"], max_msgs: 100 });
      const info = await jsm.streams.info("ORDERS");
      await jsm.streams.add({ name: "AUDIT", subjects: ["audit.>"], storage: "memory", max_age: nanos(60000) });
      const listed = await jsm.streams.list().next();
      const names = await jsm.streams.names().next();
      const namesForSubject = await jsm.streams.names("invoices.paid").next();
      const account = await jsm.getAccountInfo();
      const deleted = await jsm.streams.delete("AUDIT");
      const missing = await failure(jsm.streams.info("AUDIT"));
      const deletedAgain = await failure(jsm.streams.delete("AUDIT"));
      return {
        created: { config: streamConfig(created.config), state: streamState(created.state) },
        againSameConfig: isDeepStrictEqual(again.config, created.config),
        conflict,
        overlap,
        updated: streamConfig(updated.config),
        infoSameConfig: isDeepStrictEqual(info.config, updated.config),
        infoState: streamState(info.state),
        listed: listed.map((stream) => ({ name: stream.config.name, storage: stream.config.storage, messages: stream.state.messages })),
        names,
        namesForSubject,
        account: { streams: account.streams, consumers: account.consumers },
        deleted,
        missing,
        deletedAgain,
        streamsLeft: await jsm.streams.names().next(),
      };
    }),

  /** Messages read back by sequence and by last subject, deleted, and purged by filter, keep, sequence and whole. */
  "js-stream-messages": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "S", subjects: ["s.>"] });
      await publishAll(js, [["s.a", "a1"], ["s.a", "a2"], ["s.a", "a3"], ["s.b", "b1"], ["s.b", "b2"], ["s.b", "b3"],
        ["s.c", "c1"]]);
      const sent = headers();
      sent.set("Trace-Id", "t-8");
      await js.publish("s.c", codec.encode("c2"), { headers: sent });
      const bySequence = await jsm.streams.getMessage("S", { seq: 8 });
      const lastOfSubject = await jsm.streams.getMessage("S", { last_by_subj: "s.b" });
      const noSuchMessage = await failure(jsm.streams.getMessage("S", { seq: 99 }));
      const deletedMessage = await jsm.streams.deleteMessage("S", 2);
      const afterDelete = streamState((await jsm.streams.info("S")).state);
      const deletedPastEnd = await failure(jsm.streams.deleteMessage("S", 99));
      const purgedSubject = await jsm.streams.purge("S", { filter: "s.a" });
      const purgedKeepingOne = await jsm.streams.purge("S", { filter: "s.b", keep: 1 });
      const purgedBelow = await jsm.streams.purge("S", { seq: 8 });
      const afterPurges = streamState((await jsm.streams.info("S")).state);
      const purgedAll = await jsm.streams.purge("S");
      const empty = streamState((await jsm.streams.info("S")).state);
      const next = pubAck(await js.publish("s.a", codec.encode("a4")));
      const stored = (msg) => ({ subject: msg.subject, seq: msg.seq, data: codec.decode(msg.data), headers: headerValues(msg.header) });
      return {
        bySequence: stored(bySequence),
        lastOfSubject: stored(lastOfSubject),
        noSuchMessage,
        deletedMessage,
        afterDelete,
        deletedPastEnd,
        purged: [purgedSubject.purged, purgedKeepingOne.purged, purgedBelow.purged, purgedAll.purged],
        afterPurges,
        empty,
        next,
      };
    }),

  /** PubAcks, msgID de-duplication and the expect headers, each kept and broken. */
  "js-publish": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "P", subjects: ["p.>"] });
      const send = (subject, data, publishOptions) => js.publish(subject, codec.encode(data), publishOptions).then(pubAck);
      const result = {};
      result.plain = await send("p.a", "1");
      result.withId = await send("p.a", "2", { msgID: "m-1" });
      result.duplicate = await send("p.a", "2 again", { msgID: "m-1" });
      result.lastSequenceKept = await send("p.b", "3", { expect: { lastSequence: 2 } });
      result.lastSequenceBroken = await failure(send("p.b", "x", { expect: { lastSequence: 1 } }));
      result.lastSubjectSequenceKept = await send("p.a", "4", { expect: { lastSubjectSequence: 2 } });
      result.lastSubjectSequenceBroken = await failure(send("p.a", "x", { expect: { lastSubjectSequence: 2 } }));
      result.emptySubjectKept = await send("p.new", "5", { expect: { lastSubjectSequence: 0 } });
      result.emptySubjectBroken = await failure(send("p.new", "x", { expect: { lastSubjectSequence: 0 } }));
      result.streamNameKept = await send("p.a", "6", { msgID: "m-2", expect: { streamName: "P" } });
      result.streamNameBroken = await failure(send("p.a", "x", { expect: { streamName: "OTHER" } }));
      result.lastMsgIdKept = await send("p.a", "7", { expect: { lastMsgID: "m-2" } });
      result.lastMsgIdBroken = await failure(send("p.a", "x", { expect: { lastMsgID: "m-1" } }));
      result.noStream = await failure(send("elsewhere.a", "x"));
      result.state = streamState((await jsm.streams.info("P")).state);
      return result;
    }),

  /** Limits: discard new refuses past max_msgs and max_bytes, max_msg_size refuses, discard old evicts. */
  "js-limits": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "NEW", subjects: ["new.>"], max_msgs: 2, discard: "new" });
      await publishAll(js, [["new.a", "1"], ["new.a", "2"]]);
      const maxMessages = await failure(js.publish("new.a", codec.encode("3")));
      await jsm.streams.add({ name: "BYTES", subjects: ["bytes.>"], max_bytes: 100, discard: "new", storage: "memory" });
      await js.publish("bytes.a", codec.encode("x".repeat(40)));
      const maxBytes = await failure(js.publish("bytes.a", codec.encode("x".repeat(60))));
      await jsm.streams.add({ name: "SIZE", subjects: ["size.>"], max_msg_size: 16 });
      const maxSize = await failure(js.publish("size.a", codec.encode("x".repeat(32))));
      await jsm.streams.add({ name: "OLD", subjects: ["old.>"], max_msgs: 3 });
      await publishAll(js, [1, 2, 3, 4, 5].map((n) => ["old.a", String(n)]));
      await jsm.streams.add({ name: "PER", subjects: ["per.>"], max_msgs_per_subject: 2 });
      await publishAll(js, [["per.a", "1"], ["per.b", "2"], ["per.a", "3"], ["per.a", "4"]]);
      return {
        maxMessages,
        newState: streamState((await jsm.streams.info("NEW")).state),
        maxBytes,
        maxSize,
        oldState: streamState((await jsm.streams.info("OLD")).state),
        perSubjectState: streamState((await jsm.streams.info("PER")).state),
      };
    }),

  /** Consumers added (durable, filtered, ephemeral, again, in conflict), described, listed and deleted. */
  "js-consumer-admin": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "C", subjects: ["c.>"] });
      await publishAll(js, [["c.a", "1"], ["c.b", "2"], ["c.a", "3"]]);
      const durable = await jsm.consumers.add("C", { durable_name: "d1", ack_policy: "explicit" });
      const again = await jsm.consumers.add("C", { durable_name: "d1", ack_policy: "explicit" });
      const updated = await jsm.consumers.add("C", { durable_name: "d1", ack_policy: "explicit", ack_wait: nanos(5000) });
      const conflict = await failure(jsm.consumers.add("C", { durable_name: "d1", ack_policy: "none" }));
      const filtered = await jsm.consumers.add("C", { durable_name: "f1", ack_policy: "explicit", filter_subject: "c.a" });
      const ephemeral = await jsm.consumers.add("C", { ack_policy: "none" });
      const named = await jsm.consumers.add("C", { name: "n1", ack_policy: "all", deliver_policy: "last" });
      const noStream = await failure(jsm.consumers.add("NOPE", { durable_name: "x", ack_policy: "explicit" }));
      const info = await jsm.consumers.info("C", "f1");
      const listed = await jsm.consumers.list("C").next();
      const streamInfo = await jsm.streams.info("C");
      const deleted = await jsm.consumers.delete("C", "f1");
      const missing = await failure(jsm.consumers.info("C", "f1"));
      const deletedAgain = await failure(jsm.consumers.delete("C", "f1"));
      const left = await jsm.consumers.list("C").next();
      return {
        durable: { name: durable.name, stream_name: durable.stream_name, config: consumerConfig(durable.config), progress: consumerProgress(durable) },
        againName: again.name,
        updatedAckWait: updated.config.ack_wait,
        conflict,
        filtered: { config: consumerConfig(filtered.config), progress: consumerProgress(filtered) },
        ephemeral: {
          nameLength: ephemeral.name.length,
          withoutDurableName: ephemeral.config.durable_name === undefined,
          config: consumerConfig(ephemeral.config),
          num_pending: ephemeral.num_pending,
        },
        named: { name: named.name, config: consumerConfig(named.config), progress: consumerProgress(named) },
        noStream,
        info: { name: info.name, config: consumerConfig(info.config), progress: consumerProgress(info) },
        listedDurables: listed.filter((c) => c.config.durable_name).map((c) => c.name).sort(),
        listedCount: listed.length,
        consumerCount: streamInfo.state.consumer_count,
        deleted,
        missing,
        deletedAgain,
        leftCount: left.length,
      };
    }),

  /** A durable pull consumer through js.consumers.get: fetch, next, acks, next returning null once drained. */
  "js-pull": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "Q", subjects: ["q.>"] });
      await publishAll(js, [1, 2, 3, 4, 5].map((n) => ["q." + n, "m" + n]));
      await jsm.consumers.add("Q", { durable_name: "w", ack_policy: "explicit" });
      const consumer = await js.consumers.get("Q", "w");
      const fetched = await collect(await consumer.fetch({ max_messages: 3, expires: 2000 }), (msg) => {
        msg.ack();
        return delivery(msg);
      });
      const fourth = await consumer.next({ expires: 1000 });
      const confirmed = await fourth.ackAck();
      const fifth = await consumer.next({ expires: 1000 });
      fifth.ack();
      const drained = await consumer.next({ expires: 1000 });
      const emptyFetch = await collect(await consumer.fetch({ max_messages: 5, expires: 1000 }), delivery);
      const info = await settledInfo(() => consumer.info(), (i) => i.ack_floor.stream_seq === 5);
      return {
        fetched,
        next: [delivery(fourth), delivery(fifth)],
        confirmed,
        drained,
        emptyFetch,
        progress: consumerProgress(info),
      };
    }),

  /** consume(): messages stored before and published while consuming arrive in order over several pulls. */
  "js-consume": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "E", subjects: ["e.>"] });
      await publishAll(js, [1, 2, 3, 4, 5, 6].map((n) => ["e.x", "m" + n]));
      await jsm.consumers.add("E", { durable_name: "c", ack_policy: "explicit" });
      const consumer = await js.consumers.get("E", "c");
      const messages = await consumer.consume({ max_messages: 4, expires: 2000 });
      const received = [];
      for await (const msg of messages) {
        received.push(delivery(msg));
        msg.ack();
        if (received.length === 6) {
          await publishAll(js, [["e.y", "m7"], ["e.y", "m8"]]);
        }
        if (received.length === 8) {
          break;
        }
      }
      const info = await settledInfo(() => consumer.info(), (i) => i.ack_floor.stream_seq === 8);
      return {
        received: received.map((d) => [d.subject, d.data, d.streamSequence, d.deliverySequence]),
        progress: consumerProgress(info),
      };
    }),

  /** Ordered pull consumers from js.consumers.get(stream): everything in order, and a filtered one. */
  "js-ordered": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "O", subjects: ["o.>"] });
      await publishAll(js, [["o.a", "1"], ["o.b", "2"], ["o.a", "3"], ["o.b", "4"], ["o.a", "5"]]);
      const ordered = await js.consumers.get("O");
      const consuming = await ordered.consume();
      const all = await reader(consuming).take(5, delivery);
      consuming.stop();
      const info = await ordered.info(true);
      const filtered = await js.consumers.get("O", { filterSubjects: "o.b" });
      const onlyB = await collect(await filtered.fetch({ max_messages: 5, expires: 1000 }), delivery);
      const fromSequence = await js.consumers.get("O", { opt_start_seq: 4, deliver_policy: "by_start_sequence" });
      const tail = await collect(await fromSequence.fetch({ max_messages: 5, expires: 1000 }), delivery);
      return {
        all: all.map((d) => [d.subject, d.data, d.streamSequence, d.deliverySequence, d.pending]),
        config: consumerConfig(info.config),
        onlyB: onlyB.map((d) => [d.subject, d.streamSequence, d.deliverySequence]),
        tail: tail.map((d) => [d.subject, d.streamSequence, d.deliverySequence]),
      };
    }),

  /** A legacy push subscription with a durable: acks, then a rebind that gets only what came since. */
  "js-push-durable": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "PU", subjects: ["push.>"] });
      const opts = consumerOpts();
      opts.durable("p1");
      opts.manualAck();
      opts.ackExplicit();
      opts.deliverTo(createInbox());
      opts.idleHeartbeat(500);
      opts.flowControl();
      opts.filterSubject("push.>");
      const sub = await js.subscribe("push.>", opts);
      await publishAll(js, [["push.a", "1"], ["push.b", "2"], ["push.a", "3"]]);
      const first = await reader(sub).take(3, (msg) => {
        msg.ack();
        return delivery(msg);
      });
      const bound = await settledInfo(() => jsm.consumers.info("PU", "p1"), (i) => i.ack_floor.stream_seq === 3);
      sub.unsubscribe();
      await nc.flush();
      await publishAll(js, [["push.c", "4"]]);
      const rebindOpts = consumerOpts();
      rebindOpts.bind("PU", "p1");
      rebindOpts.manualAck();
      const rebound = await js.subscribe("push.>", rebindOpts);
      const second = await reader(rebound).take(1, (msg) => {
        msg.ack();
        return delivery(msg);
      });
      rebound.unsubscribe();
      const configured = consumerConfig(bound.config);
      configured.deliver_subject = configured.deliver_subject.startsWith("_INBOX.");
      return {
        // without pending: it depends on whether the consumer had caught up when each message was stored
        first: first.map((d) => [d.subject, d.data, d.streamSequence, d.deliverySequence]),
        pushBound: bound.push_bound === true,
        config: configured,
        progress: consumerProgress(bound),
        second: second.map((d) => [d.subject, d.data, d.streamSequence, d.deliverySequence, d.redeliveryCount]),
      };
    }),

  /** nak redelivers at once, term never again, an unacked message comes back after ack_wait. */
  "js-ack-kinds": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "K", subjects: ["k.>"] });
      await publishAll(js, [["k.nak", "1"], ["k.term", "2"], ["k.wait", "3"]]);
      await jsm.consumers.add("K", { durable_name: "r", ack_policy: "explicit", ack_wait: nanos(1000) });
      const consumer = await js.consumers.get("K", "r");
      const first = await collect(await consumer.fetch({ max_messages: 3, expires: 2000 }), (msg) => {
        if (msg.subject === "k.nak") msg.nak();
        if (msg.subject === "k.term") msg.term();
        return delivery(msg);
      });
      const pending = consumerProgress(await settledInfo(() => consumer.info(), (i) => i.num_ack_pending === 2));
      const redelivered = [];
      for await (const msg of await consumer.fetch({ max_messages: 2, expires: 3000 })) {
        redelivered.push(delivery(msg));
        await msg.ackAck();
      }
      const afterwards = await consumer.next({ expires: 1500 });
      return {
        first: first.map((d) => [d.subject, d.streamSequence, d.deliverySequence, d.redeliveryCount]),
        pending,
        redelivered: redelivered.map((d) => [d.subject, d.streamSequence, d.deliverySequence, d.redeliveryCount, d.redelivered]),
        afterwards,
        progress: consumerProgress(await consumer.info()),
      };
    }),

  /**
   * working() holds a message past its ack_wait; nak with a delay holds its redelivery back; max_deliver caps.
   * nats.js pulls for at least a second, so the waits are sized around that.
   */
  "js-ack-timing": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "T", subjects: ["t.>"] });
      await publishAll(js, [["t.work", "1"], ["t.later", "2"], ["t.cap", "3"]]);
      const add = (name, subject, config) =>
        jsm.consumers.add("T", { durable_name: name, ack_policy: "explicit", filter_subject: subject, ...config });
      await add("work", "t.work", { ack_wait: nanos(2000) });
      await add("later", "t.later", {});
      await add("cap", "t.cap", { ack_wait: nanos(400), max_deliver: 2 });

      const work = await js.consumers.get("T", "work");
      const held = await work.next({ expires: 1000 });
      await delay(1200);
      await held.working();
      const duringProgress = await work.next({ expires: 1000 });
      const heldAcked = await held.ackAck();

      const later = await js.consumers.get("T", "later");
      const delayed = await later.next({ expires: 1000 });
      delayed.nak(2500);
      const beforeDelay = await later.next({ expires: 1000 });
      const afterDelay = await later.next({ expires: 3000 });
      await afterDelay.ackAck();

      const cap = await js.consumers.get("T", "cap");
      const capped = await collect(await cap.fetch({ max_messages: 3, expires: 1500 }), delivery);
      return {
        held: delivery(held).redeliveryCount,
        duringProgress,
        heldAcked,
        beforeDelay,
        afterDelay: [afterDelay.subject, afterDelay.info.redeliveryCount],
        capped: capped.map((d) => [d.subject, d.redeliveryCount]),
        capProgress: consumerProgress(await cap.info()),
      };
    }),

  /** A KV bucket created from nothing and used: put, get, update, create, delete, purge, keys, history. */
  "kv-basics": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      const missingBucket = await failure(jsm.streams.info("KV_CFG"));
      const kv = await js.views.kv("CFG", { history: 5 });
      const status = await kv.status();
      const r = {};
      r.putA = await kv.put("a", codec.encode("1"));
      r.putB = await kv.put("b", codec.encode("2"));
      r.getA = kvEntry(await kv.get("a"));
      r.updateA = await kv.update("a", codec.encode("1b"), r.putA);
      r.staleUpdate = await failure(kv.update("a", codec.encode("x"), r.putA));
      r.createExisting = await failure(kv.create("a", codec.encode("x")));
      r.createC = await kv.create("c", codec.encode("3"));
      await kv.delete("b");
      r.deletedB = kvEntry(await kv.get("b"));
      r.recreateB = await kv.create("b", codec.encode("again"));
      await kv.purge("c");
      r.purgedC = kvEntry(await kv.get("c"));
      r.missing = await kv.get("zzz");
      r.keys = await collect(await kv.keys(), (key) => key);
      r.history = await collect(await kv.history({ key: "a" }), kvEntry);
      r.firstRevision = kvEntry(await kv.get("a", { revision: 1 }));
      r.otherKeysRevision = kvEntry(await kv.get("a", { revision: 2 }));
      const reopened = await js.views.kv("CFG");
      r.reopenedA = kvEntry(await reopened.get("a"));
      const info = await jsm.streams.info("KV_CFG");
      return {
        missingBucket,
        status: { bucket: status.bucket, history: status.history, values: status.values, backingStore: status.backingStore },
        streamConfig: streamConfig(info.config),
        // without consumer_count: keys() and history() leave ephemerals that the server removes in its own time
        state: { ...streamState(info.state), consumer_count: undefined },
        ...r,
      };
    }),

  /** KV watchers: latest values then live changes, and a key's whole history. */
  "kv-watch": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      const kv = await js.views.kv("W", { history: 10 });
      await kv.put("a", codec.encode("1"));
      await kv.put("b", codec.encode("2"));
      await kv.put("a", codec.encode("3"));
      const watch = await kv.watch();
      const watching = reader(watch);
      const initial = await watching.take(2, kvEntry);
      await kv.put("c", codec.encode("4"));
      await kv.delete("b");
      const live = await watching.take(2, kvEntry);
      watch.stop();
      const keyWatch = await kv.watch({ key: "a", include: KvWatchInclude.AllHistory });
      const history = await reader(keyWatch).take(2, kvEntry);
      keyWatch.stop();
      const updatesWatch = await kv.watch({ key: "none", include: KvWatchInclude.UpdatesOnly });
      await kv.put("none", codec.encode("5"));
      const updatesOnly = await reader(updatesWatch).take(1, kvEntry);
      updatesWatch.stop();
      return { initial, live, history, updatesOnly };
    }),

  /** Direct get from a stream with allow_direct: by sequence, last by subject, missing. */
  "js-direct-get": (options) =>
    withJetStream(options, async (nc, jsm, js) => {
      await jsm.streams.add({ name: "D", subjects: ["d.>"], allow_direct: true });
      await js.publish("d.a", codec.encode("one"));
      const sent = headers();
      sent.set("Colour", "red");
      await js.publish("d.b", codec.encode("two"), { headers: sent });
      await js.publish("d.a", codec.encode("three"));
      const stored = (msg) => ({
        subject: msg.subject,
        seq: msg.seq,
        data: codec.decode(msg.data),
        colour: msg.header.get("Colour"),
        stream: msg.header.get("Nats-Stream"),
      });
      return {
        bySequence: stored(await jsm.direct.getMessage("D", { seq: 2 })),
        lastBySubject: stored(await jsm.direct.getMessage("D", { last_by_subj: "d.a" })),
        nextBySubject: stored(await jsm.direct.getMessage("D", { seq: 1, next_by_subj: "d.b" })),
        missing: await failure(jsm.direct.getMessage("D", { seq: 9 })),
        missingSubject: await failure(jsm.direct.getMessage("D", { last_by_subj: "d.none" })),
      };
    }),
};

module.exports = { scenarios };
