package io.github.natsspring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application whose connection reaches its embedded broker in-JVM: NatsTemplate and an @NatsListener talk
 * without a socket, while a TCP client of its own still reaches the same broker.
 */
@SpringBootTest(classes = NatsInJvmTransportScenarioTests.GreetingApplication.class,
		properties = { "nats.embedded.port=0", "nats.embedded.transport=in-jvm" })
class NatsInJvmTransportScenarioTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	NatsTemplate template;

	@Autowired
	Connection connection;

	@Autowired
	NatsBroker broker;

	@Autowired
	Greetings greetings;

	@Test
	void theConnectionGoesToTheBrokersInJvmListener() {
		assertThat(this.connection.getConnectedUrl()).startsWith(this.broker.getInJvmClientUrl() + ":");
		assertThat(this.connection.getOptions().getDataPortType()).isEqualTo("io.nats.client.impl.InJvmDataPort");
	}

	@Test
	void aMessageSentThroughTheTemplateReachesTheListener() {
		this.template.convertAndSend("greetings", "hello in-jvm");

		await().atMost(WAIT).until(() -> this.greetings.received.contains("hello in-jvm"));
	}

	@Test
	void aRequestThroughTheTemplateGetsTheListenersReply() {
		String reply = this.template.convertSendAndReceive("greetings.personal", "Ada", String.class);

		assertThat(reply).isEqualTo("Hello, Ada");
	}

	@Test
	void aTcpClientStillReachesTheBrokerAndItsListeners() throws Exception {
		try (Connection tcp = Nats.connect(this.broker.getClientUrl())) {
			Message reply = tcp.request("greetings.personal", "Grace".getBytes(StandardCharsets.UTF_8), WAIT);

			assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo("Hello, Grace");
		}
	}

	/** What the greeting listener received. */
	static class Greetings {

		final Set<String> received = ConcurrentHashMap.newKeySet();

		@NatsListener("greetings")
		void greet(String text) {
			this.received.add(text);
		}

		@NatsListener("greetings.personal")
		String greetPersonally(String name) {
			return "Hello, " + name;
		}
	}

	/** An application with a greeting listener. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class GreetingApplication {

		@Bean
		Greetings greetings() {
			return new Greetings();
		}
	}
}
