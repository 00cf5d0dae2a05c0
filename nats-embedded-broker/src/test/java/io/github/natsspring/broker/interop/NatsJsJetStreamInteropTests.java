package io.github.natsspring.broker.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.NatsBrokerOptions;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nats.js JetStream (npm {@code nats} 2.29.3: {@code jetstreamManager()}, {@code jetstream()},
 * {@code js.consumers}, {@code js.views.kv}) against both servers with JetStream on and an empty store of their
 * own. Each test runs one scenario of {@code interop/natsjs/jetstream.js} and holds every field of its result line
 * to the values nats.js saw from nats-server 2.9.10; the fields leave out what differs from run to run
 * (timestamps, server-made names).
 */
class NatsJsJetStreamInteropTests extends InteropScenario {

	/** The longest scenario waits out ack timers for about seven seconds. */
	private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(15);

	@TempDir
	Path storeDirectory;

	private NatsJsHarness natsJs;

	@BeforeEach
	void requireNatsJs() {
		natsJs = NatsJsHarness.require();
	}

	/**
	 * Adding the same stream again is answered with its config; a different config or overlapping subjects are
	 * refused.
	 */
	@InteropTest
	void streamsAreAddedUpdatedDescribedListedAndDeleted(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-stream-admin");

		assertFields(result, """
				{
				  "created": {"config": {"name": "ORDERS", "subjects": ["orders.>"], "retention": "limits",
				      "storage": "file", "discard": "old", "max_msgs": -1, "max_bytes": -1, "max_age": 0,
				      "max_msgs_per_subject": -1, "max_msg_size": -1, "max_consumers": -1, "num_replicas": 1,
				      "duplicate_window": 120000000000, "allow_direct": false, "allow_rollup_hdrs": false,
				      "deny_delete": false, "deny_purge": false, "sealed": false}, "state": {"messages": 0,
				      "first_seq": 0, "last_seq": 0, "consumer_count": 0}},
				  "againSameConfig": true,
				  "conflict": {"message": "stream name already in use with a different configuration", "code": "400",
				      "status": 400, "errCode": 10058,
				      "description": "stream name already in use with a different configuration"},
				  "overlap": {"message": "subjects overlap with an existing stream", "code": "400", "status": 400,
				      "errCode": 10065, "description": "subjects overlap with an existing stream"},
				  "updated": {"name": "ORDERS", "subjects": ["orders.>", "invoices.>"], "retention": "limits",
				      "storage": "file", "discard": "old", "max_msgs": 100, "max_bytes": -1, "max_age": 0,
				      "max_msgs_per_subject": -1, "max_msg_size": -1, "max_consumers": -1, "num_replicas": 1,
				      "duplicate_window": 120000000000, "allow_direct": false, "allow_rollup_hdrs": false,
				      "deny_delete": false, "deny_purge": false, "sealed": false},
				  "infoSameConfig": true,
				  "infoState": {"messages": 3, "first_seq": 1, "last_seq": 3, "consumer_count": 0, "num_subjects": 2},
				  "listed": [{"name": "AUDIT", "storage": "memory", "messages": 0}, {"name": "ORDERS",
				      "storage": "file", "messages": 3}],
				  "names": ["AUDIT", "ORDERS"],
				  "namesForSubject": ["ORDERS"],
				  "account": {"streams": 2, "consumers": 0},
				  "deleted": true,
				  "missing": {"message": "stream not found", "code": "404", "status": 404, "errCode": 10059,
				      "description": "stream not found"},
				  "deletedAgain": {"message": "stream not found", "code": "404", "status": 404, "errCode": 10059,
				      "description": "stream not found"},
				  "streamsLeft": ["ORDERS"]
				}
				""");
	}

	@InteropTest
	void storedMessagesAreReadDeletedAndPurgedByFilterKeepAndSequence(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-stream-messages");

		assertFields(result, """
				{
				  "bySequence": {"subject": "s.c", "seq": 8, "data": "c2", "headers": {"Trace-Id": ["t-8"]}},
				  "lastOfSubject": {"subject": "s.b", "seq": 6, "data": "b3", "headers": {}},
				  "noSuchMessage": {"message": "no message found", "code": "404", "status": 404, "errCode": 10037,
				      "description": "no message found"},
				  "deletedMessage": true,
				  "afterDelete": {"messages": 7, "first_seq": 1, "last_seq": 8, "consumer_count": 0,
				      "num_subjects": 3, "num_deleted": 1},
				  "deletedPastEnd": {"message": "stream store eof", "code": "500", "status": 500, "errCode": 10057,
				      "description": "stream store EOF"},
				  "purged": [2, 2, 2, 1],
				  "afterPurges": {"messages": 1, "first_seq": 8, "last_seq": 8, "consumer_count": 0,
				      "num_subjects": 1},
				  "empty": {"messages": 0, "first_seq": 9, "last_seq": 8, "consumer_count": 0},
				  "next": {"stream": "S", "seq": 9, "duplicate": false}
				}
				""");
	}

