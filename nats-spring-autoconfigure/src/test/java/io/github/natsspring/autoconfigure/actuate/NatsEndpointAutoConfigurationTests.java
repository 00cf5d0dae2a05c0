package io.github.natsspring.autoconfigure.actuate;

import java.net.URI;
import java.time.Duration;

import io.github.natsspring.actuate.NatsEndpoint;
import io.github.natsspring.actuate.NatsEndpoint.NatsDescriptor;
import io.github.natsspring.autoconfigure.NatsAutoConfiguration;
import io.github.natsspring.autoconfigure.NatsServerProcess;
import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.core.NatsTemplate;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code nats} endpoint and the conditions around it.
 */
class NatsEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class,
				NatsEndpointAutoConfiguration.class))
		.withPropertyValues("nats.embedded.port=0");

	private final ApplicationContextRunner exposed = this.contextRunner
		.withPropertyValues("management.endpoints.web.exposure.include=nats");

	@Test
	void embeddedModeShowsTheConnectionAndTheBrokerWithTheirTraffic() {
		this.exposed.run((context) -> {
			NatsBroker broker = context.getBean(NatsBroker.class);
			exchangeMessages(context.getBean(Connection.class), context.getBean(NatsTemplate.class), 3);
			NatsEndpoint endpoint = context.getBean(NatsEndpoint.class);
			Awaitility.await("broker counts the deliveries")
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(endpoint.nats().broker().traffic().outMessages()).isEqualTo(3));
			NatsDescriptor nats = endpoint.nats();
			assertThat(nats.mode()).isEqualTo("embedded");
			assertThat(nats.connection().status()).isEqualTo("CONNECTED");
			assertThat(nats.connection().url()).isEqualTo(broker.getClientUrl());
			assertThat(nats.connection().server().id()).isEqualTo(broker.getServerId());
			assertThat(nats.connection().server().version()).isEqualTo(NatsBroker.PROTOCOL_COMPATIBLE_VERSION);
			// jnats counts its protocol messages (CONNECT, SUB, PING) among those sent
			assertThat(nats.connection().statistics().traffic().outMessages()).isGreaterThanOrEqualTo(3);
			assertThat(nats.connection().statistics().traffic().inMessages()).isEqualTo(3);
			assertThat(nats.broker().port())
				.isEqualTo(context.getEnvironment().getProperty("local.nats.port", Integer.class));
			assertThat(nats.broker().serverId()).isEqualTo(broker.getServerId());
			assertThat(nats.broker().connections()).isOne();
			assertThat(nats.broker().subscriptions()).isOne();
			assertThat(nats.broker().traffic().inMessages()).isEqualTo(3);
			assertThat(nats.broker().traffic().inBytes()).isEqualTo(3 * "price".length());
		});
	}

	@Test
	void aClusterNodeShowsItsClusterPortRoutesAndThePeersItsServerAdvertises() {
		this.exposed.withPropertyValues("nats.embedded.cluster.port=0", "nats.embedded.cluster.name=orders")
			.run((context) -> {
				NatsBroker broker = context.getBean(NatsBroker.class);
				try (NatsBroker peer = new NatsBroker(NatsBrokerOptions.builder()
					.host("127.0.0.1")
					.port(0)
					.cluster(BrokerCluster.builder()
						.name("orders")
						.host("127.0.0.1")
						.port(0)
						.route(URI.create("nats://127.0.0.1:" + broker.getClusterPort()))
						.build())
					.build())) {
					peer.start();
					NatsEndpoint endpoint = context.getBean(NatsEndpoint.class);
					Awaitility.await("the peer's route and its client URL")
						.atMost(Duration.ofSeconds(10))
						.untilAsserted(() -> assertThat(endpoint.nats().connection().server().connectUrls())
							.anySatisfy((url) -> assertThat(peer.getClientUrl()).endsWith(url)));
					NatsDescriptor nats = endpoint.nats();
					assertThat(nats.broker().cluster().name()).isEqualTo("orders");
					assertThat(nats.broker().cluster().port()).isEqualTo(broker.getClusterPort());
					assertThat(nats.broker().cluster().routes()).isOne();
					assertThat(nats.connection().server().cluster()).isEqualTo("orders");
				}
			});
	}

	@Test
	void aBrokerWithoutClusterShowsNone() {
		this.exposed.run((context) -> {
			NatsDescriptor nats = context.getBean(NatsEndpoint.class).nats();
			assertThat(nats.broker().cluster()).isNull();
			assertThat(nats.connection().server().cluster()).isNull();
			assertThat(nats.connection().server().connectUrls()).isEmpty();
		});
	}

	@Test
	void descriptionIsWrittenAsJson() {
		this.exposed.run((context) -> {
			String json = JsonMapper.shared().writeValueAsString(context.getBean(NatsEndpoint.class).nats());
			assertThat(json).contains("\"mode\":\"embedded\"", "\"status\":\"CONNECTED\"", "\"broker\":{",
					"\"traffic\":{\"inMessages\":");
		});
	}

	@Test
	void embeddedBrokerWithoutTcpListenerIsShownWithItsInJvmUrl() {
		this.exposed.withPropertyValues("nats.embedded.transport=in-jvm", "nats.embedded.tcp-enabled=false")
			.run((context) -> {
				NatsBroker broker = context.getBean(NatsBroker.class);
				NatsDescriptor nats = context.getBean(NatsEndpoint.class).nats();
				assertThat(nats.connection().status()).isEqualTo("CONNECTED");
				assertThat(nats.broker()).isNotNull();
				assertThat(nats.broker().port()).isZero();
				assertThat(nats.broker().clientUrl()).isEqualTo(broker.getInJvmClientUrl());
				assertThat(nats.broker().connections()).isOne();
			});
	}

	@Test
	void remoteModeShowsTheConnectionToNatsServerAndNoBroker() {
		try (NatsServerProcess server = NatsServerProcess.start()) {
			this.exposed.withPropertyValues("nats.servers=" + server.getUrl()).run((context) -> {
				NatsDescriptor nats = context.getBean(NatsEndpoint.class).nats();
				assertThat(nats.mode()).isEqualTo("remote");
				assertThat(nats.broker()).isNull();
				assertThat(nats.connection().url()).isEqualTo(server.getUrl());
				assertThat(nats.connection().server().version()).isEqualTo("2.9.10");
			});
		}
	}

	@Test
	void withoutTheBrokerOnTheClasspathTheEndpointShowsTheConnectionAlone() {
		try (NatsServerProcess server = NatsServerProcess.start()) {
			this.exposed.withClassLoader(new FilteredClassLoader(NatsBroker.class))
				.withPropertyValues("nats.servers=" + server.getUrl())
				.run((context) -> assertThat(context.getBean(NatsEndpoint.class).nats().mode()).isEqualTo("remote"));
		}
	}

	@Test
	void endpointThatIsNotExposedIsNotCreated() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(Connection.class)
			.doesNotHaveBean(NatsEndpoint.class));
	}

	@Test
	void withoutTheActuatorOnTheClasspathNoEndpointIsCreated() {
		this.exposed.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(Connection.class).doesNotHaveBean(NatsEndpoint.class));
	}

	private static void exchangeMessages(Connection connection, NatsTemplate template, int count) throws Exception {
		Subscription subscription = connection.subscribe("endpoint.prices");
		connection.flush(Duration.ofSeconds(2));
		for (int i = 0; i < count; i++) {
			template.publish("endpoint.prices", "price".getBytes());
		}
		for (int i = 0; i < count; i++) {
			assertThat(subscription.nextMessage(Duration.ofSeconds(5))).isNotNull();
		}
	}
}
