package io.github.natsspring.broker.interop.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A node's routes as its {@code /routez} reports them.
 * @param serverId the node's own server id
 * @param routeCount {@code num_routes}
 * @param remoteIds the server ids of the peers it holds a route to
 */
record RouteTable(String serverId, int routeCount, Set<String> remoteIds) {

	/** The table of a {@code /routez} answer. */
	@SuppressWarnings("unchecked")
	static RouteTable of(Map<String, Object> routez) {
		List<Map<String, Object>> routes = (List<Map<String, Object>>) routez.get("routes");
		Set<String> remoteIds = routes.stream().map(route -> (String) route.get("remote_id")).collect(Collectors.toSet());
		return new RouteTable((String) routez.get("server_id"), ((Number) routez.get("num_routes")).intValue(),
				remoteIds);
	}

	/** Whether the node holds one route to each of these peers and no other. */
	boolean routesExactly(Set<String> peers) {
		return routeCount == peers.size() && remoteIds.equals(peers);
	}
}
