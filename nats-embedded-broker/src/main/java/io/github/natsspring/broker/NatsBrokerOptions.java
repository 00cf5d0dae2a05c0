package io.github.natsspring.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.github.natsspring.broker.config.ConfigFileReader;

/**
 * Everything a {@link NatsBroker} needs to start, grouped per concern as nats-server's configuration is:
 * where to listen, limits, authorization, lame duck, logging, monitoring. Immutable; build one with {@link #builder()}.
 */
public final class NatsBrokerOptions {

	/** The port NATS clients use unless told otherwise. */
	public static final int DEFAULT_PORT = 4222;

	/** What an in-JVM listener name may hold: it is the host part of the URL clients connect to. */
	private static final Pattern IN_JVM_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

	private final String host;

	private final int port;

	private final String serverName;

	private final BrokerLimits limits;

	private final BrokerAuth auth;

	private final Duration lameDuckDuration;

	private final Duration lameDuckGracePeriod;

	private final BrokerLogging logging;

	private final boolean startupWarmUp;

	private final int ioThreads;

	private final BrokerTls tls;

	private final String inJvmName;

	private final boolean tcpListener;

	private final BrokerMonitoring monitoring;

	private final BrokerCluster cluster;

	private final String clientAdvertise;

	private final BrokerJetStream jetStream;

	private NatsBrokerOptions(Builder builder) {
		this.host = Objects.requireNonNull(builder.host, "host");
		this.port = builder.port;
		this.serverName = builder.serverName;
		this.limits = Objects.requireNonNull(builder.limits, "limits");
		this.auth = Objects.requireNonNull(builder.auth, "auth");
		this.lameDuckDuration = Objects.requireNonNull(builder.lameDuckDuration, "lameDuckDuration");
		this.lameDuckGracePeriod = Objects.requireNonNull(builder.lameDuckGracePeriod, "lameDuckGracePeriod");
		this.logging = Objects.requireNonNull(builder.logging, "logging");
		this.startupWarmUp = builder.startupWarmUp;
		this.tls = builder.tls;
		this.inJvmName = builder.inJvmName;
		this.tcpListener = builder.tcpListener;
		this.monitoring = builder.monitoring;
		this.cluster = builder.cluster;
		this.clientAdvertise = builder.clientAdvertise;
		this.jetStream = builder.jetStream;
		this.ioThreads = (builder.ioThreads != 0) ? builder.ioThreads : defaultIoThreads();
		if (this.ioThreads < 0) {
			throw new IllegalArgumentException("ioThreads must be positive, or 0 for the default, was " + this.ioThreads);
		}
		if (this.port < 0 || this.port > 65535) {
			throw new IllegalArgumentException("port must be between 0 and 65535, was " + this.port);
		}
		if (this.serverName != null && this.serverName.isBlank()) {
			throw new IllegalArgumentException("serverName must not be blank");
		}
		if (this.inJvmName != null && !IN_JVM_NAME.matcher(this.inJvmName).matches()) {
			throw new IllegalArgumentException("inJvmName must be letters, digits, '.' and '-', starting and ending"
					+ " with a letter or digit (it is the host of the in-JVM URL), was '" + this.inJvmName + "'");
		}
		if (!this.tcpListener && this.inJvmName == null) {
			throw new IllegalArgumentException(
					"The TCP listener can only be turned off when an in-JVM listener is named (inJvmName)");
		}
	}

	/**
	 * A builder starting from nats-server's defaults: all interfaces, port 4222, no auth.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Options for a test or embedded broker: loopback, a random port, defaults otherwise.
	 * @return the options
	 */
	public static NatsBrokerOptions loopbackRandomPort() {
		return builder().host("127.0.0.1").port(0).build();
	}

