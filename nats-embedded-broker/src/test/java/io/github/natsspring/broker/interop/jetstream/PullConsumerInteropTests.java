package io.github.natsspring.broker.interop.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.natsspring.broker.interop.InteropTest;
import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pull consumers: fetch, iterate, no-wait, expiry, byte limits, deliver policies and headers-only. */
class PullConsumerInteropTests extends JetStreamScenario {

	private Connection connection;

	private JetStream jetStream;

	private JetStreamManagement management;

	private void startWithStream(TargetKind kind, int messages) throws Exception {
		connection = connect(startJetStream(kind));
		jetStream = connection.jetStream();
		management = connection.jetStreamManagement();
		management.addStream(fileStream("S", "s.>").build());
		for (int i = 1; i <= messages; i++) {
			jetStream.publish((i % 2 == 1) ? "s.a" : "s.b", utf8("m-" + i));
		}
	}

	@InteropTest
	void durableConsumerIsCreatedWithTheServerDefaults(TargetKind kind) throws Exception {
		startWithStream(kind, 4);
		ConsumerInfo info = management.addOrUpdateConsumer("S",
				ConsumerConfiguration.builder().durable("d1").ackPolicy(AckPolicy.Explicit).build());
		assertThat(info.getName()).isEqualTo("d1");
		assertThat(info.getStreamName()).isEqualTo("S");
		ConsumerConfiguration config = info.getConsumerConfiguration();
		assertThat(config.getDeliverPolicy()).isEqualTo(DeliverPolicy.All);
		assertThat(config.getAckWait()).isEqualTo(Duration.ofSeconds(30));
		assertThat(config.getMaxDeliver()).isEqualTo(-1);
		assertThat(config.getMaxPullWaiting()).isEqualTo(512);
		assertThat(config.getMaxAckPending()).isEqualTo(1000);
		assertThat(counters(info)).containsExactly(0L, 0L, 0L, 0L, 4L, 0L, 0L);
		assertThat(management.getConsumerNames("S")).containsExactly("d1");
		assertThat(management.getConsumers("S")).extracting(ConsumerInfo::getName).containsExactly("d1");
		assertThat(management.getStreamInfo("S").getStreamState().getConsumerCount()).isEqualTo(1);
		assertThat(management.deleteConsumer("S", "d1")).isTrue();
		assertApiError(apiError(() -> management.getConsumerInfo("S", "d1")), 404, 10014, "consumer not found");
		assertApiError(apiError(() -> management.deleteConsumer("S", "d1")), 404, 10014, "consumer not found");
	}

	@InteropTest
	void fetchReturnsABatchWithDeliveryMetadata(TargetKind kind) throws Exception {
		startWithStream(kind, 5);
		JetStreamSubscription subscription = jetStream.subscribe("s.>", PullSubscribeOptions.builder().durable("d1").build());
		List<Message> batch = subscription.fetch(3, Duration.ofSeconds(2));
		assertThat(texts(batch)).containsExactly("m-1", "m-2", "m-3");
		Message third = batch.get(2);
		assertThat(List.of(third.metaData().getStream(), third.metaData().getConsumer())).containsExactly("S", "d1");
		assertThat(List.of(third.metaData().streamSequence(), third.metaData().consumerSequence(),
				third.metaData().deliveredCount(), third.metaData().pendingCount())).containsExactly(3L, 3L, 1L, 2L);
		batch.forEach(Message::ack);
		connection.flush(Duration.ofSeconds(2));
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(3L, 3L, 3L, 3L, 2L, 0L, 0L);
		assertThat(texts(subscription.fetch(10, Duration.ofMillis(500)))).containsExactly("m-4", "m-5");
	}

	@InteropTest
	void iterateYieldsMessagesUntilTheBatchOrTheWaitEnds(TargetKind kind) throws Exception {
		startWithStream(kind, 3);
		JetStreamSubscription subscription = jetStream.subscribe("s.>", PullSubscribeOptions.builder().durable("d1").build());
		Iterator<Message> iterator = subscription.iterate(5, Duration.ofMillis(700));
		List<String> seen = new ArrayList<>();
		while (iterator.hasNext()) {
			Message message = iterator.next();
			seen.add(text(message));
			message.ack();
		}
		assertThat(seen).containsExactly("m-1", "m-2", "m-3");
	}

