package io.github.natsspring.broker.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.BrokerNkeyUser;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;

/**
 * nats-server's options as a configuration file and the command line give them, before nats-server's defaulting
 * turns them into {@link NatsBrokerOptions}: zeros and empty values mean "the default", as in nats-server, so that
 * the command line can be laid over a file. Also holds what belongs to the process rather than to the broker
 * (log file, log timestamps, pid file).
 */
public final class ServerSettings {

	/** nats-server's value for a random free port. */
	public static final long RANDOM_PORT = -1;

	private static final Duration DEFAULT_TLS_TIMEOUT = BrokerTls.DEFAULT_HANDSHAKE_TIMEOUT;

	private final Builder values;

	private ServerSettings(Builder values) {
		this.values = values.copy();
	}

	/**
	 * A builder with nothing set.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding these settings, to lay more over them.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return this.values.copy();
	}

	/**
	 * The port after nats-server's mapping: 0 means 4222, -1 any free port (0 for the broker).
	 * @return the port to bind, possibly out of range
	 */
	public long listenPort() {
		if (this.values.port == 0) {
			return NatsBrokerOptions.DEFAULT_PORT;
		}
		return (this.values.port == RANDOM_PORT) ? 0 : this.values.port;
	}

	/**
	 * The address to listen on after defaulting.
	 * @return the host, {@code 0.0.0.0} unless set
	 */
	public String listenHost() {
		return this.values.host.isEmpty() ? "0.0.0.0" : this.values.host;
	}

	/**
	 * Whether {@link #listenPort()} can be bound at all; nats-server only finds out when it listens.
	 * @return {@code true} for 0 to 65535
	 */
	public boolean hasBindablePort() {
		return listenPort() >= 0 && listenPort() <= 65535;
	}

	/**
	 * The log file.
	 * @return the path, empty for standard error
	 */
	public String logFile() {
		return this.values.logFile;
	}

	/**
	 * Whether log lines carry a timestamp.
	 * @return {@code true} unless turned off
	 */
	public boolean logTime() {
		return this.values.logTime;
	}

	/**
	 * Whether debug lines are logged.
	 * @return the debug switch
	 */
	public boolean debug() {
		return this.values.debug;
	}

	/**
	 * Whether protocol trace lines are logged.
	 * @return the trace switch
	 */
	public boolean trace() {
		return this.values.trace;
	}

	/**
	 * The file to write the process id to.
	 * @return the path, empty for none
	 */
	public String pidFile() {
		return this.values.pidFile;
	}

	/**
	 * The password nats-server would warn about as plain text: the single user's, bcrypt hashes excepted.
	 * @return whether a plain-text password is configured
	 */
	public boolean hasPlaintextPassword() {
		if (isPlaintext(this.values.password)) {
			return true;
		}
		return this.values.users.stream().anyMatch((user) -> isPlaintext(user.password()));
	}

	private static boolean isPlaintext(String password) {
		return !password.isEmpty() && !password.matches("(?s)^\\$2[abxy]\\$\\d{2}\\$.*");
	}

	/**
	 * The broker options these settings describe, with nats-server's defaults for what is not set. As in
	 * nats-server, users win over a single user or token, a token wins over a single user, and a single
	 * {@code password} without {@code user} is ignored.
	 * @return the options
	 * @throws IllegalArgumentException if the port cannot be bound or the options are invalid
	 */
	public NatsBrokerOptions toOptions() {
		if (!hasBindablePort()) {
			throw new IllegalArgumentException("invalid port " + listenPort());
		}
		Builder v = this.values;
		BrokerTls tls = (v.tls != null) ? v.tls.toBuilder().handshakeTimeout(tlsTimeout()).build() : null;
		NatsBrokerOptions.Builder options = NatsBrokerOptions.builder()
			.host(listenHost())
			.port((int) listenPort())
			.serverName(v.serverName.isEmpty() ? null : v.serverName)
			.auth(auth())
			.logging(new BrokerLogging(v.debug, v.trace))
			.tls(tls)
			.limits((limits) -> applyLimits(limits, tls != null))
			.cluster(v.cluster.toCluster())
			.clientAdvertise(v.clientAdvertise.isEmpty() ? null : v.clientAdvertise);
		if (v.ioThreads != 0) {
			options.ioThreads(v.ioThreads);
		}
		options.monitoring(monitoring());
		options.jetStream(jetStream());
		if (v.lameDuckDuration != null) {
			options.lameDuckDuration(v.lameDuckDuration);
		}
		if (v.lameDuckGracePeriod != null) {
			options.lameDuckGracePeriod(v.lameDuckGracePeriod);
		}
		return options.build();
	}

