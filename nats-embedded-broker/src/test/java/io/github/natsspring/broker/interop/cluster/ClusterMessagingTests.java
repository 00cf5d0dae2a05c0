package io.github.natsspring.broker.interop.cluster;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Traffic across the routes of a three-node cluster, on every topology: each node's clients see the others'
 * messages once, queue groups and request-reply span the cluster, and interest changes travel the routes.
 */
class ClusterMessagingTests extends ClusterScenario {

	/** How long a request waits before it counts as unanswered; a 503 ends it long before. */
	private static final Duration IMMEDIATE = Duration.ofSeconds(3);

	@ClusterTest
	void everySubscriberOnEveryNodeGetsEachMessageOnceAndInOrder(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		List<Connection> publishers = connectToEachNode(cluster);
		List<Received> subscribers = new ArrayList<>();
		for (int node = 0; node < NODES; node++) {
			for (int copy = 0; copy < 2; copy++) {
				Connection subscriber = connect(cluster.node(node));
				Received received = new Received();
				subscriber.createDispatcher(received).subscribe("news");
				awaitInterest(subscriber, publishers);
				subscribers.add(received);
			}
		}

		for (int node = 0; node < NODES; node++) {
			for (String text : sequence(node, 50)) {
				publishers.get(node).publish("news", bytes(text));
			}
		}

		for (Received received : subscribers) {
			awaitEnds(received);
			for (int node = 0; node < NODES; node++) {
				String prefix = node + ":";
				assertThat(received.texts().stream().filter(text -> text.startsWith(prefix)))
					.as("messages from node %d", node)
					.containsExactlyElementsOf(sequence(node, 50));
			}
			assertThat(received.count()).isEqualTo(NODES * 51);
		}
	}

	@ClusterTest
	void wildcardSubscriptionsMatchMessagesPublishedOnOtherNodes(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		List<Connection> publishers = connectToEachNode(cluster);
		List<Received> singleToken = new ArrayList<>();
		List<Received> fullWildcard = new ArrayList<>();
		for (int node = 0; node < NODES; node++) {
			Connection subscriber = connect(cluster.node(node));
			Received star = new Received();
			Received tail = new Received();
			subscriber.createDispatcher(star).subscribe("wild.*");
			subscriber.createDispatcher(tail).subscribe("wild.>");
			awaitInterest(subscriber, publishers);
			singleToken.add(star);
			fullWildcard.add(tail);
		}

		for (int node = 0; node < NODES; node++) {
			Connection publisher = publishers.get(node);
			publisher.publish("wild.one", bytes(node + ":one"));
			publisher.publish("wild.one.two", bytes(node + ":two"));
			publisher.publish("tame.one", bytes(node + ":tame"));
			publisher.publish("wild.end", bytes(node + ":end"));
		}

		for (int node = 0; node < NODES; node++) {
			awaitEnds(singleToken.get(node));
			awaitEnds(fullWildcard.get(node));
			assertThat(subjects(singleToken.get(node))).as("wild.* on node %d", node)
				.containsExactlyInAnyOrder("wild.one", "wild.one", "wild.one", "wild.end", "wild.end", "wild.end");
			assertThat(subjects(fullWildcard.get(node))).as("wild.> on node %d", node)
				.containsExactlyInAnyOrder("wild.one", "wild.one", "wild.one", "wild.one.two", "wild.one.two",
						"wild.one.two", "wild.end", "wild.end", "wild.end");
		}
	}

	@ClusterTest
	void queueGroupsWithAMemberOnEveryNodeEachHandleEveryMessageExactlyOnce(ClusterTopology topology)
			throws Exception {
		TestCluster cluster = cluster(topology);
		List<Connection> publishers = connectToEachNode(cluster);
		List<Received> workers = new ArrayList<>();
		List<Received> auditors = new ArrayList<>();
		List<Received> observers = new ArrayList<>();
		List<Received> doneSignals = new ArrayList<>();
		for (int node = 0; node < NODES; node++) {
			Connection subscriber = connect(cluster.node(node));
			workers.add(subscribe(subscriber, "jobs", "workers"));
			auditors.add(subscribe(subscriber, "jobs", "auditors"));
			observers.add(subscribe(subscriber, "jobs", null));
			doneSignals.add(subscribe(subscriber, "jobs.done", null));
			awaitInterest(subscriber, publishers);
		}

		List<String> sent = new ArrayList<>();
		for (int node = 0; node < NODES; node++) {
			for (int i = 0; i < 100; i++) {
				String text = node + ":" + i;
				publishers.get(node).publish("jobs", bytes(text));
				sent.add(text);
			}
			// each member's server has passed on every job routed to it once this plain message arrives
			publishers.get(node).publish("jobs.done", bytes(node + ":end"));
		}

		await().atMost(TIMEOUT).until(() -> doneSignals.stream().allMatch(done -> done.count() == NODES));
		assertEachHandledOnceSpreadOverAll(workers, sent);
		assertEachHandledOnceSpreadOverAll(auditors, sent);
		for (int node = 0; node < NODES; node++) {
			assertThat(observers.get(node).texts()).as("the plain subscriber on node %d", node)
				.containsExactlyInAnyOrderElementsOf(sent);
		}
	}