	@InteropTest
	void noWaitFetchReturnsWhatIsThereAtOnce(TargetKind kind) throws Exception {
		startWithStream(kind, 2);
		ConsumerContext consumer = connection.getStreamContext("S")
			.createOrUpdateConsumer(ConsumerConfiguration.builder().durable("d1").build());
		List<Message> fetched = drain(consumer.fetch(FetchConsumeOptions.builder().maxMessages(10).noWait().build()));
		assertThat(texts(fetched)).containsExactly("m-1", "m-2");
		long start = System.nanoTime();
		assertThat(drain(consumer.fetch(FetchConsumeOptions.builder().maxMessages(10).noWait().build()))).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@InteropTest
	void fetchWithExpiryEndsEmptyOnceItExpires(TargetKind kind) throws Exception {
		startWithStream(kind, 0);
		ConsumerContext consumer = connection.getStreamContext("S")
			.createOrUpdateConsumer(ConsumerConfiguration.builder().durable("d1").build());
		long start = System.nanoTime();
		assertThat(drain(consumer.fetch(FetchConsumeOptions.builder().maxMessages(5).expiresIn(1000).build()))).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
		// jnats ends the fetch on its own timer; the server drops the expired request a moment later
		await().atMost(Duration.ofSeconds(5)).until(() -> consumer.getConsumerInfo().getNumWaiting() == 0);
	}

	@InteropTest
	void fetchByBytesStopsBeforeTheMessageThatWouldExceedThem(TargetKind kind) throws Exception {
		startWithStream(kind, 0);
		byte[] payload = new byte[100];
		for (int i = 0; i < 5; i++) {
			jetStream.publish("s.a", payload);
		}
		ConsumerContext consumer = connection.getStreamContext("S")
			.createOrUpdateConsumer(ConsumerConfiguration.builder().durable("d1").build());
		List<Message> fetched = drain(consumer.fetch(FetchConsumeOptions.builder().maxBytes(350).expiresIn(1000).build()));
		assertThat(streamSequences(fetched)).containsExactly(1L, 2L);
		fetched.forEach(Message::ack);
		List<Message> next = drain(consumer.fetch(FetchConsumeOptions.builder().maxBytes(2000).expiresIn(1000).build()));
		assertThat(streamSequences(next)).containsExactly(3L, 4L, 5L);
	}

	@InteropTest
	void deliverPoliciesChooseWhereTheConsumerStarts(TargetKind kind) throws Exception {
		startWithStream(kind, 5);
		assertThat(firstSequences(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All))).containsExactly(1L,
				2L, 3L, 4L, 5L);
		assertThat(firstSequences(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.Last))).containsExactly(5L);
		assertThat(firstSequences(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.ByStartSequence)
			.startSequence(3))).containsExactly(3L, 4L, 5L);
		assertThat(firstSequences(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.LastPerSubject)
			.filterSubject("s.>"))).containsExactly(4L, 5L);
		assertThat(firstSequences(ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.All).filterSubject("s.b")))
			.containsExactly(2L, 4L);
		ConsumerInfo lastPerSubject = management.addOrUpdateConsumer("S", ConsumerConfiguration.builder()
			.durable("lps")
			.deliverPolicy(DeliverPolicy.LastPerSubject)
			.filterSubject("s.>")
			.build());
		assertThat(counters(lastPerSubject)).containsExactly(0L, 3L, 0L, 0L, 2L, 0L, 0L);
		ConsumerContext fresh = connection.getStreamContext("S")
			.createOrUpdateConsumer(ConsumerConfiguration.builder().durable("new").deliverPolicy(DeliverPolicy.New).build());
		assertThat(fresh.getConsumerInfo().getNumPending()).isZero();
		jetStream.publish("s.c", utf8("m-6"));
		assertThat(text(fresh.next(Duration.ofSeconds(2)))).isEqualTo("m-6");
	}

	@InteropTest
	void aFilteredConsumerMovesItsDeliveredSequencePastMessagesItSkips(TargetKind kind) throws Exception {
		startWithStream(kind, 3);
		List<Long> delivered = firstSequences(ConsumerConfiguration.builder().durable("f").filterSubject("s.b"));
		assertThat(delivered).containsExactly(2L);
		assertThat(counters(management.getConsumerInfo("S", "f"))).containsExactly(1L, 3L, 0L, 0L, 0L, 1L, 0L);
	}

	@InteropTest
	void headersOnlyDeliversTheSizeInsteadOfThePayload(TargetKind kind) throws Exception {
		startWithStream(kind, 1);
		ConsumerContext consumer = connection.getStreamContext("S")
			.createOrUpdateConsumer(ConsumerConfiguration.builder().durable("h").headersOnly(true).build());
		Message message = consumer.next(Duration.ofSeconds(2));
		assertThat(message.getData()).isEmpty();
		assertThat(message.getHeaders().getFirst("Nats-Msg-Size")).isEqualTo("3");
		assertThat(message.getSubject()).isEqualTo("s.a");
	}

	@InteropTest
	void anIdleEphemeralConsumerIsRemovedAfterItsInactiveThreshold(TargetKind kind) throws Exception {
		startWithStream(kind, 1);
		ConsumerInfo info = management.addOrUpdateConsumer("S", ConsumerConfiguration.builder()
			.name("eph")
			.inactiveThreshold(Duration.ofMillis(300))
			.build());
		assertThat(info.getConsumerConfiguration().getDurable()).isNull();
		assertThat(info.getConsumerConfiguration().getInactiveThreshold()).isEqualTo(Duration.ofMillis(300));
		assertThat(management.getConsumerNames("S")).containsExactly("eph");
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> management.getConsumerNames("S").isEmpty());
		assertApiError(apiError(() -> management.getConsumerInfo("S", "eph")), 404, 10014, "consumer not found");
	}

	@InteropTest
	void aConsumerOnAMissingStreamIsRefused(TargetKind kind) throws Exception {
		startWithStream(kind, 0);
		assertApiError(apiError(() -> management.addOrUpdateConsumer("T",
				ConsumerConfiguration.builder().durable("p").build())), 404, 10059, "stream not found");
	}

	private List<Long> firstSequences(ConsumerConfiguration.Builder config) throws Exception {
		ConsumerContext consumer = connection.getStreamContext("S").createOrUpdateConsumer(config.build());
		return streamSequences(drain(consumer.fetch(FetchConsumeOptions.builder().maxMessages(10).noWait().build())));
	}

	private static List<Message> drain(FetchConsumer fetch) throws Exception {
		List<Message> messages = new ArrayList<>();
		for (Message message = fetch.nextMessage(); message != null; message = fetch.nextMessage()) {
			messages.add(message);
		}
		return messages;
	}
}