	/**
	 * Options read from a nats-server configuration file, with nats-server's defaults for what it leaves out.
	 * What belongs to a process rather than to a broker ({@code logfile}, {@code logtime}, {@code pid_file}) is
	 * read and checked but has no effect here; warnings (durations given as plain seconds) are logged.
	 * @param file the configuration file
	 * @return the options
	 * @throws io.github.natsspring.broker.config.ConfigSyntaxException if the file cannot be read or parsed
	 * @throws io.github.natsspring.broker.config.ConfigFileException if the file holds errors, each with its place
	 */
	public static NatsBrokerOptions fromConfigFile(Path file) {
		return ConfigFileReader.read(file).toOptions();
	}

	/**
	 * A builder holding these options, to derive changed copies.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().host(this.host)
			.port(this.port)
			.serverName(this.serverName)
			.limits(this.limits)
			.auth(this.auth)
			.lameDuckDuration(this.lameDuckDuration)
			.lameDuckGracePeriod(this.lameDuckGracePeriod)
			.logging(this.logging)
			.startupWarmUp(this.startupWarmUp)
			.ioThreads(this.ioThreads)
			.tls(this.tls)
			.inJvmName(this.inJvmName)
			.tcpListener(this.tcpListener)
			.monitoring(this.monitoring)
			.cluster(this.cluster)
			.clientAdvertise(this.clientAdvertise)
			.jetStream(this.jetStream);
	}

	/**
	 * Half the processors, at least one: every message delivered from one event loop to a connection on another
	 * costs a thread wake-up, and the other half is left to clients and, embedded, to the application itself.
	 * Measured on 2 processors with the nats.go load, one event loop beat two on every row (docs/benchmarks.md).
	 */
	private static int defaultIoThreads() {
		return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
	}

	/**
	 * The address to listen on.
	 * @return a host name or address, {@code 0.0.0.0} for all interfaces
	 */
	public String host() {
		return this.host;
	}

	/**
	 * The port to listen on.
	 * @return the port; 0 picks a free one, readable from {@link NatsBroker#getPort()}
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The name sent in INFO.
	 * @return the name, or {@code null} for the generated server id, as in nats-server
	 */
	public String serverName() {
		return this.serverName;
	}

	/**
	 * Payload, connection, subscription, pending-bytes and liveness limits.
	 * @return the limits
	 */
	public BrokerLimits limits() {
		return this.limits;
	}

	/**
	 * How clients authenticate.
	 * @return the authorization settings
	 */
	public BrokerAuth auth() {
		return this.auth;
	}

	/**
	 * How long lame-duck mode spreads the closing of clients over.
	 * @return the lame-duck duration
	 */
	public Duration lameDuckDuration() {
		return this.lameDuckDuration;
	}

	/**
	 * How long clients get after the lame-duck INFO before closing starts.
	 * @return the grace period
	 */
	public Duration lameDuckGracePeriod() {
		return this.lameDuckGracePeriod;
	}

	/**
	 * Which debug and trace lines the broker logs.
	 * @return the logging settings
	 */
	public BrokerLogging logging() {
		return this.logging;
	}

	/**
	 * Whether the broker serves one scripted client over a private loopback port before binding its port, so
	 * that its first real clients find the per-client code loaded and compiled. Only the JVM's first broker to
	 * warm up does: later ones find that code ready.
	 * @return {@code true} unless turned off
	 */
	public boolean startupWarmUp() {
		return this.startupWarmUp;
	}

	/**
	 * TLS on the client port.
	 * @return the TLS settings, or {@code null} for plaintext
	 */
	public BrokerTls tls() {
		return this.tls;
	}

	/**
	 * The HTTP monitoring port.
	 * @return the monitoring settings, or {@code null} when monitoring is off
	 */
	public BrokerMonitoring monitoring() {
		return this.monitoring;
	}

	/**
	 * How many event loops serve client connections; each connection stays on one.
	 * @return the number of I/O threads
	 */
	public int ioThreads() {
		return this.ioThreads;
	}

	/**
	 * The name of the in-JVM listener: clients in the same JVM connect to {@code nats://<name>} through
	 * {@link io.nats.client.impl.InJvmDataPort}, without TCP.
	 * @return the name, or {@code null} for no in-JVM listener
	 */
	public String inJvmName() {
		return this.inJvmName;
	}

