package io.github.natsspring.autoconfigure;

import java.util.Objects;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.PortInUseException;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a {@link PortInUseException} from the embedded broker, as Spring Boot explains its web server's port: the
 * port, what holds it when that can be found out quickly, and the ways out. The client port unless the port is the
 * one {@code nats.embedded.cluster.port} asks for, on a broker whose cluster is on.
 */
class NatsPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

	private final Environment environment;

	NatsPortInUseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
		String host = connectableHost(cause.getHost());
		NatsPortHolder holder = NatsPortHolder.probe(host, cause.getPort());
		if (isClusterPort(cause.getPort())) {
			return new FailureAnalysis(description("Cluster port", cause, holder), clusterAction(cause, holder, host),
					cause);
		}
		return new FailureAnalysis(description("Port", cause, holder), action(cause, holder, host), cause);
	}

	// a cluster port with the client port's number: which bind failed cannot be told, the client port's analysis stands
	private boolean isClusterPort(int port) {
		NatsProperties.Embedded embedded;
		try {
			embedded = Binder.get(this.environment)
				.bind("nats.embedded", NatsProperties.Embedded.class)
				.orElseGet(NatsProperties.Embedded::new);
		}
		catch (BindException unbindable) {
			return false;
		}
		NatsProperties.EmbeddedCluster cluster = embedded.getCluster();
		int clusterPort = Objects.requireNonNullElse(cluster.getPort(), BrokerCluster.DEFAULT_PORT);
		return NatsBrokerClusterFactory.isActive(cluster) && port == clusterPort && port != embedded.getPort();
	}

	private static String clusterAction(PortInUseException cause, NatsPortHolder holder, String host) {
		int port = cause.getPort();
		String otherPort = " set nats.embedded.cluster.port=0 for a free port (published as"
				+ " local.nats.cluster-port), or set nats.embedded.cluster.port to another port.";
		return switch (holder.kind()) {
			case NATS_SERVER -> "Perhaps another instance of this application, or a nats-server, has its cluster port"
					+ " on " + port + ". To join its cluster, set nats.embedded.cluster.routes=nats://" + urlHost(host)
					+ ":" + port + " and give this broker a cluster port of its own. Either way," + otherPort;
			case OTHER -> "Stop the process that holds port " + port + ", or" + otherPort;
			case UNKNOWN -> "Another process holds port " + port + ": perhaps another instance of this application,"
					+ " or a nats-server. Stop it, or" + otherPort;
		};
	}

	private static String description(String port, PortInUseException cause, NatsPortHolder holder) {
		String description = "Embedded NATS broker failed to start. " + port + " " + cause.getPort() + " on "
				+ cause.getHost() + " was already in use.";
		return switch (holder.kind()) {
			case NATS_SERVER -> description + " A NATS server holds it" + identity(holder) + ".";
			case OTHER -> description + " What holds it is not a NATS server: it did not send INFO.";
			case UNKNOWN -> description;
		};
	}

	private static String identity(NatsPortHolder holder) {
		if (holder.serverName() == null && holder.version() == null) {
			return "";
		}
		StringBuilder identity = new StringBuilder(" (");
		if (holder.serverName() != null) {
			identity.append("server_name ").append(holder.serverName());
		}
		if (holder.version() != null) {
			identity.append((holder.serverName() != null) ? ", " : "").append("version ").append(holder.version());
		}
		return identity.append(')').toString();
	}

	private static String action(PortInUseException cause, NatsPortHolder holder, String host) {
		int port = cause.getPort();
		String otherPort = " set nats.embedded.port=0 for a free port (published as local.nats.port), or set"
				+ " nats.embedded.port to another port.";
		String servers = "nats.servers=nats://" + urlHost(host) + ":" + port;
		return switch (holder.kind()) {
			case NATS_SERVER -> "Perhaps another instance of this application, or a nats-server, is running on port "
					+ port + ". To use it instead of the embedded broker, set " + servers + ". Otherwise stop it,"
					+ " or" + otherPort;
			case OTHER -> "Stop the process that holds port " + port + ", or" + otherPort;
			case UNKNOWN -> "Another process holds port " + port + ": perhaps another instance of this application,"
					+ " or a nats-server. Stop it, or" + otherPort + " If it is a NATS server, set " + servers
					+ " to use it instead of the embedded broker.";
		};
	}

	// a broker listening on every interface is reached on loopback
	private static String connectableHost(String host) {
		return switch (host) {
			case "", "0.0.0.0", "::", "[::]" -> "127.0.0.1";
			default -> host;
		};
	}

	private static String urlHost(String host) {
		return (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
	}
}