	@ClusterTest
	void queueMembersLeavingOneNodeLeaveTheMembersOnAnotherServingUntilNoneIsLeft(ClusterTopology topology)
			throws Exception {
		TestCluster cluster = cluster(topology);
		Connection requester = connect(options(cluster.node(0)).reportNoResponders());
		List<Connection> leaving = List.of(connect(cluster.node(1)), connect(cluster.node(1)));
		List<Dispatcher> leavingMembers = new ArrayList<>();
		for (Connection member : leaving) {
			leavingMembers.add(startResponder(member, "service", "left"));
			awaitInterest(member, List.of(requester));
		}
		Connection staying = connect(cluster.node(2));
		Dispatcher stayingMember = startResponder(staying, "service", "stayed");
		awaitInterest(staying, List.of(requester));

		for (int i = 0; i < leaving.size(); i++) {
			leavingMembers.get(i).unsubscribe("service");
			awaitInterest(leaving.get(i), List.of(requester));
		}

		for (int i = 0; i < 30; i++) {
			Message reply = requester.request("service", bytes("job " + i), TIMEOUT);
			assertThat(reply).as("reply %d", i).isNotNull();
			assertThat(reply.getData()).isEqualTo(bytes("stayed"));
		}
		stayingMember.unsubscribe("service");
		await().atMost(TIMEOUT).untilAsserted(() -> assertNoResponders(requester, "service"));
	}

	@ClusterTest
	void interestStaysOnOtherNodesWhileOneOfTwoLocalSubscribersRemains(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		Connection publisher = connect(cluster.node(0));
		Connection leaving = connect(cluster.node(1));
		Connection staying = connect(cluster.node(1));
		Subscription leavingSubscription = leaving.subscribe("shared");
		Received stayed = subscribe(staying, "shared", null);
		awaitInterest(leaving, List.of(publisher));
		awaitInterest(staying, List.of(publisher));

		leavingSubscription.unsubscribe();
		awaitInterest(leaving, List.of(publisher));
		publisher.publish("shared", bytes("still wanted"));

		await().atMost(TIMEOUT).until(() -> stayed.count() == 1);
		assertThat(stayed.texts()).containsExactly("still wanted");
	}

	@ClusterTest
	void interestChurnOnManyConnectionsLeavesOtherNodesWithExactlyTheInterestThatRemains(ClusterTopology topology)
			throws Exception {
		TestCluster cluster = cluster(topology);
		Connection requester = connect(options(cluster.node(0)).reportNoResponders());
		Connection keeper = connect(cluster.node(1));
		keeper.createDispatcher(message -> keeper.publish(message.getReplyTo(), bytes("kept")))
			.subscribe("churn.kept")
			.subscribe("churn.kept.queue", "churners");
		awaitInterest(keeper, List.of(requester));
		List<Connection> churners = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			churners.add(connect(cluster.node(1 + i % (NODES - 1))));
		}

		List<CompletableFuture<Void>> churns = new ArrayList<>();
		for (Connection churner : churners) {
			churns.add(CompletableFuture.runAsync(() -> {
				Dispatcher dispatcher = churner.createDispatcher(message -> { });
				for (int i = 0; i < 100; i++) {
					dispatcher.subscribe("churn.gone").subscribe("churn.gone.queue", "churners");
					dispatcher.subscribe("churn.kept").subscribe("churn.kept.queue", "churners");
					dispatcher.unsubscribe("churn.gone").unsubscribe("churn.gone.queue");
					dispatcher.unsubscribe("churn.kept").unsubscribe("churn.kept.queue");
				}
			}));
		}
		CompletableFuture.allOf(churns.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		for (Connection churner : churners) {
			awaitInterest(churner, List.of(requester));
		}

		assertNoResponders(requester, "churn.gone");
		assertNoResponders(requester, "churn.gone.queue");
		for (String subject : List.of("churn.kept", "churn.kept.queue")) {
			Message reply = requester.request(subject, bytes("there?"), TIMEOUT);
			assertThat(reply).as(subject).isNotNull();
			assertThat(reply.getData()).isEqualTo(bytes("kept"));
		}
	}

