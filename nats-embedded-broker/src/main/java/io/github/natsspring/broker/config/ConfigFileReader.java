package io.github.natsspring.broker.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import io.github.natsspring.broker.protocol.GoDuration;
import io.github.natsspring.broker.protocol.GoQuote;

/**
 * Reads a nats-server configuration file into {@link ServerSettings}, key by key as nats-server 2.9.10 reads
 * them (keys are case-insensitive), collecting every error with its place. Keys of nats-server that this broker
 * does not implement are errors too, so that a file never seems to configure what does not happen.
 */
public final class ConfigFileReader {

	/** Keys nats-server knows that configure nothing this broker does; refused with a clear error. */
	private static final Set<String> UNSUPPORTED = Set.of("gateway", "leaf", "leafnodes", "accounts",
			"mappings", "maps", "operator", "operators", "roots", "root", "root_operators", "root_operator",
			"resolver", "account_resolver", "accounts_resolver", "resolver_tls",
			"resolver_preload", "resolver_pinned_accounts", "system_account", "system", "no_system_account",
			"no_system", "no_sys_acc", "websocket", "ws", "mqtt", "https", "https_port", "prof_port", "syslog",
			"remote_syslog", "logfile_size_limit", "log_size_limit", "ports_file_dir", "no_auth_user", "allow_non_tls",
			"no_header_support", "ocsp", "server_tags", "default_js_domain", "trusted", "trusted_keys",
			"max_sub_tokens", "max_subscription_tokens");

	private static final System.Logger LOGGER = System.getLogger(ConfigFileReader.class.getName());

	private static final long MAX_INT32 = Integer.MAX_VALUE;

	private static final Duration MIN_LAME_DUCK_DURATION = Duration.ofSeconds(30);

	private final ConfigProblems problems = new ConfigProblems();

	private final ServerSettings.Builder settings;

	private ConfigFileReader(ServerSettings.Builder settings) {
		this.settings = settings;
	}

	/**
	 * Reads a configuration file over the given settings.
	 * @param file the file, named in messages as given
	 * @param settings the settings to change; changed only where the file sets something
	 * @return the warnings, such as durations given as plain seconds
	 * @throws ConfigSyntaxException if the file cannot be read or parsed
	 * @throws ConfigFileException if the file holds errors
	 */
	public static List<String> read(String file, ServerSettings.Builder settings) {
		return read(ConfigParser.parseFile(file), settings);
	}

	/**
	 * Reads a configuration file into settings of their own, logging its warnings.
	 * @param file the file
	 * @return the settings
	 * @throws ConfigSyntaxException if the file cannot be read or parsed
	 * @throws ConfigFileException if the file holds errors
	 */
	public static ServerSettings read(Path file) {
		ServerSettings.Builder settings = ServerSettings.builder();
		for (String warning : read(file.toString(), settings)) {
			LOGGER.log(System.Logger.Level.WARNING, warning);
		}
		return settings.build();
	}

	static List<String> read(Map<String, ConfigValue> entries, ServerSettings.Builder settings) {
		ConfigFileReader reader = new ConfigFileReader(settings);
		entries.forEach(reader::readTopLevel);
		List<String> errors = reader.problems.errors();
		if (!errors.isEmpty()) {
			throw new ConfigFileException(errors, reader.problems.warnings());
		}
		return reader.problems.warnings();
	}

	private void readTopLevel(String key, ConfigValue value) {
		try {
			apply(key, key.toLowerCase(Locale.ROOT), value);
		}
		catch (ConfigTypeMismatch mismatch) {
			this.problems.typeMismatch(mismatch);
		}
		catch (IllegalArgumentException ex) {
			// what the broker's own options refuse beyond nats-server's checks
			this.problems.error(value, ex.getMessage());
		}
	}