	private BrokerJetStream jetStream() {
		Builder v = this.values;
		if (!v.jetStream) {
			return null;
		}
		return BrokerJetStream.builder()
			.storeDirectory(v.storeDir.isEmpty() ? null : Path.of(v.storeDir))
			.maxMemoryStore(v.maxMemoryStore)
			.maxFileStore(v.maxFileStore)
			.build();
	}

	// nats-server: port 0 leaves monitoring off, -1 picks a free port; the host defaults to the client host
	private BrokerMonitoring monitoring() {
		Builder v = this.values;
		if (v.httpPort == 0) {
			return null;
		}
		long port = (v.httpPort == RANDOM_PORT) ? 0 : v.httpPort;
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("invalid monitoring port " + v.httpPort);
		}
		return BrokerMonitoring.builder()
			.host(v.httpHost.isEmpty() ? listenHost() : v.httpHost)
			.port((int) port)
			.basePath(v.httpBasePath)
			.build();
	}

	private Duration tlsTimeout() {
		return (this.values.tlsTimeout != null && this.values.tlsTimeout.toNanos() > 0) ? this.values.tlsTimeout
				: DEFAULT_TLS_TIMEOUT;
	}

	// nats-server: zero means the default; a negative connection limit means none
	private void applyLimits(BrokerLimits.Builder limits, boolean tls) {
		Builder v = this.values;
		if (v.maxPayload > 0) {
			limits.maxPayload((int) v.maxPayload);
		}
		if (v.maxControlLine > 0) {
			limits.maxControlLine((int) v.maxControlLine);
		}
		if (v.maxConnections != 0) {
			limits.maxConnections((v.maxConnections < 0) ? Integer.MAX_VALUE : (int) v.maxConnections);
		}
		if (v.maxSubscriptions > 0) {
			limits.maxSubscriptions((int) v.maxSubscriptions);
		}
		if (v.maxPending > 0) {
			limits.maxPending(v.maxPending);
		}
		if (v.writeDeadline != null && v.writeDeadline.toNanos() > 0) {
			limits.writeDeadline(v.writeDeadline);
		}
		if (v.pingInterval != null && v.pingInterval.toNanos() > 0) {
			limits.pingInterval(v.pingInterval);
		}
		if (v.maxPingsOut > 0) {
			limits.maxPingsOut((int) v.maxPingsOut);
		}
		if (v.authTimeout != null && v.authTimeout.toNanos() > 0) {
			limits.authTimeout(v.authTimeout);
		}
		else if (tls) {
			// nats-server gives TLS clients the handshake timeout plus a second to authenticate
			limits.authTimeout(tlsTimeout().plusSeconds(1));
		}
	}

	private BrokerAuth auth() {
		Builder v = this.values;
		if (v.usersArray) {
			if (v.users.isEmpty() && v.nkeyUsers.isEmpty()) {
				return BrokerAuth.none();
			}
			BrokerAuth auth = new BrokerAuth(null, v.users, v.nkeyUsers, null);
			return (v.defaultPermissions != null) ? auth.withDefaultPermissions(v.defaultPermissions) : auth;
		}
		if (!v.token.isEmpty()) {
			return BrokerAuth.token(v.token);
		}
		if (!v.username.isEmpty()) {
			return BrokerAuth.users(new BrokerUser(v.username, v.password));
		}
		return BrokerAuth.none();
	}

	/** Mutable settings; setters override what was set before, as a later source overrides an earlier one. */
	public static final class Builder {

		private String host = "";

		private long port;

		private String serverName = "";

		private long maxPayload;

		private long maxControlLine;

		private long maxConnections;

		private long maxSubscriptions;

		private long maxPending;

		private Duration writeDeadline;

		private Duration pingInterval;

		private long maxPingsOut;

		private Duration authTimeout;

		private String username = "";

		private String password = "";

		private String token = "";

		private boolean usersArray;

		private List<BrokerUser> users = new ArrayList<>();

		private List<BrokerNkeyUser> nkeyUsers = new ArrayList<>();

		private BrokerPermissions defaultPermissions;

		private BrokerTls tls;

		private Duration tlsTimeout;

		private Duration lameDuckDuration;

		private Duration lameDuckGracePeriod;

		private boolean debug;

		private boolean trace;

		private boolean logTime = true;

		private String logFile = "";

		private String pidFile = "";

		private int ioThreads;

		private String httpHost = "";

		private long httpPort;

		private String httpBasePath = "";

		private ClusterSettings cluster = new ClusterSettings();

		private String clientAdvertise = "";

		private boolean jetStream;

		private String storeDir = "";

		private long maxMemoryStore = -1;

		private long maxFileStore = -1;

		private Builder() {
		}

		private Builder copy() {
			Builder copy = new Builder();
			copy.host = this.host;
			copy.port = this.port;
			copy.serverName = this.serverName;
			copy.maxPayload = this.maxPayload;
			copy.maxControlLine = this.maxControlLine;
			copy.maxConnections = this.maxConnections;
			copy.maxSubscriptions = this.maxSubscriptions;
			copy.maxPending = this.maxPending;
			copy.writeDeadline = this.writeDeadline;
			copy.pingInterval = this.pingInterval;
			copy.maxPingsOut = this.maxPingsOut;
			copy.authTimeout = this.authTimeout;
			copy.username = this.username;
			copy.password = this.password;
			copy.token = this.token;
			copy.usersArray = this.usersArray;
			copy.users = new ArrayList<>(this.users);
			copy.nkeyUsers = new ArrayList<>(this.nkeyUsers);
			copy.defaultPermissions = this.defaultPermissions;
			copy.tls = this.tls;
			copy.tlsTimeout = this.tlsTimeout;
			copy.lameDuckDuration = this.lameDuckDuration;
			copy.lameDuckGracePeriod = this.lameDuckGracePeriod;
			copy.debug = this.debug;
			copy.trace = this.trace;
			copy.logTime = this.logTime;
			copy.logFile = this.logFile;
			copy.pidFile = this.pidFile;
			copy.ioThreads = this.ioThreads;
			copy.httpHost = this.httpHost;
			copy.httpPort = this.httpPort;
			copy.httpBasePath = this.httpBasePath;
			copy.cluster = this.cluster.copy();
			copy.clientAdvertise = this.clientAdvertise;
			copy.jetStream = this.jetStream;
			copy.storeDir = this.storeDir;
			copy.maxMemoryStore = this.maxMemoryStore;
			copy.maxFileStore = this.maxFileStore;
			return copy;
		}

		/**
		 * Sets the address to listen on.
		 * @param host the host, empty for all interfaces
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * Sets the port.
		 * @param port the port: 0 for 4222, -1 for a random one
		 * @return this builder
		 */
		public Builder port(long port) {
			this.port = port;
			return this;
		}

		/**
		 * Sets the server name.
		 * @param serverName the name, empty for the server id
		 * @return this builder
		 */
		public Builder serverName(String serverName) {
			this.serverName = serverName;
			return this;
		}

		/**
		 * Sets {@code max_payload}.
		 * @param maxPayload the bytes, 0 for the default
		 * @return this builder
		 */
		public Builder maxPayload(long maxPayload) {
			this.maxPayload = maxPayload;
			return this;
		}

		/**
		 * Sets {@code max_control_line}.
		 * @param maxControlLine the bytes, 0 for the default
		 * @return this builder
		 */
		public Builder maxControlLine(long maxControlLine) {
			this.maxControlLine = maxControlLine;
			return this;
		}

		/**
		 * Sets {@code max_connections}.
		 * @param maxConnections the number, 0 for the default, negative for no limit
		 * @return this builder
		 */
		public Builder maxConnections(long maxConnections) {
			this.maxConnections = maxConnections;
			return this;
		}

		/**
		 * Sets {@code max_subscriptions}.
		 * @param maxSubscriptions the number per connection, 0 for no limit
		 * @return this builder
		 */
		public Builder maxSubscriptions(long maxSubscriptions) {
			this.maxSubscriptions = maxSubscriptions;
			return this;
		}

		/**
		 * Sets {@code max_pending}.
		 * @param maxPending the bytes, 0 for the default
		 * @return this builder
		 */
		public Builder maxPending(long maxPending) {
			this.maxPending = maxPending;
			return this;
		}

		/**
		 * Sets {@code write_deadline}.
		 * @param writeDeadline the deadline, {@code null} or zero for the default
		 * @return this builder
		 */
		public Builder writeDeadline(Duration writeDeadline) {
			this.writeDeadline = writeDeadline;
			return this;
		}

		/**
		 * Sets {@code ping_interval}.
		 * @param pingInterval the interval, {@code null} or zero for the default
		 * @return this builder
		 */
		public Builder pingInterval(Duration pingInterval) {
			this.pingInterval = pingInterval;
			return this;
		}

		/**
		 * Sets {@code ping_max}.
		 * @param maxPingsOut the number, 0 for the default
		 * @return this builder
		 */
		public Builder maxPingsOut(long maxPingsOut) {
			this.maxPingsOut = maxPingsOut;
			return this;
		}

		/**
		 * Sets {@code authorization.timeout}.
		 * @param authTimeout the timeout, {@code null} or zero for the default
		 * @return this builder
		 */
		public Builder authTimeout(Duration authTimeout) {
			this.authTimeout = authTimeout;
			return this;
		}

		/**
		 * Sets the single user ({@code authorization.user} or {@code --user}).
		 * @param username the name, empty for none
		 * @return this builder
		 */
		public Builder username(String username) {
			this.username = username;
			return this;
		}

		/**
		 * Sets the single user's password.
		 * @param password the password, plain or bcrypt
		 * @return this builder
		 */
		public Builder password(String password) {
			this.password = password;
			return this;
		}

		/**
		 * Sets the token.
		 * @param token the token, empty for none
		 * @return this builder
		 */
		public Builder token(String token) {
			this.token = token;
			return this;
		}

		/**
		 * Sets the {@code users} array: users with passwords and users with nkeys.
		 * @param users the users
		 * @param nkeyUsers the nkey users
		 * @return this builder
		 */
		public Builder users(List<BrokerUser> users, List<BrokerNkeyUser> nkeyUsers) {
			this.usersArray = true;
			this.users = new ArrayList<>(users);
			this.nkeyUsers = new ArrayList<>(nkeyUsers);
			return this;
		}

		/**
		 * Sets {@code default_permissions}.
		 * @param defaultPermissions the permissions of users without their own
		 * @return this builder
		 */
		public Builder defaultPermissions(BrokerPermissions defaultPermissions) {
			this.defaultPermissions = defaultPermissions;
			return this;
		}

		/**
		 * Sets TLS.
		 * @param tls the TLS settings, {@code null} for none
		 * @return this builder
		 */
		public Builder tls(BrokerTls tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Sets {@code tls.timeout}.
		 * @param tlsTimeout the handshake timeout, {@code null} for the default
		 * @return this builder
		 */
		public Builder tlsTimeout(Duration tlsTimeout) {
			this.tlsTimeout = tlsTimeout;
			return this;
		}

		/**
		 * Sets {@code lame_duck_duration}.
		 * @param lameDuckDuration the duration
		 * @return this builder
		 */
		public Builder lameDuckDuration(Duration lameDuckDuration) {
			this.lameDuckDuration = lameDuckDuration;
			return this;
		}

		/**
		 * Sets {@code lame_duck_grace_period}.
		 * @param lameDuckGracePeriod the grace period
		 * @return this builder
		 */
		public Builder lameDuckGracePeriod(Duration lameDuckGracePeriod) {
			this.lameDuckGracePeriod = lameDuckGracePeriod;
			return this;
		}

		/**
		 * Sets {@code debug}.
		 * @param debug whether debug lines are logged
		 * @return this builder
		 */
		public Builder debug(boolean debug) {
			this.debug = debug;
			return this;
		}

		/**
		 * Sets {@code trace}.
		 * @param trace whether trace lines are logged
		 * @return this builder
		 */
		public Builder trace(boolean trace) {
			this.trace = trace;
			return this;
		}

		/**
		 * Sets {@code logtime}.
		 * @param logTime whether log lines carry a timestamp
		 * @return this builder
		 */
		public Builder logTime(boolean logTime) {
			this.logTime = logTime;
			return this;
		}

		/**
		 * Sets {@code logfile}.
		 * @param logFile the path, empty for standard error
		 * @return this builder
		 */
		public Builder logFile(String logFile) {
			this.logFile = logFile;
			return this;
		}

		/**
		 * Sets {@code pid_file}.
		 * @param pidFile the path, empty for none
		 * @return this builder
		 */
		public Builder pidFile(String pidFile) {
			this.pidFile = pidFile;
			return this;
		}

		/**
		 * Sets the number of event loops (this broker's {@code --io_threads}).
		 * @param ioThreads the number, 0 for the default
		 * @return this builder
		 */
		public Builder ioThreads(int ioThreads) {
			this.ioThreads = ioThreads;
			return this;
		}

		/**
		 * Sets the monitoring address ({@code http} host part, {@code --http}).
		 * @param httpHost the host, empty for the client address
		 * @return this builder
		 */
		public Builder httpHost(String httpHost) {
			this.httpHost = httpHost;
			return this;
		}

		/**
		 * Sets the monitoring port ({@code http_port}, {@code -m}).
		 * @param httpPort the port: 0 for no monitoring, -1 for a random one
		 * @return this builder
		 */
		public Builder httpPort(long httpPort) {
			this.httpPort = httpPort;
			return this;
		}

		/**
		 * Sets {@code http_base_path}.
		 * @param httpBasePath the path the endpoints are served under, empty for the root
		 * @return this builder
		 */
		public Builder httpBasePath(String httpBasePath) {
			this.httpBasePath = httpBasePath;
			return this;
		}

		/**
		 * The cluster settings, to change in place as a {@code cluster} block or the cluster flags do.
		 * @return the cluster settings of this builder
		 */
		public ClusterSettings cluster() {
			return this.cluster;
		}

		/**
		 * Sets {@code client_advertise}.
		 * @param clientAdvertise {@code host:port} or {@code host}, empty for the listening address
		 * @return this builder
		 */
		public Builder clientAdvertise(String clientAdvertise) {
			this.clientAdvertise = clientAdvertise;
			return this;
		}

		/**
		 * Turns JetStream on or off ({@code -js}, {@code jetstream}).
		 * @param jetStream whether JetStream runs
		 * @return this builder
		 */
		public Builder jetStream(boolean jetStream) {
			this.jetStream = jetStream;
			return this;
		}

		/**
		 * Sets the JetStream store directory ({@code -sd}, {@code store_dir}); it does not turn JetStream on.
		 * @param storeDir the directory, empty for nats-server's default
		 * @return this builder
		 */
		public Builder storeDir(String storeDir) {
			this.storeDir = storeDir;
			return this;
		}

		/**
		 * The JetStream store directory set so far.
		 * @return the directory, empty when none was set
		 */
		public String storeDir() {
			return this.storeDir;
		}

		/**
		 * Sets {@code max_memory_store}.
		 * @param maxMemoryStore bytes, -1 for unlimited
		 * @return this builder
		 */
		public Builder maxMemoryStore(long maxMemoryStore) {
			this.maxMemoryStore = maxMemoryStore;
			return this;
		}

		/**
		 * Sets {@code max_file_store}.
		 * @param maxFileStore bytes, -1 for unlimited
		 * @return this builder
		 */
		public Builder maxFileStore(long maxFileStore) {
			this.maxFileStore = maxFileStore;
			return this;
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 */
		public ServerSettings build() {
			return new ServerSettings(this);
		}
	}
}
