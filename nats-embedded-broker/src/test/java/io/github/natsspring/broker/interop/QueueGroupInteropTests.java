package io.github.natsspring.broker.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.nats.client.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Queue groups with jnats: work spread over the members, plain subscribers still see everything. */
class QueueGroupInteropTests extends InteropScenario {

	private static final int MESSAGES = 1000;

	private static final int MEMBERS = 3;

	@InteropTest
	void eachMessageGoesToExactlyOneMemberAndEveryMemberGetsSome(TargetKind kind) throws Exception {
		NatsTarget target = start(kind);
		List<Queue<String>> members = new ArrayList<>();
		for (int i = 0; i < MEMBERS; i++) {
			Queue<String> received = new ConcurrentLinkedQueue<>();
			Connection member = connect(target);
			member.createDispatcher(message -> received.add(text(message.getData()))).subscribe("jobs", "workers");
			member.flush(Duration.ofSeconds(5));
			members.add(received);
		}
		Queue<String> observer = new ConcurrentLinkedQueue<>();
		Connection plain = connect(target);
		plain.createDispatcher(message -> observer.add(text(message.getData()))).subscribe("jobs");
		plain.flush(Duration.ofSeconds(5));
		Connection publisher = connect(target);

		for (int i = 0; i < MESSAGES; i++) {
			publisher.publish("jobs", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
		}
		publisher.flush(Duration.ofSeconds(5));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> members.stream().mapToInt(Queue::size).sum() >= MESSAGES && observer.size() >= MESSAGES);
		Set<String> all = IntStream.range(0, MESSAGES).mapToObj(Integer::toString).collect(Collectors.toSet());
		Set<String> handled = new HashSet<>();
		for (Queue<String> member : members) {
			assertThat(member).as("a member's share").isNotEmpty();
			member.forEach(id -> assertThat(handled.add(id)).as("message %s handled once", id).isTrue());
		}
		assertThat(handled).isEqualTo(all);
		assertThat(observer).hasSize(MESSAGES).containsExactlyInAnyOrderElementsOf(all);
	}

	private static String text(byte[] data) {
		return new String(data, StandardCharsets.UTF_8);
	}
}