	/**
	 * Whether the broker listens on its TCP {@link #host()} and {@link #port()}.
	 * @return {@code true} unless turned off, which requires an {@link #inJvmName() in-JVM listener}
	 */
	public boolean tcpListener() {
		return this.tcpListener;
	}

	/**
	 * The cluster this broker is a node of.
	 * @return the cluster settings, or {@code null} for a broker without routes
	 */
	public BrokerCluster cluster() {
		return this.cluster;
	}

	/**
	 * The client URL this broker advertises to clients and peers instead of its listening address
	 * ({@code --client_advertise}).
	 * @return {@code host:port} or {@code host}, or {@code null} for the listening address
	 */
	public String clientAdvertise() {
		return this.clientAdvertise;
	}

	/**
	 * JetStream ({@code -js}).
	 * @return the JetStream settings, or {@code null} when JetStream is off
	 */
	public BrokerJetStream jetStream() {
		return this.jetStream;
	}

	@Override
	public String toString() {
		return "NatsBrokerOptions[host=" + this.host + ", port=" + this.port + ", serverName=" + this.serverName
				+ ", limits=" + this.limits + ", auth=" + this.auth + ", lameDuckDuration=" + this.lameDuckDuration
				+ ", lameDuckGracePeriod=" + this.lameDuckGracePeriod + ", logging=" + this.logging
				+ ", startupWarmUp=" + this.startupWarmUp + ", ioThreads=" + this.ioThreads + ", tls=" + this.tls
				+ ", inJvmName=" + this.inJvmName + ", tcpListener=" + this.tcpListener + ", monitoring="
				+ this.monitoring + ", cluster=" + this.cluster + ", clientAdvertise=" + this.clientAdvertise
				+ ", jetStream=" + this.jetStream + "]";
	}

	/** Builder of {@link NatsBrokerOptions}. */
	public static final class Builder {

		private String host = "0.0.0.0";

		private int port = DEFAULT_PORT;

		private String serverName;

		private BrokerLimits limits = BrokerLimits.defaults();

		private BrokerAuth auth = BrokerAuth.none();

		private Duration lameDuckDuration = Duration.ofMinutes(2);

		private Duration lameDuckGracePeriod = Duration.ofSeconds(10);

		private BrokerLogging logging = BrokerLogging.DEFAULT;

		private boolean startupWarmUp = true;

		private int ioThreads;

		private BrokerTls tls;

		private String inJvmName;

		private boolean tcpListener = true;

		private BrokerMonitoring monitoring;

		private BrokerCluster cluster;

		private String clientAdvertise;

		private BrokerJetStream jetStream;

		private Builder() {
		}

		/**
		 * Sets the address to listen on (default {@code 0.0.0.0}).
		 * @param host a host name or address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * Sets the port to listen on (default 4222, 0 for a free one).
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Sets the name sent in INFO (default: the server id).
		 * @param serverName the name, or {@code null}
		 * @return this builder
		 */
		public Builder serverName(String serverName) {
			this.serverName = serverName;
			return this;
		}

		/**
		 * Sets the limits (default: nats-server's).
		 * @param limits the limits
		 * @return this builder
		 */
		public Builder limits(BrokerLimits limits) {
			this.limits = limits;
			return this;
		}

		/**
		 * Changes some limits, keeping the others.
		 * @param changes what to change, e.g. {@code (limits) -> limits.maxPayload(8192)}
		 * @return this builder
		 */
		public Builder limits(Consumer<BrokerLimits.Builder> changes) {
			BrokerLimits.Builder builder = this.limits.toBuilder();
			changes.accept(builder);
			this.limits = builder.build();
			return this;
		}

		/**
		 * Sets how clients authenticate (default: no authentication).
		 * @param auth the authorization settings
		 * @return this builder
		 */
		public Builder auth(BrokerAuth auth) {
			this.auth = auth;
			return this;
		}

