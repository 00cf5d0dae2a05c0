package io.github.natsspring.broker.interop.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import io.nats.client.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may join, on every topology: nodes that present the cluster's route credentials form the mesh, and every
 * node refuses a route without them, or from another cluster, with nats-server's error.
 */
class ClusterAdmissionTests extends ClusterScenario {

	private static final RouteCredentials CREDENTIALS = new RouteCredentials("router", "s3cret");

	private static final String REFUSED = "-ERR 'Authorization Violation'\r\n";

	private static final String PRESENTED = ",\"user\":\"router\",\"pass\":\"s3cret\"";

	@Override
	protected TestCluster startCluster(ClusterTopology topology) throws Exception {
		return TestCluster.builder(topology).size(NODES).routeCredentials(CREDENTIALS).start();
	}

	@ClusterTest
	void nodesPresentingTheRouteCredentialsFormTheMeshAndCarryTraffic(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		for (int from = 0; from < NODES; from++) {
			Connection publisher = connect(cluster.node(from));
			Connection subscriber = connect(cluster.node((from + 1) % NODES));
			assertMessagesFlow(publisher, subscriber);
		}
	}

	@ClusterTest
	void everyNodeRefusesARouteWithAWrongPasswordOrNoCredentials(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		for (int node = 0; node < NODES; node++) {
			int clusterPort = cluster.node(node).spec().ports().cluster();
			String clusterName = cluster.node(node).spec().clusterName();

			assertThat(answerToRouteConnect(clusterPort, clusterName, ",\"user\":\"router\",\"pass\":\"wrong\""))
				.as("%s, wrong password", cluster.node(node))
				.isEqualTo(REFUSED);
			assertThat(answerToRouteConnect(clusterPort, clusterName, ""))
				.as("%s, no credentials", cluster.node(node))
				.isEqualTo(REFUSED);
		}
	}

	@ClusterTest
	void everyNodeRefusesARouteFromAnotherCluster(ClusterTopology topology) throws Exception {
		TestCluster cluster = cluster(topology);
		for (int node = 0; node < NODES; node++) {
			int clusterPort = cluster.node(node).spec().ports().cluster();
			String clusterName = cluster.node(node).spec().clusterName();

			assertThat(answerToRouteConnect(clusterPort, "other", PRESENTED)).as("%s", cluster.node(node))
				.isEqualTo("-ERR 'Rejecting connection, cluster name \"other\" does not match \"" + clusterName
						+ "\"'\r\n");
		}
	}

	/** Plays a route dialling the port: reads its INFO, sends CONNECT, and returns all it answers until it closes. */
	private static String answerToRouteConnect(int port, String clusterName, String credentials) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			InputStream in = socket.getInputStream();
			String info = readLine(in);
			assertThat(info).startsWith("INFO ").contains("\"auth_required\":true");
			String connect = "CONNECT {\"echo\":true,\"verbose\":false,\"pedantic\":false,\"tls_required\":false,"
					+ "\"headers\":true,\"name\":\"NINTRUDER\",\"cluster\":\"" + clusterName + "\",\"lnoc\":true"
					+ credentials + "}\r\n";
			socket.getOutputStream().write(connect.getBytes(StandardCharsets.UTF_8));
			return readUntilClosed(in);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b >= 0; b = in.read()) {
			line.write(b);
			if (b == '\n') {
				break;
			}
		}
		return line.toString(StandardCharsets.UTF_8);
	}

	private static String readUntilClosed(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		try {
			in.transferTo(answer);
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("still open after answering " + answer.toString(StandardCharsets.UTF_8), ex);
		}
		return answer.toString(StandardCharsets.UTF_8);
	}
}
