package io.github.natsspring.broker.interop.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A node's routes: from {@code /routez} for a nats-server, which names each peer, or from the broker's route
 * count, which does not.
 * @param serverId the node's own server id
 * @param routeCount how many routes it holds
 * @param remoteIds the server ids of the peers it holds a route to, or {@code null} when the node tells only the
 * count
 */
record RouteTable(String serverId, int routeCount, Set<String> remoteIds) {

	/** The table of a nats-server's {@code /routez} answer. */
	@SuppressWarnings("unchecked")
	static RouteTable of(Map<String, Object> routez) {
		List<Map<String, Object>> routes = (List<Map<String, Object>>) routez.get("routes");
		Set<String> remoteIds = routes.stream().map(route -> (String) route.get("remote_id")).collect(Collectors.toSet());
		return new RouteTable((String) routez.get("server_id"), ((Number) routez.get("num_routes")).intValue(),
				remoteIds);
	}

	/** The table of a node that tells only how many routes it holds. */
	static RouteTable countOnly(String serverId, int routeCount) {
		return new RouteTable(serverId, routeCount, null);
	}

	/** Whether the node holds one route to each of these peers and no other, as far as it tells. */
	boolean routesExactly(Set<String> peers) {
		return routeCount == peers.size() && (remoteIds == null || remoteIds.equals(peers));
	}
}
