package io.github.natsspring.test.context;

import java.time.Duration;

import io.github.natsspring.autoconfigure.NatsConnectionDetails;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.core.NatsTemplate;
import io.github.natsspring.test.EmbeddedNats;
import io.github.natsspring.test.EmbeddedNatsServer;
import io.github.natsspring.test.context.GreetingApplication.Greetings;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @EmbeddedNats} with {@code @SpringBootTest}: the application connects to the test broker, sends through
 * it with {@code NatsTemplate} to its own {@code @NatsListener}, and recovers when the broker restarts mid-test.
 */
@SpringBootTest(classes = GreetingApplication.class, properties = "nats.reconnect-wait=50ms")
@EmbeddedNats
class EmbeddedNatsSpringBootTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private NatsTemplate template;

	@Autowired
	private Greetings greetings;

	@Autowired
	private Connection applicationConnection;

	@Test
	void theApplicationConnectsToTheTestBrokerAndStartsNoBrokerOfItsOwn(EmbeddedNatsServer server,
			ApplicationContext context) {
		assertThat(this.applicationConnection.getConnectedUrl()).isEqualTo(server.getUrl());
		assertThat(context.getBeansOfType(NatsBroker.class)).isEmpty();
		assertThat(context.getBean(NatsConnectionDetails.class).getServers()).containsExactly(server.getUrl());
		assertThat(context.getBean(EmbeddedNatsServer.class)).isSameAs(server);
	}

	@Test
	void aTemplateMessageReachesTheListenerThroughTheTestBroker() {
		this.template.convertAndSend("greetings", "hello");
		await().atMost(TIMEOUT).until(() -> this.greetings.received().contains("hello"));
	}

	@Test
	void afterTheBrokerRestartsMidTestTheApplicationReconnectsAndItsListenerReceivesAgain(EmbeddedNatsServer server) {
		String serverIdBefore = this.applicationConnection.getServerInfo().getServerId();
		server.restart();
		await().atMost(TIMEOUT)
			.until(() -> this.applicationConnection.getStatus() == Connection.Status.CONNECTED
					&& !this.applicationConnection.getServerInfo().getServerId().equals(serverIdBefore));
		// the listener's subscription is sent again on reconnect, before the template's next publish
		this.template.convertAndSend("greetings", "after restart");
		await().atMost(TIMEOUT).until(() -> this.greetings.received().contains("after restart"));
	}

	@Test
	void aTestConnectionParameterIsItsOwnConnectionToTheSameBroker(Connection connection) {
		assertThat(connection).isNotSameAs(this.applicationConnection);
		assertThat(connection.getServerInfo().getServerId())
			.isEqualTo(this.applicationConnection.getServerInfo().getServerId());
	}
}
