package io.github.natsspring.autoconfigure.jetstream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.natsspring.autoconfigure.jetstream.JetStreamScenarioApplication.Listeners;
import io.github.natsspring.autoconfigure.jetstream.JetStreamScenarioApplication.Order;
import io.github.natsspring.jetstream.JetStreamAdmin;
import io.github.natsspring.jetstream.JetStreamHeaders;
import io.github.natsspring.jetstream.JetStreamTemplate;
import io.github.natsspring.jetstream.KeyValueRecord;
import io.github.natsspring.jetstream.KeyValueRevisionException;
import io.github.natsspring.jetstream.KeyValueTemplate;
import io.github.natsspring.jetstream.KeyValueWatch;
import io.github.natsspring.jetstream.NatsJetStreamException;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * JetStream end to end through the auto-configuration: declarations, the template, listeners, key-value and
 * health, over real sockets; a subclass per server.
 */
abstract class JetStreamScenarioTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	JetStreamTemplate template;

	@Autowired
	JetStreamManagement management;

	@Autowired
	KeyValueTemplate profiles;

	@Autowired
	Listeners listeners;

	@Autowired
	HealthIndicator natsHealthIndicator;

	@Autowired
	StreamConfiguration ordersStream;

	@Test
	void declaredStreamsAndBucketExistOnTheServer() throws Exception {
		assertThat(this.management.getStreamNames()).contains("ORDERS", "AUTOACK", "MANUALACK", "FAILING", "DEAD",
				"WORK", "KV_profiles");
		assertThat(this.management.getStreamInfo("ORDERS").getConfiguration().getSubjects())
			.containsExactly("orders.>");
		assertThat(this.management.keyValueManagement().getStatus("profiles").getMaxHistoryPerKey()).isEqualTo(5);
	}

	@Test
	void declaredStreamAsTheServerHoldsItDoesNotDiffer() throws Exception {
		StreamConfiguration held = this.management.getStreamInfo("ORDERS").getConfiguration();
		assertThat(JetStreamAdmin.differs(this.ordersStream, held)).isFalse();
		StreamConfiguration changed = StreamConfiguration.builder(this.ordersStream).maxMessages(100).build();
		assertThat(JetStreamAdmin.differs(changed, held)).isTrue();
	}

	@Test
	void publishIsAcknowledgedWithTheStreamSequence() throws Exception {
		PublishAck ack = this.template.publish("orders.created", new Order("o-1", 2));
		assertThat(ack.getStream()).isEqualTo("ORDERS");
		MessageInfo stored = this.management.getMessage("ORDERS", ack.getSeqno());
		assertThat(new String(stored.getData())).isEqualTo("{\"id\":\"o-1\",\"quantity\":2}");
		assertThat(stored.getHeaders().getFirst("Content-Type")).isEqualTo("application/json");
	}

	@Test
	void publishWithTheSameMessageIdIsStoredOnce() {
		PublishOptions options = PublishOptions.builder().messageId("order-dedupe").build();
		PublishAck first = this.template.publish("orders.dedupe", "once", options);
		PublishAck second = this.template.publish("orders.dedupe", "once", options);
		assertThat(first.isDuplicate()).isFalse();
		assertThat(second.isDuplicate()).isTrue();
		assertThat(second.getSeqno()).isEqualTo(first.getSeqno());
	}

	@Test
	void publishWithAWrongExpectedSequenceIsRejectedWithTheServersError() {
		PublishOptions options = PublishOptions.builder().expectedLastSequence(1_000_000).build();
		assertThatExceptionOfType(NatsJetStreamException.class)
			.isThrownBy(() -> this.template.publish("orders.expected", "late", options))
			.satisfies((ex) -> assertThat(ex.getApiErrorCode()).isEqualTo(10071))
			.withMessageContaining("wrong last sequence");
	}

	@Test
	void asyncPublishCompletesWithTheAcknowledgement() throws Exception {
		PublishAck ack = this.template.publishAsync("orders.async", new Order("o-2", 1)).get(10, TimeUnit.SECONDS);
		assertThat(ack.getStream()).isEqualTo("ORDERS");
		assertThat(ack.getSeqno()).isPositive();
	}

	@Test
	void publishToASubjectNoStreamCapturesFails() {
		assertThatExceptionOfType(NatsJetStreamException.class)
			.isThrownBy(() -> this.template.publish("nostream.here", "lost"));
	}

	@Test
	void autoAckListenerAcknowledgesWhatItHandled() {
		PublishAck ack = this.template.publish("autoack.orders", new Order("a-1", 1));
		await().atMost(WAIT).until(() -> this.listeners.autoAcked.contains(new Order("a-1", 1)));
		await().atMost(WAIT).untilAsserted(() -> {
			ConsumerInfo consumer = this.management.getConsumerInfo("AUTOACK", "auto");
			assertThat(consumer.getAckFloor().getStreamSequence()).isGreaterThanOrEqualTo(ack.getSeqno());
		});
	}

	@Test
	void autoAckListenerNaksAFailureSoThatTheMessageIsDeliveredAgain() {
		this.template.publish("autoack.orders", new Order("a-retry", -1));
		await().atMost(WAIT).until(() -> this.listeners.autoAcked.contains(new Order("a-retry", -1)));
		assertThat(this.listeners.deliveries.get("a-retry")).isEqualTo(3);
	}

	@Test
	void autoAckListenerOnlyGetsItsFilterSubject() throws Exception {
		this.template.publish("autoack.other", new Order("a-other", 1));
		PublishAck ack = this.template.publish("autoack.orders", new Order("a-after", 1));
		await().atMost(WAIT).until(() -> this.listeners.autoAcked.contains(new Order("a-after", 1)));
		assertThat(this.listeners.autoAcked).doesNotContain(new Order("a-other", 1));
		assertThat(this.management.getConsumerInfo("AUTOACK", "auto").getConsumerConfiguration().getFilterSubject())
			.isEqualTo("autoack.orders");
		assertThat(ack.getSeqno()).isPositive();
	}

	@Test
	void manualAckListenerAcknowledgesThroughTheMessage() {
		this.template.publish("manualack.a", "ack-me");
		this.template.publish("manualack.b", "leave-me");
		await().atMost(WAIT).until(() -> this.listeners.manual.containsAll(List.of("ack-me", "leave-me")));
		await().atMost(WAIT).untilAsserted(() -> {
			ConsumerInfo consumer = this.management.getConsumerInfo("MANUALACK", "manual");
			assertThat(consumer.getNumAckPending()).isEqualTo(1);
			assertThat(consumer.getAckFloor().getStreamSequence()).isEqualTo(1);
		});
	}

	@Test
	void messageFailingItsLastDeliveryGoesToTheDeadLetterSubjectWithTheError() {
		PublishAck ack = this.template.publish("failing.job", "doomed");
		await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
			MessageInfo dead = this.management.getLastMessage("DEAD", "dead.failing");
			assertThat(new String(dead.getData())).isEqualTo("doomed");
			assertThat(dead.getHeaders().getFirst("Content-Type")).isEqualTo("text/plain; charset=utf-8");
			assertThat(dead.getHeaders().getFirst(JetStreamHeaders.DEAD_LETTER_ERROR)).isEqualTo("cannot handle doomed");
			assertThat(dead.getHeaders().getFirst(JetStreamHeaders.DEAD_LETTER_EXCEPTION))
				.isEqualTo(IllegalArgumentException.class.getName());
			assertThat(dead.getHeaders().getFirst(JetStreamHeaders.DEAD_LETTER_SUBJECT)).isEqualTo("failing.job");
			assertThat(dead.getHeaders().getFirst(JetStreamHeaders.DEAD_LETTER_STREAM)).isEqualTo("FAILING");
			assertThat(dead.getHeaders().getFirst(JetStreamHeaders.DEAD_LETTER_SEQUENCE))
				.isEqualTo(Long.toString(ack.getSeqno()));
			assertThat(dead.getHeaders().getFirst(JetStreamHeaders.DEAD_LETTER_DELIVERIES)).isEqualTo("2");
		});
		assertThat(this.listeners.failingAttempts).hasValue(2);
		await().atMost(WAIT).untilAsserted(() -> {
			ConsumerInfo consumer = this.management.getConsumerInfo("FAILING", "failing");
			assertThat(consumer.getNumAckPending()).isZero();
			assertThat(consumer.getConsumerConfiguration().getMaxDeliver()).isEqualTo(2);
		});
	}

	@Test
	void concurrentListenerHandlesMessagesOnSeveralThreadsAtOnce() {
		for (int i = 0; i < 3; i++) {
			this.template.publish("work.item", "item-" + i);
		}
		await().atMost(WAIT).until(() -> this.listeners.workInFlight.getCount() == 0);
		assertThat(this.listeners.workThreads).hasSize(3);
	}

	@Test
	void keyValueTemplateStoresAndReadsTypedValues() {
		long revision = this.profiles.put("alice", new Order("p-1", 1));
		assertThat(this.profiles.get("alice", Order.class)).isEqualTo(new Order("p-1", 1));
		KeyValueRecord<Order> entry = this.profiles.getEntry("alice", Order.class);
		assertThat(entry.revision()).isEqualTo(revision);
		assertThat(entry.isPut()).isTrue();
		assertThat(this.profiles.get("nobody", Order.class)).isNull();
	}

	@Test
	void keyValueUpdateChecksTheRevision() {
		long first = this.profiles.put("bob", "v1");
		long second = this.profiles.update("bob", "v2", first);
		assertThat(second).isGreaterThan(first);
		assertThatExceptionOfType(KeyValueRevisionException.class)
			.isThrownBy(() -> this.profiles.update("bob", "v3", first))
			.satisfies((ex) -> {
				assertThat(ex.getKey()).isEqualTo("bob");
				assertThat(ex.getExpectedRevision()).isEqualTo(first);
				assertThat(ex.getApiErrorCode()).isEqualTo(10071);
			})
			.withMessageContaining("wrong last sequence: " + second);
		assertThat(this.profiles.get("bob", String.class)).isEqualTo("v2");
	}

	@Test
	void keyValueCreateFailsOnAKeyWithAValueAndWorksAfterADelete() {
		long created = this.profiles.create("carol", "first");
		assertThatExceptionOfType(KeyValueRevisionException.class)
			.isThrownBy(() -> this.profiles.create("carol", "second"))
			.withMessageContaining("already exists");
		this.profiles.delete("carol");
		assertThat(this.profiles.get("carol", String.class)).isNull();
		assertThat(this.profiles.create("carol", "again")).isGreaterThan(created);
	}

	@Test
	void keyValueKeysAndHistory() {
		this.profiles.put("dave", "d1");
		this.profiles.put("dave", "d2");
		this.profiles.put("erin", "e1");
		this.profiles.delete("erin");
		assertThat(this.profiles.keys()).contains("dave").doesNotContain("erin");
		List<KeyValueRecord<String>> history = this.profiles.history("dave", String.class);
		assertThat(history).extracting(KeyValueRecord::value).containsExactly("d1", "d2");
		assertThat(this.profiles.history("erin", String.class)).extracting(KeyValueRecord::operation)
			.containsExactly(KeyValueOperation.PUT, KeyValueOperation.DELETE);
	}

	@Test
	void keyValueWatchSeesTheCurrentValueThenChanges() {
		this.profiles.put("watched.x", "before");
		List<KeyValueRecord<String>> seen = new CopyOnWriteArrayList<>();
		try (KeyValueWatch watch = this.profiles.watch("watched.>", String.class, seen::add)) {
			await().atMost(WAIT).until(watch::isInitialized);
			this.profiles.put("watched.y", "after");
			this.profiles.delete("watched.x");
			await().atMost(WAIT).untilAsserted(() -> assertThat(seen).extracting(KeyValueRecord::key, KeyValueRecord::value)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("watched.x", "before"),
						org.assertj.core.groups.Tuple.tuple("watched.y", "after"),
						org.assertj.core.groups.Tuple.tuple("watched.x", null)));
		}
	}

	@Test
	void healthReportsJetStream() {
		Health health = this.natsHealthIndicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("jetStream")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("enabled", true)
			.containsKeys("streams", "consumers", "memory", "storage")
			.satisfies((details) -> assertThat((Long) details.get("streams")).isGreaterThanOrEqualTo(7L));
	}
}
