package io.github.natsspring.broker.jetstream.consumer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer state kept by the stream's file store across a broker restart with the same store directory.
 */
class ConsumerRestartTests {

	@TempDir
	Path directory;

	private JetStreamBroker broker;

	@AfterEach
	void stop() {
		this.broker.close();
	}

	@Test
	void durablePullConsumerResumesAfterItsAckFloor() throws Exception {
		this.broker = new JetStreamBroker(this.directory).start();
		this.broker.createStream("S", "s.>");
		publish(5);
		this.broker.management().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("d").build());
		for (Message message : subscription().fetch(3, Duration.ofSeconds(2))) {
			message.ackSync(Duration.ofSeconds(2));
		}
		this.broker.restart();
		ConsumerInfo info = this.broker.management().getConsumerInfo("S", "d");
		assertThat(info.getAckFloor().getStreamSequence()).isEqualTo(3);
		assertThat(info.getAckFloor().getConsumerSequence()).isEqualTo(3);
		assertThat(info.getNumPending()).isEqualTo(2);
		assertThat(info.getConsumerConfiguration().getAckWait()).isEqualTo(Duration.ofSeconds(30));
		Message next = subscription().fetch(1, Duration.ofSeconds(2)).get(0);
		assertThat(next.metaData().streamSequence()).isEqualTo(4);
		assertThat(next.metaData().deliveredCount()).isEqualTo(1);
		assertThat(next.metaData().consumerSequence()).isEqualTo(4);
	}

	@Test
	void unackedDeliveriesComeBackAfterARestartWithTheirCounts() throws Exception {
		this.broker = new JetStreamBroker(this.directory).start();
		this.broker.createStream("S", "s.>");
		publish(2);
		this.broker.management().addOrUpdateConsumer("S",
				ConsumerConfiguration.builder().durable("d").ackWait(Duration.ofMillis(500)).build());
		List<Message> first = subscription().fetch(2, Duration.ofSeconds(2));
		first.get(1).ackSync(Duration.ofSeconds(2));
		first.get(0).nak();
		Message redelivered = subscription().fetch(1, Duration.ofSeconds(2)).get(0);
		assertThat(redelivered.metaData().deliveredCount()).isEqualTo(2);
		this.broker.restart();
		ConsumerInfo info = this.broker.management().getConsumerInfo("S", "d");
		assertThat(info.getNumAckPending()).isEqualTo(1);
		assertThat(info.getRedelivered()).isEqualTo(1);
		Message again = subscription().fetch(1, Duration.ofSeconds(3)).get(0);
		assertThat(again.metaData().streamSequence()).isEqualTo(1);
		assertThat(again.metaData().deliveredCount()).isEqualTo(3);
	}

	@Test
	void deletedConsumerStaysDeleted() throws Exception {
		this.broker = new JetStreamBroker(this.directory).start();
		this.broker.createStream("S", "s.>");
		this.broker.management().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("gone").build());
		this.broker.management().addOrUpdateConsumer("S", ConsumerConfiguration.builder().durable("kept").build());
		assertThat(this.broker.management().deleteConsumer("S", "gone")).isTrue();
		this.broker.restart();
		assertThat(this.broker.management().getConsumerNames("S")).containsExactly("kept");
	}

	private JetStreamSubscription subscription() throws Exception {
		return this.broker.connection().jetStream().subscribe(null, PullSubscribeOptions.bind("S", "d"));
	}

	private void publish(int count) throws Exception {
		JetStream js = this.broker.connection().jetStream();
		for (int i = 1; i <= count; i++) {
			js.publish("s.a", ("m" + i).getBytes(StandardCharsets.UTF_8));
		}
	}
}
