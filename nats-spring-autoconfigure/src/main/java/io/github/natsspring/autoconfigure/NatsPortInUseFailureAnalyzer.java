package io.github.natsspring.autoconfigure;

import io.github.natsspring.broker.PortInUseException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link PortInUseException} from the embedded broker, as Spring Boot explains its web server's port: the
 * port, what holds it when that can be found out quickly, and the ways out.
 */
class NatsPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
		String host = connectableHost(cause.getHost());
		NatsPortHolder holder = NatsPortHolder.probe(host, cause.getPort());
		return new FailureAnalysis(description(cause, holder), action(cause, holder, host), cause);
	}

	private static String description(PortInUseException cause, NatsPortHolder holder) {
		String description = "Embedded NATS broker failed to start. Port " + cause.getPort() + " on " + cause.getHost()
				+ " was already in use.";
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