	@ClusterTest
	void closingAClientWithdrawsAllItsInterestFromOtherNodes(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		Connection requester = connect(options(cluster.node(0)).reportNoResponders());
		Connection responder = connect(cluster.node(NODES - 1));
		List<String> subjects = List.of("closing.one", "closing.two", "closing.three.>");
		Dispatcher dispatcher = responder.createDispatcher(message -> responder.publish(message.getReplyTo(), bytes("ok")));
		subjects.forEach(dispatcher::subscribe);
		awaitInterest(responder, List.of(requester));
		assertThat(requester.request("closing.three.x", bytes("open?"), TIMEOUT)).isNotNull();

		responder.close();

		for (String subject : List.of("closing.one", "closing.two", "closing.three.x")) {
			await().atMost(TIMEOUT).untilAsserted(() -> assertNoResponders(requester, subject));
		}
	}

	@ClusterTest
	void requestsFromEveryNodeAreAnsweredByAResponderOnAnotherNode(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		List<Connection> requesters = connectToEachNode(cluster);
		Connection responder = connect(cluster.node(NODES - 1));
		responder.createDispatcher(message -> responder.publish(message.getReplyTo(),
				bytes(new String(message.getData(), StandardCharsets.UTF_8).toUpperCase())))
			.subscribe("upper");
		awaitInterest(responder, requesters);

		List<CompletableFuture<Message>> replies = new ArrayList<>();
		for (int node = 0; node < NODES; node++) {
			for (int i = 0; i < 20; i++) {
				replies.add(requesters.get(node).requestWithTimeout("upper", bytes("node " + node + " asks " + i), TIMEOUT));
			}
		}

		for (int node = 0; node < NODES; node++) {
			for (int i = 0; i < 20; i++) {
				Message reply = replies.get(node * 20 + i).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("NODE " + node + " ASKS " + i);
			}
		}
	}

	@ClusterTest
	void requestNobodyListensToAnywhereGetsNoRespondersAtOnceOnEveryNode(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		for (int node = 0; node < NODES; node++) {
			Connection requester = connect(options(cluster.node(node)).reportNoResponders());

			assertNoResponders(requester, "nobody.anywhere");
		}
	}

	@ClusterTest
	void responderLeavingAnotherNodeTurnsRequestsIntoNoResponders(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		Connection requester = connect(options(cluster.node(0)).reportNoResponders());
		Connection responder = connect(cluster.node(NODES - 1));
		Subscription service = responder.subscribe("leaving.service");
		awaitInterest(responder, List.of(requester));
		CompletableFuture<Message> answered = requester.requestWithTimeout("leaving.service", bytes("still there?"),
				TIMEOUT);
		Message request = service.nextMessage(TIMEOUT);
		responder.publish(request.getReplyTo(), bytes("yes"));
		assertThat(answered.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).getData()).isEqualTo(bytes("yes"));

		service.unsubscribe();
		responder.flush(TIMEOUT);

