package io.github.natsspring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsspring.annotation.NatsListener;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two applications in one JVM, each embedding a broker on random ports, the second routed to the first's
 * {@code local.nats.cluster-port}: a message crosses from one to the other, and the connection of an application
 * whose broker stops fails over to the other broker, which it learnt of from its own.
 */
class NatsEmbeddedClusterScenarioTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void aTemplateMessageSentInOneApplicationReachesAListenerInTheOther() {
		try (ConfigurableApplicationContext first = run("--nats.embedded.cluster.port=0");
				ConfigurableApplicationContext second = run(routedTo(first))) {
			NatsTemplate template = first.getBean(NatsTemplate.class);
			Received received = second.getBean(Received.class);
			// until the route is up and has carried the listener's interest over, a publish reaches nobody there
			await().atMost(TIMEOUT).untilAsserted(() -> {
				template.convertAndSend("orders.crossing", "from the first");
				assertThat(received.messages()).contains("from the first");
			});
		}
	}

	@Test
	void theConnectionOfAnApplicationWhoseBrokerStopsFailsOverToTheOther() {
		try (ConfigurableApplicationContext first = run("--nats.embedded.cluster.port=0");
				ConfigurableApplicationContext second = run(routedTo(first))) {
			Connection connection = first.getBean(Connection.class);
			String otherUrl = second.getBean(NatsBroker.class).getClientUrl();
			await().atMost(TIMEOUT).until(() -> connection.getServers().contains(otherUrl));
			first.getBean(NatsBroker.class).stop();
			await().atMost(TIMEOUT)
				.until(() -> connection.getStatus() == Connection.Status.CONNECTED
						&& otherUrl.equals(connection.getConnectedUrl()));
			Received received = second.getBean(Received.class);
			await().atMost(TIMEOUT).untilAsserted(() -> {
				first.getBean(NatsTemplate.class).convertAndSend("orders.crossing", "after failover");
				assertThat(received.messages()).contains("after failover");
			});
		}
	}

	@Test
	void routesAuthenticateWithTheClusterCredentialsTheirUrlsDoNotCarry() {
		String[] credentials = { "--nats.embedded.cluster.username=route",
				"--nats.embedded.cluster.password=p@ss:w/rd" };
		try (ConfigurableApplicationContext first = run(concat(credentials, "--nats.embedded.cluster.port=0"));
				ConfigurableApplicationContext second = run(concat(credentials, routedTo(first)))) {
			NatsTemplate template = first.getBean(NatsTemplate.class);
			Received received = second.getBean(Received.class);
			await().atMost(TIMEOUT).untilAsserted(() -> {
				template.convertAndSend("orders.crossing", "authenticated");
				assertThat(received.messages()).contains("authenticated");
			});
			assertThat(first.getBean(NatsBroker.class).getRouteCount()).isOne();
		}
	}

	@Test
	void aRouteWithoutTheClusterCredentialsIsRefused() {
		try (ConfigurableApplicationContext first = run("--nats.embedded.cluster.port=0",
				"--nats.embedded.cluster.username=route", "--nats.embedded.cluster.password=secret");
				ConfigurableApplicationContext second = run(routedTo(first))) {
			await().during(Duration.ofSeconds(2))
				.atMost(TIMEOUT)
				.until(() -> first.getBean(NatsBroker.class).getRouteCount() == 0
						&& second.getBean(NatsBroker.class).getRouteCount() == 0);
		}
	}

	private static String[] concat(String[] first, String... second) {
		String[] all = new String[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	private static String[] routedTo(ConfigurableApplicationContext first) {
		int clusterPort = first.getEnvironment().getRequiredProperty("local.nats.cluster-port", Integer.class);
		assertThat(clusterPort).isEqualTo(first.getBean(NatsBroker.class).getClusterPort());
		return new String[] { "--nats.embedded.cluster.port=0",
				"--nats.embedded.cluster.routes=nats://127.0.0.1:" + clusterPort };
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(CrossingApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run(concat(new String[] { "--nats.embedded.port=0", "--nats.reconnect-wait=50ms" }, args));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class CrossingApplication {

		@Bean
		Received received() {
			return new Received();
		}
	}

	static class Received {

		private final List<String> messages = new CopyOnWriteArrayList<>();

		@NatsListener(subjects = "orders.crossing")
		void onMessage(String message) {
			this.messages.add(message);
		}

		List<String> messages() {
			return this.messages;
		}
	}
}
