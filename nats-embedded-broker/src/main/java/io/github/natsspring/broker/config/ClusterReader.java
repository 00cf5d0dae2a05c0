package io.github.natsspring.broker.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.natsspring.broker.protocol.GoQuote;

/**
 * Reads the {@code cluster} block as nats-server 2.9.10 does: {@code name}, {@code listen} or {@code host} and
 * {@code port}, {@code advertise}, {@code no_advertise}, {@code connect_retries}, {@code routes}, an
 * {@code authorization} of one user and {@code tls}. A value of the wrong type ends the block, as nats-server's
 * recovered panic does; other problems are noted and the next key read. Route permissions are refused by name,
 * as this broker does not implement them.
 */
final class ClusterReader {

	private static final Set<String> PERMISSIONS_KEYS = Set.of("default_permission", "default_permissions",
			"permissions");

	private final ConfigProblems problems;

	private final ServerSettings.Builder settings;

	private final ClusterSettings cluster;

	ClusterReader(ConfigProblems problems, ServerSettings.Builder settings) {
		this.problems = problems;
		this.settings = settings;
		this.cluster = settings.cluster();
	}

	void read(ConfigValue block) {
		if (!(block.value() instanceof Map<?, ?>)) {
			this.problems.error(block, "Expected map to define cluster, got " + block.goTypeName());
			return;
		}
		try {
			for (Map.Entry<String, ConfigValue> entry : ConfigValues.map(block).entrySet()) {
				if (!readEntry(entry.getKey(), entry.getValue())) {
					return;
				}
			}
		}
		catch (ConfigTypeMismatch mismatch) {
			this.problems.typeMismatch(mismatch);
		}
	}

	/** Reads one key; {@code false} when what happened ends the block. */
	private boolean readEntry(String key, ConfigValue value) {
		switch (key.toLowerCase(Locale.ROOT)) {
			case "name" -> this.cluster.name(ConfigValues.string(value));
			case "listen" -> ConfigFileReader.hostPort(this.problems, value, this.cluster::host, this.cluster::port);
			case "port" -> this.cluster.port(ConfigValues.int64(value));
			case "host", "net" -> this.cluster.host(ConfigValues.string(value));
			case "authorization" -> {
				return authorization(value);
			}
			case "routes" -> routes(value);
			case "tls" -> {
				TlsReader.Tls tls = new TlsReader(this.problems, true).read(value);
				if (tls != null) {
					this.cluster.tls(tls.settings(), tls.timeout());
				}
			}
			case "cluster_advertise", "advertise" -> this.cluster.advertise(ConfigValues.string(value));
			case "no_advertise" -> this.cluster.noAdvertise(ConfigValues.bool(value));
			case "connect_retries" -> this.cluster.connectRetries(ConfigValues.int64(value));
			case "permissions" -> unsupported(key, value);
			default -> this.problems.unknownField(key, value);
		}
		return true;
	}

	private boolean authorization(ConfigValue value) {
		AuthorizationReader.Authorization authorization = new AuthorizationReader(this.problems, this.settings)
			.parse(value);
		if (authorization == null) {
			return false;
		}
		if (authorization.users() != null) {
			this.problems.error(value, "Cluster authorization does not allow multiple users");
			return true;
		}
		if (!authorization.token().isEmpty()) {
			this.problems.error(value, "Cluster authorization does not support tokens");
			return true;
		}
		this.cluster.authorization(authorization.user(), authorization.password())
			.authTimeout(authorization.timeout());
		if (authorization.defaultPermissions() != null) {
			ConfigValues.map(value).forEach((key, field) -> {
				if (PERMISSIONS_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
					unsupported(key, field);
				}
			});
		}
		return true;
	}

	/** nats-server's {@code parseURLs}: duplicates are dropped with a warning, bad URLs noted one by one. */
	private void routes(ConfigValue value) {
		List<ConfigValue> entries = ConfigValues.list(value);
		List<URI> routes = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		boolean refused = false;
		try {
			for (ConfigValue entry : entries) {
				String text = ConfigValues.string(entry);
				if (!seen.add(text)) {
					this.problems.warning(entry, text, "Duplicate route entry detected");
					continue;
				}
				try {
					routes.add(GoUrl.parse(text.strip()).toUri());
				}
				catch (IllegalArgumentException ex) {
					this.problems.error(entry, "error parsing route url [" + GoQuote.quote(text.strip()) + "]");
					refused = true;
				}
			}
		}
		catch (ConfigTypeMismatch mismatch) {
			this.problems.typeMismatch(mismatch);
			return;
		}
		if (!refused) {
			this.cluster.routes(routes);
		}
	}

	private void unsupported(String key, ConfigValue value) {
		this.problems.error(value, "field " + GoQuote.quote(key) + " is not supported by this broker");
	}
}
