package io.github.natsspring.test.context;

import java.time.Duration;

import io.github.natsspring.autoconfigure.NatsConnectionDetails;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.core.NatsTemplate;
import io.github.natsspring.test.EmbeddedNats;
import io.github.natsspring.test.EmbeddedNatsCluster;
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
 * {@code @EmbeddedNats(clusterSize = 2)} with {@code @SpringBootTest}: the application's connection knows both nodes
 * and keeps its listener receiving when the node it is connected to stops.
 */
@SpringBootTest(classes = GreetingApplication.class, properties = "nats.reconnect-wait=50ms")
@EmbeddedNats(clusterSize = 2)
class EmbeddedNatsClusterSpringBootTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Autowired
	private NatsTemplate template;

	@Autowired
	private Greetings greetings;

	@Autowired
	private Connection applicationConnection;

	@Test
	void theApplicationConnectsToTheClusterKnowingEveryNode(EmbeddedNatsCluster cluster, EmbeddedNatsServer server,
			ApplicationContext context) {
		assertThat(context.getBean(EmbeddedNatsCluster.class)).isSameAs(cluster);
		assertThat(context.getBean(EmbeddedNatsServer.class)).isSameAs(server).isSameAs(cluster.getNode(0));
		assertThat(context.getBean(NatsConnectionDetails.class).getServers())
			.containsExactlyElementsOf(cluster.getUrls());
		assertThat(context.getBeansOfType(NatsBroker.class)).isEmpty();
		assertThat(cluster.getUrls()).contains(this.applicationConnection.getConnectedUrl());
	}

	@Test
	void theListenerKeepsReceivingWhenTheApplicationsNodeStops(EmbeddedNatsCluster cluster) {
		int index = cluster.getUrls().indexOf(this.applicationConnection.getConnectedUrl());
		try {
			cluster.stop(index);
			await().atMost(TIMEOUT)
				.until(() -> this.applicationConnection.getStatus() == Connection.Status.CONNECTED
						&& !cluster.getUrls().get(index).equals(this.applicationConnection.getConnectedUrl()));
			this.template.convertAndSend("greetings", "after failover");
			await().atMost(TIMEOUT).until(() -> this.greetings.received().contains("after failover"));
		}
		finally {
			cluster.start(index);
		}
	}
}