	/** nats.js lower-cases the description into the message, except for a 503, whose message is the code. */
	@InteropTest
	void publishesAreAcknowledgedDeduplicatedAndHeldToTheirExpectations(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-publish");

		assertFields(result, """
				{
				  "plain": {"stream": "P", "seq": 1, "duplicate": false},
				  "withId": {"stream": "P", "seq": 2, "duplicate": false},
				  "duplicate": {"stream": "P", "seq": 2, "duplicate": true},
				  "lastSequenceKept": {"stream": "P", "seq": 3, "duplicate": false},
				  "lastSequenceBroken": {"message": "wrong last sequence: 3", "code": "400", "status": 400,
				      "errCode": 10071, "description": "wrong last sequence: 3"},
				  "lastSubjectSequenceKept": {"stream": "P", "seq": 4, "duplicate": false},
				  "lastSubjectSequenceBroken": {"message": "wrong last sequence: 4", "code": "400", "status": 400,
				      "errCode": 10071, "description": "wrong last sequence: 4"},
				  "emptySubjectKept": {"stream": "P", "seq": 5, "duplicate": false},
				  "emptySubjectBroken": {"message": "wrong last sequence: 5", "code": "400", "status": 400,
				      "errCode": 10071, "description": "wrong last sequence: 5"},
				  "streamNameKept": {"stream": "P", "seq": 6, "duplicate": false},
				  "streamNameBroken": {"message": "expected stream does not match", "code": "400", "status": 400,
				      "errCode": 10060, "description": "expected stream does not match"},
				  "lastMsgIdKept": {"stream": "P", "seq": 7, "duplicate": false},
				  "lastMsgIdBroken": {"message": "wrong last msg id: ", "code": "400", "status": 400,
				      "errCode": 10070, "description": "wrong last msg ID: "},
				  "noStream": {"message": "503", "code": "503"},
				  "state": {"messages": 7, "first_seq": 1, "last_seq": 7, "consumer_count": 0, "num_subjects": 3}
				}
				""");
	}

	@InteropTest
	void limitsRefuseWithDiscardNewAndEvictWithDiscardOld(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-limits");

		assertFields(result, """
				{
				  "maxMessages": {"message": "503", "code": "503", "status": 503, "errCode": 10077,
				      "description": "maximum messages exceeded"},
				  "newState": {"messages": 2, "first_seq": 1, "last_seq": 2, "consumer_count": 0, "num_subjects": 1},
				  "maxBytes": {"message": "503", "code": "503", "status": 503, "errCode": 10077,
				      "description": "maximum bytes exceeded"},
				  "maxSize": {"message": "message size exceeds maximum allowed", "code": "400", "status": 400,
				      "errCode": 10054, "description": "message size exceeds maximum allowed"},
				  "oldState": {"messages": 3, "first_seq": 3, "last_seq": 5, "consumer_count": 0, "num_subjects": 1},
				  "perSubjectState": {"messages": 3, "first_seq": 2, "last_seq": 4, "consumer_count": 0,
				      "num_subjects": 2}
				}
				""");
	}

