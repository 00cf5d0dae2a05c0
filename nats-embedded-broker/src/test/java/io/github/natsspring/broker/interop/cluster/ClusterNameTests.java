package io.github.natsspring.broker.interop.cluster;

import io.nats.client.Connection;
import io.nats.client.Nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Joiners started without a cluster name, on every topology: each generates one, takes the seed's configured
 * name when they meet, and the mesh forms under it.
 */
class ClusterNameTests extends ClusterScenario {

	@Override
	protected TestCluster startCluster(ClusterTopology topology) throws Exception {
		return TestCluster.builder(topology).size(NODES).unnamedJoiners().start();
	}

	@ClusterTest
	void unnamedJoinersTakeTheSeedsNameAndRouteToEachOther(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		String seedName = cluster.node(0).spec().clusterName();
		for (int node = 1; node < NODES; node++) {
			assertThat(cluster.node(node).spec().clusterName()).isNull();
			ClusterNode joiner = cluster.node(node);
			await().atMost(TIMEOUT).until(() -> clusterNameTold(joiner).equals(seedName));
		}

		Connection joiner = connect(cluster.node(1));
		Connection lastJoiner = connect(cluster.node(NODES - 1));
		assertMessagesFlow(joiner, lastJoiner);
		assertMessagesFlow(lastJoiner, joiner);
	}

	/** The cluster name a new client of the node is told in its INFO. */
	private String clusterNameTold(ClusterNode node) throws Exception {
		try (Connection client = Nats.connect(options(node).maxReconnects(0).build())) {
			return String.valueOf(client.getServerInfo().getCluster());
		}
	}
}
