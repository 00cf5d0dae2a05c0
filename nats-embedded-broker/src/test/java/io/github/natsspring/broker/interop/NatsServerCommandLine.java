package io.github.natsspring.broker.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.ResponsePermission;
import io.github.natsspring.broker.SubjectPermission;

/**
 * Translates broker options into nats-server's flags and configuration file, so both targets of a scenario
 * run with the same settings: the command line names the address, port and configuration file, and everything
 * else (server name, limits, lame-duck settings, TLS, authorization) goes into the file, which a reload then
 * rewrites.
 */
final class NatsServerCommandLine {

	private final NatsBrokerOptions options;

	NatsServerCommandLine(NatsBrokerOptions options) {
		this.options = options;
	}

	/**
	 * The full command for the given executable, port and configuration file; JetStream, when the options turn it
	 * on, by the {@code -js} and {@code -sd} flags.
	 */
	List<String> command(Path binary, int port, Path configFile) {
		List<String> command = new ArrayList<>(
				List.of(binary.toString(), "-a", "127.0.0.1", "-p", Integer.toString(port), "-c", configFile.toString()));
		if (options.jetStream() != null) {
			command.addAll(List.of("-js", "-sd", options.jetStream().storeDirectory().toString()));
		}
		return command;
	}

	/** The configuration file's content: limits, lame-duck settings, and the authentication block when needed. */
	String configFile() {
		BrokerLimits limits = options.limits();
		StringBuilder config = new StringBuilder();
		if (options.serverName() != null) {
			config.append("server_name: ").append(quoted(options.serverName())).append('\n');
		}
		config.append("max_payload: ").append(limits.maxPayload()).append('\n');
		config.append("max_pending: ").append(limits.maxPending()).append('\n');
		config.append("max_control_line: ").append(limits.maxControlLine()).append('\n');
		config.append("max_connections: ").append(limits.maxConnections()).append('\n');
		config.append("max_subscriptions: ").append(limits.maxSubscriptions()).append('\n');
		config.append("write_deadline: \"").append(limits.writeDeadline().toMillis()).append("ms\"\n");
		config.append("ping_interval: \"").append(limits.pingInterval().toMillis()).append("ms\"\n");
		config.append("ping_max: ").append(limits.maxPingsOut()).append('\n');
		config.append("lame_duck_duration: \"").append(options.lameDuckDuration().toMillis()).append("ms\"\n");
		config.append("lame_duck_grace_period: \"").append(options.lameDuckGracePeriod().toMillis()).append("ms\"\n");
		if (options.monitoring() != null) {
			// the broker has no system account: compare with a nats-server that has none either
			config.append("no_system_account: true\n");
			config.append("http: ").append(quoted(options.monitoring().host() + ":" + options.monitoring().port()))
				.append('\n');
			if (!options.monitoring().basePath().isEmpty()) {
				config.append("http_base_path: ").append(quoted(options.monitoring().basePath())).append('\n');
			}
		}
		BrokerTls tls = options.tls();
		if (tls != null) {
			config.append("tls {\n");
			config.append("  cert_file: ").append(quoted(tls.certificateFile().toString())).append('\n');
			config.append("  key_file: ").append(quoted(tls.privateKeyFile().toString())).append('\n');
			if (tls.caFile() != null) {
				config.append("  ca_file: ").append(quoted(tls.caFile().toString())).append('\n');
			}
			config.append("  verify: ").append(tls.verifyClients()).append('\n');
			if (tls.mapClientCertificates()) {
				config.append("  verify_and_map: true\n");
			}
			config.append("  timeout: ").append(tls.handshakeTimeout().toMillis() / 1000.0).append('\n');
			if (tls.pinnedCertificates() != null) {
				config.append("  pinned_certs: ").append(list(List.copyOf(tls.pinnedCertificates()))).append('\n');
			}
			config.append("}\n");
		}
		if (options.auth().isRequired()) {
			config.append("authorization {\n");
			config.append("  timeout: ").append(limits.authTimeout().toMillis() / 1000.0).append('\n');
			List<BrokerUser> users = options.auth().users();
			if (options.auth().token() != null) {
				config.append("  token: ").append(quoted(options.auth().token())).append('\n');
			}
			if (options.auth().defaultPermissions() != null) {
				config.append("  default_permissions: ").append(permissions(options.auth().defaultPermissions()))
					.append('\n');
			}
			if (users.size() > 1 || hasPermissions(options.auth()) || !options.auth().nkeyUsers().isEmpty()
					|| mapsCertificates()) {
				List<String> entries = new ArrayList<>();
				users.forEach(user -> entries.add("    {user: " + quoted(user.username()) + ", password: "
						+ quoted(user.password())
						+ ((user.permissions() != null) ? ", permissions: " + permissions(user.permissions()) : "") + "}"));
				options.auth().nkeyUsers().forEach(user -> entries.add("    {nkey: " + quoted(user.publicKey())
						+ ((user.permissions() != null) ? ", permissions: " + permissions(user.permissions()) : "") + "}"));
				config.append("  users: [\n").append(String.join("\n", entries)).append("\n  ]\n");
			}
			else if (users.size() == 1) {
				config.append("  user: ").append(quoted(users.get(0).username())).append('\n');
				config.append("  password: ").append(quoted(users.get(0).password())).append('\n');
			}
			config.append("}\n");
		}
		return config.toString();
	}

	private boolean mapsCertificates() {
		return options.tls() != null && options.tls().mapClientCertificates();
	}

	private static boolean hasPermissions(BrokerAuth auth) {
		return auth.defaultPermissions() != null || auth.users().stream().anyMatch(user -> user.permissions() != null)
				|| auth.nkeyUsers().stream().anyMatch(user -> user.permissions() != null);
	}

	private static String permissions(BrokerPermissions permissions) {
		StringBuilder block = new StringBuilder("{publish: ").append(subjects(permissions.publish()))
			.append(", subscribe: ").append(subjects(permissions.subscribe()));
		ResponsePermission responses = permissions.responses();
		if (responses != null) {
			block.append(", allow_responses: {max: ").append(responses.maxMessages()).append(", expires: \"")
				.append(responses.expires().toMillis()).append("ms\"}");
		}
		return block.append('}').toString();
	}

	private static String subjects(SubjectPermission permission) {
		StringBuilder block = new StringBuilder("{");
		if (permission.allow() != null) {
			block.append("allow: ").append(list(permission.allow())).append(", ");
		}
		return block.append("deny: ").append(list(permission.deny())).append('}').toString();
	}

	private static String list(List<String> subjects) {
		return subjects.stream().map(NatsServerCommandLine::quoted).collect(Collectors.joining(", ", "[", "]"));
	}

	private static String quoted(String value) {
		return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}
}