	/**
	 * An ephemeral gets an 8-character name from the server and a 5 s inactive threshold; a consumer that only has
	 * a name gets that threshold too. Changing ack_wait is an update, changing the ack policy is refused.
	 */
	@InteropTest
	void consumersAreAddedUpdatedDescribedListedAndDeleted(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-consumer-admin");

		assertFields(result, """
				{
				  "durable": {"name": "d1", "stream_name": "C", "config": {"durable_name": "d1",
				      "deliver_policy": "all", "ack_policy": "explicit", "ack_wait": 30000000000, "max_deliver": -1,
				      "replay_policy": "instant", "max_ack_pending": 1000, "max_waiting": 512},
				      "progress": {"delivered": {"consumer_seq": 0, "stream_seq": 0}, "ack_floor": {"consumer_seq": 0,
				      "stream_seq": 0}, "num_ack_pending": 0, "num_redelivered": 0, "num_pending": 3}},
				  "againName": "d1",
				  "updatedAckWait": 5000000000,
				  "conflict": {"message": "ack policy can not be updated", "code": "500", "status": 500,
				      "errCode": 10012, "description": "ack policy can not be updated"},
				  "filtered": {"config": {"durable_name": "f1", "deliver_policy": "all", "ack_policy": "explicit",
				      "ack_wait": 30000000000, "max_deliver": -1, "replay_policy": "instant", "max_ack_pending": 1000,
				      "filter_subject": "c.a", "max_waiting": 512}, "progress": {"delivered": {"consumer_seq": 0,
				      "stream_seq": 0}, "ack_floor": {"consumer_seq": 0, "stream_seq": 0}, "num_ack_pending": 0,
				      "num_redelivered": 0, "num_pending": 2}},
				  "ephemeral": {"nameLength": 8, "withoutDurableName": true, "config": {"deliver_policy": "all",
				      "ack_policy": "none", "max_deliver": -1, "replay_policy": "instant", "max_waiting": 512,
				      "inactive_threshold": 5000000000}, "num_pending": 3},
				  "named": {"name": "n1", "config": {"deliver_policy": "last", "ack_policy": "all",
				      "ack_wait": 30000000000, "max_deliver": -1, "replay_policy": "instant", "max_ack_pending": 1000,
				      "max_waiting": 512, "inactive_threshold": 5000000000},
				      "progress": {"delivered": {"consumer_seq": 0, "stream_seq": 2}, "ack_floor": {"consumer_seq": 0,
				      "stream_seq": 0}, "num_ack_pending": 0, "num_redelivered": 0, "num_pending": 1}},
				  "noStream": {"message": "stream not found", "code": "404", "status": 404, "errCode": 10059,
				      "description": "stream not found"},
				  "info": {"name": "f1", "config": {"durable_name": "f1", "deliver_policy": "all",
				      "ack_policy": "explicit", "ack_wait": 30000000000, "max_deliver": -1,
				      "replay_policy": "instant", "max_ack_pending": 1000, "filter_subject": "c.a",
				      "max_waiting": 512}, "progress": {"delivered": {"consumer_seq": 0, "stream_seq": 0},
				      "ack_floor": {"consumer_seq": 0, "stream_seq": 0}, "num_ack_pending": 0, "num_redelivered": 0,
				      "num_pending": 2}},
				  "listedDurables": ["d1", "f1"],
				  "listedCount": 4,
				  "consumerCount": 4,
				  "deleted": true,
				  "missing": {"message": "consumer not found", "code": "404", "status": 404, "errCode": 10014,
				      "description": "consumer not found"},
				  "deletedAgain": {"message": "consumer not found", "code": "404", "status": 404, "errCode": 10014,
				      "description": "consumer not found"},
				  "leftCount": 3
				}
				""");
	}

	@InteropTest
	void aPullConsumerFetchesAndNextReturnsNullOnceDrained(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-pull");

		assertFields(result, """
				{
				  "fetched": [{"subject": "q.1", "data": "m1", "streamSequence": 1, "deliverySequence": 1,
				      "redeliveryCount": 1, "redelivered": false, "pending": 4}, {"subject": "q.2", "data": "m2",
				      "streamSequence": 2, "deliverySequence": 2, "redeliveryCount": 1, "redelivered": false,
				      "pending": 3}, {"subject": "q.3", "data": "m3", "streamSequence": 3, "deliverySequence": 3,
				      "redeliveryCount": 1, "redelivered": false, "pending": 2}],
				  "next": [{"subject": "q.4", "data": "m4", "streamSequence": 4, "deliverySequence": 4,
				      "redeliveryCount": 1, "redelivered": false, "pending": 1}, {"subject": "q.5", "data": "m5",
				      "streamSequence": 5, "deliverySequence": 5, "redeliveryCount": 1, "redelivered": false,
				      "pending": 0}],
				  "confirmed": true,
				  "drained": null,
				  "emptyFetch": [],
				  "progress": {"delivered": {"consumer_seq": 5, "stream_seq": 5}, "ack_floor": {"consumer_seq": 5,
				      "stream_seq": 5}, "num_ack_pending": 0, "num_redelivered": 0, "num_pending": 0}
				}
				""");
	}

	@InteropTest
	void consumeGetsStoredAndNewlyPublishedMessagesAcrossPulls(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-consume");

		assertFields(result, """
				{
				  "received": [["e.x", "m1", 1, 1], ["e.x", "m2", 2, 2], ["e.x", "m3", 3, 3], ["e.x", "m4", 4, 4],
				      ["e.x", "m5", 5, 5], ["e.x", "m6", 6, 6], ["e.y", "m7", 7, 7], ["e.y", "m8", 8, 8]],
				  "progress": {"delivered": {"consumer_seq": 8, "stream_seq": 8}, "ack_floor": {"consumer_seq": 8,
				      "stream_seq": 8}, "num_ack_pending": 0, "num_redelivered": 0, "num_pending": 0}
				}
				""");
	}

