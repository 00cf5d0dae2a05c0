package io.github.natsspring.autoconfigure;

import java.net.URI;
import java.util.List;

import io.github.natsspring.broker.BrokerCluster;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@code nats.embedded.cluster.*} makes the embedded broker a cluster node, and on which port, without
 * binding nats-server's cluster port.
 */
class NatsBrokerClusterFactoryTests {

	private final NatsProperties.Embedded embedded = new NatsProperties.Embedded();

	@Test
	void routesAloneMakeTheBrokerAClusterNodeOnNatsServersClusterPort() {
		this.embedded.getCluster().setRoutes(List.of(URI.create("nats://127.0.0.1:6223")));
		BrokerCluster cluster = new NatsBrokerClusterFactory(this.embedded, null).create();
		assertThat(cluster).isNotNull();
		assertThat(cluster.port()).isEqualTo(6222);
		assertThat(cluster.routes()).containsExactly(URI.create("nats://127.0.0.1:6223"));
	}

	@Test
	void enabledAloneMakesTheBrokerAClusterNodeOnNatsServersClusterPort() {
		this.embedded.getCluster().setEnabled(true);
		BrokerCluster cluster = new NatsBrokerClusterFactory(this.embedded, null).create();
		assertThat(cluster).isNotNull();
		assertThat(cluster.port()).isEqualTo(6222);
		assertThat(cluster.host()).isEqualTo("127.0.0.1");
	}

	@Test
	void nothingSetMakesNoClusterNode() {
		assertThat(NatsBrokerClusterFactory.isConfigured(this.embedded.getCluster())).isFalse();
		assertThat(new NatsBrokerClusterFactory(this.embedded, null).create()).isNull();
	}

	@Test
	void theClusterPortListensOnTheEmbeddedHostUnlessGivenItsOwn() {
		this.embedded.setHost("localhost");
		this.embedded.getCluster().setPort(0);
		assertThat(new NatsBrokerClusterFactory(this.embedded, null).create().host()).isEqualTo("localhost");
		this.embedded.getCluster().setHost("127.0.0.2");
		assertThat(new NatsBrokerClusterFactory(this.embedded, null).create().host()).isEqualTo("127.0.0.2");
	}
}