	private void apply(String key, String name, ConfigValue value) {
		switch (name) {
			case "listen" -> listen(value);
			case "port" -> this.settings.port(ConfigValues.int64(value));
			case "host", "net" -> this.settings.host(ConfigValues.string(value));
			case "server_name" -> this.settings.serverName(ConfigValues.string(value));
			case "debug" -> this.settings.debug(ConfigValues.bool(value));
			case "trace", "trace_verbose" -> this.settings.trace(ConfigValues.bool(value));
			case "logtime" -> this.settings.logTime(ConfigValues.bool(value));
			case "logfile", "log_file" -> this.settings.logFile(ConfigValues.string(value));
			case "pidfile", "pid_file" -> this.settings.pidFile(ConfigValues.string(value));
			case "max_control_line" -> int32(key, value, this.settings::maxControlLine);
			case "max_payload" -> int32(key, value, this.settings::maxPayload);
			case "max_pending" -> this.settings.maxPending(ConfigValues.int64(value));
			case "max_connections", "max_conn" -> this.settings.maxConnections(ConfigValues.int64(value));
			case "max_subscriptions", "max_subs" -> this.settings.maxSubscriptions(ConfigValues.int64(value));
			case "ping_interval" -> this.settings.pingInterval(duration("ping_interval", value));
			case "ping_max" -> this.settings.maxPingsOut(ConfigValues.int64(value));
			case "write_deadline" -> this.settings.writeDeadline(duration("write_deadline", value));
			case "lame_duck_duration" -> lameDuckDuration(value);
			case "lame_duck_grace_period" -> lameDuckGracePeriod(value);
			case "authorization" -> new AuthorizationReader(this.problems, this.settings).read(value);
			case "tls" -> tls(value);
			case "cluster" -> new ClusterReader(this.problems, this.settings).read(value);
			case "jetstream" -> new JetStreamReader(this.problems, this.settings).read(value);
			case "store_dir", "storedir" -> new JetStreamReader(this.problems, this.settings).storeDir(value);
			case "client_advertise" -> this.settings.clientAdvertise(ConfigValues.string(value));
			case "http_port", "monitor_port" -> this.settings.httpPort(ConfigValues.int64(value));
			case "http" -> httpListen(value);
			case "http_base_path" -> this.settings.httpBasePath(ConfigValues.string(value));
			// known to nats-server, without an effect in this broker: checked, then ignored
			case "disable_sublist_cache", "no_sublist_cache" -> ConfigValues.bool(value);
			case "max_traced_msg_len", "connect_error_reports", "reconnect_error_reports" -> ConfigValues.int64(value);
			default -> {
				if (UNSUPPORTED.contains(name)) {
					this.problems.error(value, "field " + GoQuote.quote(key) + " is not supported by this broker");
				}
				else {
					this.problems.unknownField(key, value);
				}
			}
		}
	}

	private void tls(ConfigValue value) {
		TlsReader.Tls tls = new TlsReader(this.problems, false).read(value);
		if (tls != null) {
			this.settings.tls(tls.settings()).tlsTimeout(tls.timeout());
		}
	}

	private void listen(ConfigValue value) {
		hostPort(this.problems, value, this.settings::host, this.settings::port);
	}

	private void httpListen(ConfigValue value) {
		hostPort(this.problems, value, this.settings::httpHost, this.settings::httpPort);
	}

	/** nats-server's {@code parseListen}: a port alone, or {@code host:port} split as Go splits it. */
	static void hostPort(ConfigProblems problems, ConfigValue value, Consumer<String> hostSetter,
			LongConsumer portSetter) {
		Object raw = value.value();
		if (raw instanceof Long port) {
			portSetter.accept(port);
			return;
		}
		if (!(raw instanceof String address)) {
			problems.error(value, "expected port or host:port, got " + value.goTypeName());
			return;
		}
		int colon = address.lastIndexOf(':');
		boolean bracketed = address.startsWith("[");
		String host = (colon >= 0) ? address.substring(0, colon) : null;
		if (host == null || (!bracketed && host.contains(":"))
				|| (bracketed && !(host.endsWith("]") && host.indexOf(']') == host.length() - 1))) {
			problems.error(value, "could not parse address string " + GoQuote.quote(address));
			return;
		}
		String port = address.substring(colon + 1);
		long number;
		try {
			number = Long.parseLong(port);
		}
		catch (NumberFormatException ex) {
			problems.error(value, "could not parse port " + GoQuote.quote(port));
			return;
		}
		hostSetter.accept(bracketed ? host.substring(1, host.length() - 1) : host);
		portSetter.accept(number);
	}

	private void int32(String key, ConfigValue value, LongConsumer setter) {
		long number = ConfigValues.int64(value);
		if (number > MAX_INT32) {
			this.problems.error(value, key + " value is too big");
			return;
		}
		setter.accept(number);
	}

	/** A Go duration string; a bare number is taken as seconds with nats-server's warning. */
	private Duration duration(String field, ConfigValue value) {
		if (value.value() instanceof String text) {
			try {
				return GoDuration.parse(text);
			}
			catch (IllegalArgumentException ex) {
				this.problems.error(value, "error parsing " + field + ": " + ex.getMessage());
				return Duration.ZERO;
			}
		}
		this.problems.warning(value, field, field + " should be converted to a duration");
		return Duration.ofSeconds(ConfigValues.int64(value));
	}

	private void lameDuckDuration(ConfigValue value) {
		Duration duration = durationString("lame_duck_duration", value);
		if (duration == null) {
			return;
		}
		if (duration.compareTo(MIN_LAME_DUCK_DURATION) < 0) {
			this.problems.error(value,
					"invalid lame_duck_duration of " + GoDuration.format(duration) + ", minimum is 30 seconds");
			return;
		}
		this.settings.lameDuckDuration(duration);
	}

	private void lameDuckGracePeriod(ConfigValue value) {
		Duration duration = durationString("lame_duck_grace_period", value);
		if (duration == null) {
			return;
		}
		if (duration.isNegative()) {
			this.problems.error(value, "invalid lame_duck_grace_period, needs to be positive");
			return;
		}
		this.settings.lameDuckGracePeriod(duration);
	}

	/** A Go duration that must be a string; {@code null}, with the error noted, when it does not parse. */
	private Duration durationString(String field, ConfigValue value) {
		try {
			return GoDuration.parse(ConfigValues.string(value));
		}
		catch (IllegalArgumentException ex) {
			this.problems.error(value, "error parsing " + field + ": " + ex.getMessage());
			return null;
		}
	}
}