	@InteropTest
	void orderedConsumersDeliverInStreamOrderWithOrWithoutAFilter(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-ordered");

		assertFields(result, """
				{
				  "all": [["o.a", "1", 1, 1, 4], ["o.b", "2", 2, 2, 3], ["o.a", "3", 3, 3, 2], ["o.b", "4", 4, 4, 1],
				      ["o.a", "5", 5, 5, 0]],
				  "config": {"deliver_policy": "by_start_sequence", "ack_policy": "none", "max_deliver": 1,
				      "replay_policy": "instant", "max_waiting": 512, "inactive_threshold": 300000000000,
				      "mem_storage": true, "opt_start_seq": 1},
				  "onlyB": [["o.b", 2, 1], ["o.b", 4, 2]],
				  "tail": [["o.b", 4, 1], ["o.a", 5, 2]]
				}
				""");
	}

	@InteropTest
	void aLegacyPushSubscriptionAcksAndARebindGetsOnlyWhatCameSince(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-push-durable");

		assertFields(result, """
				{
				  "first": [["push.a", "1", 1, 1], ["push.b", "2", 2, 2], ["push.a", "3", 3, 3]],
				  "pushBound": true,
				  "config": {"durable_name": "p1", "deliver_policy": "all", "ack_policy": "explicit",
				      "ack_wait": 30000000000, "max_deliver": -1, "replay_policy": "instant", "max_ack_pending": 1000,
				      "filter_subject": "push.>", "deliver_subject": true, "flow_control": true,
				      "idle_heartbeat": 500000000},
				  "progress": {"delivered": {"consumer_seq": 3, "stream_seq": 3}, "ack_floor": {"consumer_seq": 3,
				      "stream_seq": 3}, "num_ack_pending": 0, "num_redelivered": 0, "num_pending": 0},
				  "second": [["push.c", "4", 4, 4, 1]]
				}
				""");
	}

	@InteropTest
	void nakRedeliversTermDropsAndAnUnackedMessageReturnsAfterAckWait(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-ack-kinds");

		assertFields(result, """
				{
				  "first": [["k.nak", 1, 1, 1], ["k.term", 2, 2, 1], ["k.wait", 3, 3, 1]],
				  "pending": {"delivered": {"consumer_seq": 3, "stream_seq": 3}, "ack_floor": {"consumer_seq": 0,
				      "stream_seq": 0}, "num_ack_pending": 2, "num_redelivered": 0, "num_pending": 0},
				  "redelivered": [["k.nak", 1, 4, 2, true], ["k.wait", 3, 5, 2, true]],
				  "afterwards": null,
				  "progress": {"delivered": {"consumer_seq": 5, "stream_seq": 3}, "ack_floor": {"consumer_seq": 5,
				      "stream_seq": 3}, "num_ack_pending": 0, "num_redelivered": 0, "num_pending": 0}
				}
				""");
	}

	/**
	 * A consumer that reached max_deliver keeps its ack floor at 0 and counts the message as redelivered but no
	 * longer pending.
	 */
	@InteropTest
	void workingNakWithDelayAndMaxDeliverShapeRedeliveryInTime(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-ack-timing");

		assertFields(result, """
				{
				  "held": 1,
				  "duringProgress": null,
				  "heldAcked": true,
				  "beforeDelay": null,
				  "afterDelay": ["t.later", 2],
				  "capped": [["t.cap", 1], ["t.cap", 2]],
				  "capProgress": {"delivered": {"consumer_seq": 2, "stream_seq": 3}, "ack_floor": {"consumer_seq": 0,
				      "stream_seq": 0}, "num_ack_pending": 0, "num_redelivered": 1, "num_pending": 0}
				}
				""");
	}

	/** nats.js creates the bucket only when the stream info error says exactly "stream not found". */
	@InteropTest
	void aKeyValueBucketIsCreatedWhenItsStreamIsNotFoundAndThenUsed(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "kv-basics");

