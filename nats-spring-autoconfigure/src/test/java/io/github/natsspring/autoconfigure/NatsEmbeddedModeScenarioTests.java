package io.github.natsspring.autoconfigure;

import io.github.natsspring.broker.NatsBroker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios in embedded mode, on the broker the application starts on a random port.
 */
@SpringBootTest(classes = NatsScenarioTests.PriceApplication.class, properties = "nats.embedded.port=0")
class NatsEmbeddedModeScenarioTests extends NatsScenarioTests {

	@Autowired
	NatsBroker broker;

	@Value("${local.nats.port}")
	int localPort;

	@Override
	String expectedMode() {
		return "embedded";
	}

	@Test
	void connectionGoesToThePortTheBrokerBound() {
		assertThat(this.localPort).isPositive().isEqualTo(this.broker.getPort());
		assertThat(this.connection.getConnectedUrl()).endsWith(":" + this.localPort);
	}
}
