package io.github.natsspring.testcontainers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test class as users write it: a static {@code @ServiceConnection} field holding a container of the
 * {@code nats} image, its connection named after the image. The container runs an embedded broker instead of
 * Docker.
 */
@SpringBootTest(classes = NatsContainerServiceConnectionScenarioTests.MessagingApplication.class)
class NatsContainerServiceConnectionScenarioTests {

	@ServiceConnection
	static final BrokerBackedNatsContainer nats = new BrokerBackedNatsContainer("nats:2.10",
			NatsBrokerOptions.loopbackRandomPort());

	@Autowired
	Connection connection;

	@Autowired
	NatsTemplate template;

	@Autowired
	ObjectProvider<NatsBroker> embeddedBroker;

	@AfterAll
	static void stopContainer() {
		nats.stop();
	}

	@Test
	@DirtiesContext
	void applicationTalksToTheContainerOfTheTestClass() throws Exception {
		assertThat(this.embeddedBroker.getIfAvailable()).isNull();
		assertThat(this.connection.getConnectedUrl()).isEqualTo("nats://127.0.0.1:" + nats.getMappedPort(4222));
		Subscription subscription = this.connection.subscribe("orders.created");
		this.connection.flush(Duration.ofSeconds(2));
		this.template.publish("orders.created", "order 42".getBytes(StandardCharsets.UTF_8));
		Message message = subscription.nextMessage(Duration.ofSeconds(2));
		assertThat(message).isNotNull();
		assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("order 42");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class MessagingApplication {

	}
}
