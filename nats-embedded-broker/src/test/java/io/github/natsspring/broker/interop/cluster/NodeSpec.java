package io.github.natsspring.broker.interop.cluster;

import java.net.URI;
import java.util.List;

/**
 * What a cluster node is started with, the same for a broker and a nats-server.
 * @param name the server name, distinct per node as nats-server requires
 * @param clusterName the cluster name, or {@code null} for a node that adopts its peers' name
 * @param ports the node's loopback ports
 * @param routes the explicit routes it dials: the seed's route URL, or none for the seed itself
 * @param credentials what routes must present to this node and what it presents, or {@code null} for none
 */
record NodeSpec(String name, String clusterName, NodePorts ports, List<URI> routes, RouteCredentials credentials) {

	NodeSpec {
		routes = List.copyOf(routes);
	}
}