		assertFields(result, """
				{
				  "missingBucket": {"message": "stream not found", "code": "404", "status": 404, "errCode": 10059,
				      "description": "stream not found"},
				  "status": {"bucket": "CFG", "history": 5, "values": 0, "backingStore": "file"},
				  "streamConfig": {"name": "KV_CFG", "subjects": ["$KV.CFG.>"], "retention": "limits",
				      "storage": "file", "discard": "new", "max_msgs": -1, "max_bytes": -1, "max_age": 0,
				      "max_msgs_per_subject": 5, "max_msg_size": -1, "max_consumers": -1, "num_replicas": 1,
				      "duplicate_window": 120000000000, "allow_direct": true, "allow_rollup_hdrs": true,
				      "deny_delete": false, "deny_purge": false, "sealed": false},
				  "state": {"messages": 6, "first_seq": 1, "last_seq": 7, "num_subjects": 3, "num_deleted": 1},
				  "putA": 1,
				  "putB": 2,
				  "getA": {"key": "a", "value": "1", "revision": 1, "operation": "PUT"},
				  "updateA": 3,
				  "staleUpdate": {"message": "wrong last sequence: 3", "code": "400", "status": 400, "errCode": 10071,
				      "description": "wrong last sequence: 3"},
				  "createExisting": {"message": "wrong last sequence: 3", "code": "400", "status": 400,
				      "errCode": 10071, "description": "wrong last sequence: 3"},
				  "createC": 4,
				  "deletedB": {"key": "b", "value": "", "revision": 5, "operation": "DEL"},
				  "recreateB": 6,
				  "purgedC": {"key": "c", "value": "", "revision": 7, "operation": "PURGE"},
				  "missing": null,
				  "keys": ["a", "b"],
				  "history": [{"key": "a", "value": "1", "revision": 1, "operation": "PUT"}, {"key": "a",
				      "value": "1b", "revision": 3, "operation": "PUT"}],
				  "firstRevision": {"key": "a", "value": "1", "revision": 1, "operation": "PUT"},
				  "otherKeysRevision": null,
				  "reopenedA": {"key": "a", "value": "1b", "revision": 3, "operation": "PUT"}
				}
				""");
	}

	@InteropTest
	void keyValueWatchersSeeLatestValuesThenLiveChanges(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "kv-watch");

		assertFields(result, """
				{
				  "initial": [{"key": "b", "value": "2", "revision": 2, "operation": "PUT"}, {"key": "a",
				      "value": "3", "revision": 3, "operation": "PUT"}],
				  "live": [{"key": "c", "value": "4", "revision": 4, "operation": "PUT"}, {"key": "b", "value": "",
				      "revision": 5, "operation": "DEL"}],
				  "history": [{"key": "a", "value": "1", "revision": 1, "operation": "PUT"}, {"key": "a",
				      "value": "3", "revision": 3, "operation": "PUT"}],
				  "updatesOnly": [{"key": "none", "value": "5", "revision": 6, "operation": "PUT"}]
				}
				""");
	}

	@InteropTest
	void directGetReadsBySequenceLastAndNextBySubject(TargetKind kind) throws Exception {
		NatsJsResult result = run(kind, "js-direct-get");

		assertFields(result, """
				{
				  "bySequence": {"subject": "d.b", "seq": 2, "data": "two", "colour": "red", "stream": "D"},
				  "lastBySubject": {"subject": "d.a", "seq": 3, "data": "three", "colour": "", "stream": "D"},
				  "nextBySubject": {"subject": "d.b", "seq": 2, "data": "two", "colour": "red", "stream": "D"},
				  "missing": {"message": "message not found", "code": "404"},
				  "missingSubject": {"message": "message not found", "code": "404"}
				}
				""");
	}

	private NatsJsResult run(TargetKind kind, String scenario) throws Exception {
		NatsBrokerOptions options = NatsBrokerOptions.loopbackRandomPort()
			.toBuilder()
			.jetStream(BrokerJetStream.inDirectory(storeDirectory))
			.build();
		NatsTarget target = start(kind, options);
		return natsJs.scenario(scenario).timeout(SCENARIO_TIMEOUT).against(target);
	}

	/**
	 * Asserts the scenario succeeded with exactly the expected fields, reporting every field that differs at
	 * once.
	 */
	private static void assertFields(NatsJsResult result, String expectedJson) {
		assertThat(result.outcome()).as(result.diagnostics()).isEqualTo("ok");
		Map<String, Object> expected = NatsJsResult.parseObject(expectedJson);
		Set<String> names = new LinkedHashSet<>(expected.keySet());
		names.add("scenario");
		names.add("outcome");
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(result.fields().keySet()).as("fields").containsExactlyInAnyOrderElementsOf(names);
			expected.forEach((name, value) -> softly.assertThat(result.fields().get(name)).as(name).isEqualTo(value));
		});
	}

}