		// the UNSUB reaches the requester's node some time later: until then a request waits for nobody
		await().atMost(TIMEOUT).untilAsserted(() -> assertNoResponders(requester, "leaving.service"));
	}

	@ClusterTest
	void autoUnsubscribeDeliversTheMaximumAndThenWithdrawsTheInterestFromOtherNodes(ClusterTopology topology)
			throws Exception {
		TestCluster cluster = cluster(topology);
		Connection publisher = connect(options(cluster.node(0)).reportNoResponders());
		Connection subscriber = connect(cluster.node(1));
		Subscription limited = subscriber.subscribe("limited");
		limited.unsubscribe(5);
		awaitInterest(subscriber, List.of(publisher));

		for (int i = 0; i < 10; i++) {
			publisher.publish("limited", bytes(Integer.toString(i)));
		}
		publisher.flush(TIMEOUT);

		List<String> delivered = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Message message = limited.nextMessage(TIMEOUT);
			assertThat(message).as("message %d", i).isNotNull();
			delivered.add(new String(message.getData(), StandardCharsets.UTF_8));
		}
		assertThat(delivered).containsExactly("0", "1", "2", "3", "4");
		await().atMost(TIMEOUT).until(() -> !limited.isActive());
		// jnats counts too: only the publisher's node going back to no-responders shows the server removed it
		await().atMost(TIMEOUT).untilAsserted(() -> assertNoResponders(publisher, "limited"));
	}

	@ClusterTest
	void headersCrossRoutesIntact(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		Connection publisher = connect(cluster.node(0));
		List<Received> subscribers = new ArrayList<>();
		for (int node = 1; node < NODES; node++) {
			Connection subscriber = connect(cluster.node(node));
			Received received = new Received();
			subscriber.createDispatcher(received).subscribe("with.headers");
			awaitInterest(subscriber, List.of(publisher));
			subscribers.add(received);
		}
		Headers headers = new Headers().add("Trace-Id", "abc-123").add("Multi", "one", "two");
		Headers onlyHeaders = new Headers().add("Empty-Body", "yes");

		publisher.publish("with.headers", headers, bytes("body"));
		publisher.publish("with.headers", onlyHeaders, new byte[0]);
		publisher.publish("with.headers", bytes("no headers"));
		publisher.flush(TIMEOUT);

		for (Received received : subscribers) {
			await().atMost(TIMEOUT).until(() -> received.count() == 3);
			List<Message> messages = received.messages();
			assertThat(messages.get(0).getHeaders().get("Trace-Id")).containsExactly("abc-123");
			assertThat(messages.get(0).getHeaders().get("Multi")).containsExactly("one", "two");
			assertThat(messages.get(0).getData()).isEqualTo(bytes("body"));
			assertThat(messages.get(1).getHeaders().get("Empty-Body")).containsExactly("yes");
			assertThat(messages.get(1).getData()).isEmpty();
			assertThat(messages.get(2).hasHeaders()).isFalse();
			assertThat(messages.get(2).getData()).isEqualTo(bytes("no headers"));
		}
	}

	@ClusterTest
	void messagesUpToTheMaximumPayloadCrossRoutesIntact(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		Connection publisher = connect(cluster.node(0));
		List<Received> subscribers = new ArrayList<>();
		for (int node = 1; node < NODES; node++) {
			Connection subscriber = connect(cluster.node(node));
			subscribers.add(subscribe(subscriber, "large", null));
			awaitInterest(subscriber, List.of(publisher));
		}
		Random random = new Random(42);
		List<byte[]> payloads = new ArrayList<>();
		for (int size : List.of(1, 64 * 1024 + 1, (int) publisher.getMaxPayload() - 100)) {
			byte[] payload = new byte[size];
			random.nextBytes(payload);
			payloads.add(payload);
		}

		publisher.publish("large", new Headers().add("Size", "small"), payloads.get(0));
		publisher.publish("large", payloads.get(1));
		publisher.publish("large", new Headers().add("Size", "maximum"), payloads.get(2));
		publisher.flush(TIMEOUT);

		for (Received received : subscribers) {
			await().atMost(TIMEOUT).until(() -> received.count() == payloads.size());
			List<Message> messages = received.messages();
			for (int i = 0; i < payloads.size(); i++) {
				assertThat(messages.get(i).getData()).as("payload %d", i).isEqualTo(payloads.get(i));
			}
			assertThat(messages.get(2).getHeaders().get("Size")).containsExactly("maximum");
		}
	}

	@ClusterTest
	void twentyThousandMessagesCrossARouteInOrderWithoutLoss(ClusterTopology topology) throws Exception {
		int messages = 20_000;
		TestCluster cluster = cluster(topology);
		Connection publisher = connect(cluster.node(0));
		Connection subscriber = connect(cluster.node(1));
		Received received = new Received();
		subscriber.createDispatcher(received).subscribe("ordered");
		awaitInterest(subscriber, List.of(publisher));

		for (int i = 0; i < messages; i++) {
			publisher.publish("ordered", bytes(Integer.toString(i)));
		}
		publisher.flush(TIMEOUT);

		await().atMost(Duration.ofSeconds(30)).until(() -> received.count() >= messages);
		List<String> texts = received.texts();
		for (int i = 0; i < messages; i++) {
			if (!texts.get(i).equals(Integer.toString(i))) {
				throw new AssertionError("message " + i + " arrived as " + texts.get(i));
			}
		}
		assertThat(texts).hasSize(messages);
	}

	@ClusterTest
	void concurrentPublishersOnEveryNodeReachEverySubscriberCompleteAndInOrder(ClusterTopology topology)
			throws Exception {
		int publishersPerNode = 3;
		int messages = 500;
		TestCluster cluster = cluster(topology);
		List<Connection> publishers = new ArrayList<>();
		for (int node = 0; node < NODES; node++) {
			for (int i = 0; i < publishersPerNode; i++) {
				publishers.add(connect(cluster.node(node)));
			}
		}
		List<Received> subscribers = new ArrayList<>();
		for (int node = 0; node < NODES; node++) {
			Connection subscriber = connect(cluster.node(node));
			subscribers.add(subscribe(subscriber, "burst", null));
			awaitInterest(subscriber, publishers);
		}
		String padding = "x".repeat(100);

		List<CompletableFuture<Void>> bursts = new ArrayList<>();
		for (int p = 0; p < publishers.size(); p++) {
			int publisher = p;
			bursts.add(CompletableFuture.runAsync(() -> {
				for (int i = 0; i < messages; i++) {
					publishers.get(publisher).publish("burst", bytes(publisher + ":" + i + ":" + padding));
				}
			}));
		}
		CompletableFuture.allOf(bursts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

		int total = publishers.size() * messages;
		for (int node = 0; node < NODES; node++) {
			Received received = subscribers.get(node);
			await().atMost(Duration.ofSeconds(30)).until(() -> received.count() >= total);
			int[] next = new int[publishers.size()];
			for (String text : received.texts()) {
				int publisher = Integer.parseInt(text.substring(0, text.indexOf(':')));
				String expected = publisher + ":" + next[publisher] + ":" + padding;
				if (!text.equals(expected)) {
					throw new AssertionError("on node " + node + ", expected " + expected + " but got " + text);
				}
				next[publisher]++;
			}
			assertThat(received.count()).isEqualTo(total);
		}
	}

	@ClusterTest
	void clientGivenOneNodeLearnsEveryNodeFromConnectUrls(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		Set<Integer> clientPorts = IntStream.range(0, NODES)
			.mapToObj(node -> cluster.node(node).spec().ports().client())
			.collect(Collectors.toSet());

		Connection client = connect(cluster.node(0));

		assertThat(client.getServerInfo().getConnectURLs()).containsExactlyInAnyOrderElementsOf(
				clientPorts.stream().map(port -> "127.0.0.1:" + port).toList());
		assertThat(client.getServerInfo().getCluster()).isEqualTo(cluster.node(0).spec().clusterName());
		assertThat(client.getServers().stream().map(server -> URI.create(server).getPort()))
			.containsAll(clientPorts);
	}

	/** A request that a 503 ends at once; one that times out instead means a node still sees stale interest. */
	private static void assertNoResponders(Connection requester, String subject) {
		long started = System.nanoTime();
		CompletableFuture<Message> reply = requester.requestWithTimeout(subject, bytes("anyone?"), IMMEDIATE);
		assertThatThrownBy(() -> reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
			.isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOfSatisfying(JetStreamStatusException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(503));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(IMMEDIATE);
	}

	private static Received subscribe(Connection connection, String subject, String queue) {
		Received received = new Received();
		Dispatcher dispatcher = connection.createDispatcher(received);
		if (queue == null) {
			dispatcher.subscribe(subject);
		}
		else {
			dispatcher.subscribe(subject, queue);
		}
		return received;
	}

	/** A member of the subject's queue group that answers every request with the same text. */
	private static Dispatcher startResponder(Connection connection, String subject, String answer) {
		return connection.createDispatcher(message -> connection.publish(message.getReplyTo(), bytes(answer)))
			.subscribe(subject, subject + "-group");
	}

	private static void assertEachHandledOnceSpreadOverAll(List<Received> members, List<String> sent) {
		Set<String> handled = new HashSet<>();
		for (int node = 0; node < members.size(); node++) {
			List<String> share = members.get(node).texts();
			// nats-server picks uniformly among local and remote members for a client's message: all get work
			assertThat(share).as("the share of the member on node %d", node).isNotEmpty();
			share.forEach(text -> assertThat(handled.add(text)).as("%s handled once", text).isTrue());
		}
		assertThat(handled).containsExactlyInAnyOrderElementsOf(sent);
	}

	/** Waits for the end marker of every node's publisher: each follows all that publisher sent before. */
	private static void awaitEnds(Received received) {
		await().atMost(TIMEOUT)
			.until(() -> received.texts().stream().filter(text -> text.endsWith(":end")).count() == NODES);
	}

	private static List<String> sequence(int node, int count) {
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			texts.add(node + ":" + i);
		}
		texts.add(node + ":end");
		return texts;
	}

	private static List<String> subjects(Received received) {
		return received.messages().stream().map(Message::getSubject).toList();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
