package io.github.natsspring.broker.interop.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The loopback ports of one cluster node, fixed when the cluster is built so that a killed node comes back on
 * the addresses its peers and clients know.
 * @param client the client port
 * @param cluster the route port
 * @param monitoring the HTTP monitoring port, read for {@code /routez}
 */
record NodePorts(int client, int cluster, int monitoring) {

	/** Free ports for the given number of nodes, all distinct. */
	static List<NodePorts> free(int nodes) throws IOException {
		// every socket stays open until all are chosen, so no port is handed out twice
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < nodes * 3; i++) {
				sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
			}
			List<NodePorts> ports = new ArrayList<>();
			for (int i = 0; i < nodes; i++) {
				ports.add(new NodePorts(sockets.get(3 * i).getLocalPort(), sockets.get(3 * i + 1).getLocalPort(),
						sockets.get(3 * i + 2).getLocalPort()));
			}
			return ports;
		}
		finally {
			for (ServerSocket socket : sockets) {
				socket.close();
			}
		}
	}

	/** The URL clients connect to. */
	String clientUrl() {
		return "nats://127.0.0.1:" + client;
	}

	/** The URL other nodes dial as a route. */
	String routeUrl() {
		return "nats://127.0.0.1:" + cluster;
	}
}
