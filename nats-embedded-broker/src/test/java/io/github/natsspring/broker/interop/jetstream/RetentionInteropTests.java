package io.github.natsspring.broker.interop.jetstream;

import java.time.Duration;
import java.util.List;

import io.github.natsspring.broker.interop.InteropTest;
import io.github.natsspring.broker.interop.TargetKind;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Work-queue and interest retention: acknowledged messages leave the stream. */
class RetentionInteropTests extends JetStreamScenario {

	@InteropTest
	void workQueueRemovesWhatItsConsumerAcknowledged(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(fileStream("WQ", "wq.>").retentionPolicy(RetentionPolicy.WorkQueue).build());
		JetStream jetStream = connection.jetStream();
		publish(jetStream, "wq.a", "m", 5);
		JetStreamSubscription subscription = jetStream.subscribe("wq.>", PullSubscribeOptions.builder().durable("w").build());
		List<Message> batch = subscription.fetch(5, Duration.ofSeconds(2));
		for (Message message : batch.subList(0, 3)) {
			message.ackSync(Duration.ofSeconds(2));
		}
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			StreamState state = management.getStreamInfo("WQ").getStreamState();
			assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence()))
				.containsExactly(2L, 4L, 5L);
		});
		assertThat(counters(subscription.getConsumerInfo())).containsExactly(5L, 5L, 3L, 3L, 0L, 2L, 0L);
	}

	@InteropTest
	void workQueueRefusesASecondConsumerThatOverlaps(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(fileStream("WQ", "wq.>").retentionPolicy(RetentionPolicy.WorkQueue).build());
		management.addOrUpdateConsumer("WQ", ConsumerConfiguration.builder().durable("all").build());
		assertApiError(apiError(() -> management.addOrUpdateConsumer("WQ",
				ConsumerConfiguration.builder().durable("second").build())), 400, 10099,
				"multiple non-filtered consumers not allowed on workqueue stream");
		management.deleteConsumer("WQ", "all");
		management.addOrUpdateConsumer("WQ", ConsumerConfiguration.builder().durable("a").filterSubject("wq.a").build());
		assertApiError(apiError(() -> management.addOrUpdateConsumer("WQ",
				ConsumerConfiguration.builder().durable("a2").filterSubject("wq.*").build())), 400, 10100,
				"filtered consumer not unique on workqueue stream");
		assertApiError(apiError(() -> management.addOrUpdateConsumer("WQ",
				ConsumerConfiguration.builder().durable("n").filterSubject("wq.n").ackPolicy(AckPolicy.None).build())),
				400, 10084, "consumer in pull mode requires ack policy");
		assertApiError(apiError(() -> management.addOrUpdateConsumer("WQ", ConsumerConfiguration.builder()
			.durable("n")
			.filterSubject("wq.n")
			.deliverSubject("deliver.n")
			.ackPolicy(AckPolicy.None)
			.build())), 400, 10098, "workqueue stream requires explicit ack");
		assertThat(management.addOrUpdateConsumer("WQ",
				ConsumerConfiguration.builder().durable("b").filterSubject("wq.b").build()).getName()).isEqualTo("b");
	}

	@InteropTest
	void interestRetentionKeepsAMessageUntilEveryInterestedConsumerAcknowledged(TargetKind kind) throws Exception {
		Connection connection = connect(startJetStream(kind));
		JetStreamManagement management = connection.jetStreamManagement();
		management.addStream(fileStream("I", "i.>").retentionPolicy(RetentionPolicy.Interest).build());
		JetStream jetStream = connection.jetStream();
		jetStream.publish("i.a", utf8("nobody"));
		assertThat(management.getStreamInfo("I").getStreamState().getMsgCount()).isZero();
		JetStreamSubscription first = jetStream.subscribe("i.>", PullSubscribeOptions.builder().durable("c1").build());
		JetStreamSubscription second = jetStream.subscribe("i.>", PullSubscribeOptions.builder().durable("c2").build());
		jetStream.publish("i.a", utf8("both"));
		first.fetch(1, Duration.ofSeconds(2)).get(0).ackSync(Duration.ofSeconds(2));
		assertThat(management.getStreamInfo("I").getStreamState().getMsgCount()).isEqualTo(1);
		second.fetch(1, Duration.ofSeconds(2)).get(0).ackSync(Duration.ofSeconds(2));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			StreamState state = management.getStreamInfo("I").getStreamState();
			assertThat(List.of(state.getMsgCount(), state.getFirstSequence(), state.getLastSequence()))
				.containsExactly(0L, 3L, 2L);
		});
	}
}
