package io.github.natsspring.autoconfigure;

import io.github.natsspring.broker.NatsBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios in remote mode, against nats-server.
 */
@SpringBootTest(classes = NatsScenarioTests.PriceApplication.class)
class NatsRemoteModeScenarioTests extends NatsScenarioTests {

	private static NatsServerProcess server;

	@Autowired
	ObjectProvider<NatsBroker> broker;

	@DynamicPropertySource
	static void natsServers(DynamicPropertyRegistry registry) {
		registry.add("nats.servers", () -> {
			if (server == null) {
				server = NatsServerProcess.start();
			}
			return server.getUrl();
		});
	}

	@AfterAll
	static void stopServer() {
		if (server != null) {
			server.close();
		}
	}

	@Override
	String expectedMode() {
		return "remote";
	}

	@Test
	void noEmbeddedBrokerIsStarted() {
		assertThat(this.broker.getIfAvailable()).isNull();
		assertThat(this.connection.getConnectedUrl()).isEqualTo(server.getUrl());
	}
}