		/**
		 * Sets how long lame-duck mode spreads the closing of clients over (default 2 min).
		 * @param lameDuckDuration the duration
		 * @return this builder
		 */
		public Builder lameDuckDuration(Duration lameDuckDuration) {
			this.lameDuckDuration = lameDuckDuration;
			return this;
		}

		/**
		 * Sets how long clients get after the lame-duck INFO before closing starts (default 10 s).
		 * @param lameDuckGracePeriod the grace period
		 * @return this builder
		 */
		public Builder lameDuckGracePeriod(Duration lameDuckGracePeriod) {
			this.lameDuckGracePeriod = lameDuckGracePeriod;
			return this;
		}

		/**
		 * Sets which debug and trace lines are logged (default: neither).
		 * @param logging the logging settings
		 * @return this builder
		 */
		public Builder logging(BrokerLogging logging) {
			this.logging = logging;
			return this;
		}

		/**
		 * Turns the startup warm-up on or off (default on). Off saves a few milliseconds of start time where the
		 * first clients' latency does not matter.
		 * @param startupWarmUp whether to warm up before binding
		 * @return this builder
		 */
		public Builder startupWarmUp(boolean startupWarmUp) {
			this.startupWarmUp = startupWarmUp;
			return this;
		}

		/**
		 * Sets how many event loops serve client connections (default: half the processors, at least one).
		 * @param ioThreads the number of I/O threads, 0 for the default
		 * @return this builder
		 */
		public Builder ioThreads(int ioThreads) {
			this.ioThreads = ioThreads;
			return this;
		}

		/**
		 * Requires TLS on the client port (default: plaintext).
		 * @param tls the TLS settings, or {@code null} for plaintext
		 * @return this builder
		 */
		public Builder tls(BrokerTls tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Names an in-JVM listener (default: none): clients in the same JVM reach the broker at
		 * {@code nats://<name>} with jnats' data port type
		 * {@link io.nats.client.impl.InJvmDataPort}, over the same protocol, authorization and
		 * permissions as TCP clients, but without TLS. Names are unique per JVM while a broker runs.
		 * @param inJvmName the name: letters, digits, {@code .} and {@code -}; or {@code null} for none
		 * @return this builder
		 */
		public Builder inJvmName(String inJvmName) {
			this.inJvmName = inJvmName;
			return this;
		}

		/**
		 * Turns the TCP listener on or off (default on); off needs an {@link #inJvmName(String) in-JVM listener}.
		 * @param tcpListener whether to listen on the TCP host and port
		 * @return this builder
		 */
		public Builder tcpListener(boolean tcpListener) {
			this.tcpListener = tcpListener;
			return this;
		}

		/**
		 * Serves nats-server's HTTP monitoring endpoints (default: off).
		 * @param monitoring the monitoring settings, or {@code null} for none
		 * @return this builder
		 */
		public Builder monitoring(BrokerMonitoring monitoring) {
			this.monitoring = monitoring;
			return this;
		}

		/**
		 * Makes this broker a cluster node (default: none).
		 * @param cluster the cluster settings, or {@code null} for a broker without routes
		 * @return this builder
		 */
		public Builder cluster(BrokerCluster cluster) {
			this.cluster = cluster;
			return this;
		}

		/**
		 * Sets the client URL advertised instead of the listening address (default: none).
		 * @param clientAdvertise {@code host:port} or {@code host}, or {@code null}
		 * @return this builder
		 */
		public Builder clientAdvertise(String clientAdvertise) {
			this.clientAdvertise = clientAdvertise;
			return this;
		}

		/**
		 * Turns JetStream on (default: off).
		 * @param jetStream the JetStream settings, or {@code null} for none
		 * @return this builder
		 */
		public Builder jetStream(BrokerJetStream jetStream) {
			this.jetStream = jetStream;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 * @throws IllegalArgumentException when a value is out of range
		 */
		public NatsBrokerOptions build() {
			return new NatsBrokerOptions(this);
		}
	}
}
