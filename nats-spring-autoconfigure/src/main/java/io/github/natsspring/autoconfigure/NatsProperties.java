package io.github.natsspring.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for NATS: how the application connects, the embedded broker it starts when no
 * servers are configured, and {@code NatsTemplate} defaults.
 */
@ConfigurationProperties("nats")
public class NatsProperties {

	/** NATS server URLs to connect to, e.g. nats://host:4222. Setting any means remote mode: no embedded broker. */
	private List<String> servers = new ArrayList<>();

	/** Name the connection reports to the server. Defaults to spring.application.name. */
	private @Nullable String connectionName;

	/** User name to authenticate with in remote mode, or to the users of nats.embedded.config-file. */
	private @Nullable String username;

	/** Password to authenticate with in remote mode, or to the users of nats.embedded.config-file. */
	private @Nullable String password;

	/** Token to authenticate with in remote mode, or to the token of nats.embedded.config-file. */
	private @Nullable String token;

	/**
	 * Credentials file (user JWT and NKey seed) to authenticate with in remote mode, or to the users of
	 * nats.embedded.config-file.
	 */
	private @Nullable Resource credentials;

	/** NKey seed to authenticate with in remote mode, or to the users of nats.embedded.config-file, e.g. SUAB... */
	private @Nullable String nkey;

	/** How long one attempt to connect to a server may take. */
	private Duration connectionTimeout = Duration.ofSeconds(2);

	/** How long to wait between reconnect attempts to the same server. */
	private Duration reconnectWait = Duration.ofSeconds(2);

	/** Reconnect attempts before the connection gives up and closes; -1 retries forever. */
	private int maxReconnects = -1;

	/** How often the client pings the server to detect a dead connection. */
	private Duration pingInterval = Duration.ofMinutes(2);

	/** Prefix of the inbox subjects replies are received on. */
	private String inboxPrefix = "_INBOX.";

	/** Whether the server should not deliver this connection's own publishes back to its subscriptions. */
	private boolean noEcho;

	/** How much outgoing data is buffered while reconnecting; further publishes fail. */
	private DataSize reconnectBufferSize = DataSize.ofMegabytes(8);

	/** Longest time closing the application waits for the connection to drain. */
	private Duration drainTimeout = Duration.ofSeconds(10);

	/**
	 * Whether startup fails when no server is reachable. When false, the application starts and the connection
	 * keeps trying in the background; health reports DOWN until it connects.
	 */
	private boolean failFast;

	/** TLS settings. */
	private final Ssl ssl = new Ssl();

	/** Embedded broker settings. */
	private final Embedded embedded = new Embedded();

	/** NatsTemplate settings. */
	private final Template template = new Template();

	public List<String> getServers() {
		return this.servers;
	}

	public void setServers(List<String> servers) {
		this.servers = servers;
	}

	public @Nullable String getConnectionName() {
		return this.connectionName;
	}

	public void setConnectionName(@Nullable String connectionName) {
		this.connectionName = connectionName;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public @Nullable Resource getCredentials() {
		return this.credentials;
	}

	public void setCredentials(@Nullable Resource credentials) {
		this.credentials = credentials;
	}

	public @Nullable String getNkey() {
		return this.nkey;
	}

	public void setNkey(@Nullable String nkey) {
		this.nkey = nkey;
	}

	public Duration getConnectionTimeout() {
		return this.connectionTimeout;
	}

	public void setConnectionTimeout(Duration connectionTimeout) {
		this.connectionTimeout = connectionTimeout;
	}

	public Duration getReconnectWait() {
		return this.reconnectWait;
	}

	public void setReconnectWait(Duration reconnectWait) {
		this.reconnectWait = reconnectWait;
	}

	public int getMaxReconnects() {
		return this.maxReconnects;
	}

	public void setMaxReconnects(int maxReconnects) {
		this.maxReconnects = maxReconnects;
	}

	public Duration getPingInterval() {
		return this.pingInterval;
	}

	public void setPingInterval(Duration pingInterval) {
		this.pingInterval = pingInterval;
	}

	public String getInboxPrefix() {
		return this.inboxPrefix;
	}

	public void setInboxPrefix(String inboxPrefix) {
		this.inboxPrefix = inboxPrefix;
	}

	public boolean isNoEcho() {
		return this.noEcho;
	}

	public void setNoEcho(boolean noEcho) {
		this.noEcho = noEcho;
	}

	public DataSize getReconnectBufferSize() {
		return this.reconnectBufferSize;
	}

	public void setReconnectBufferSize(DataSize reconnectBufferSize) {
		this.reconnectBufferSize = reconnectBufferSize;
	}

	public Duration getDrainTimeout() {
		return this.drainTimeout;
	}

	public void setDrainTimeout(Duration drainTimeout) {
		this.drainTimeout = drainTimeout;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Embedded getEmbedded() {
		return this.embedded;
	}

	public Template getTemplate() {
		return this.template;
	}

	/**
	 * TLS settings of the client connection.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose trust and key material secure the connection. In embedded
		 * mode it applies to TLS from nats.embedded.config-file, whose certificate is trusted without it.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Settings of the broker started inside the application when no servers are configured.
	 */
	public static class Embedded {

		/** Whether to start an embedded broker when nats.servers is not set and the broker is on the classpath. */
		private boolean enabled = true;

		/**
		 * nats-server configuration file the embedded broker starts from, e.g. file:./nats.conf or classpath:nats.conf.
		 * The nats.embedded.* properties that are set override its values; those left at their defaults do not.
		 */
		private @Nullable Resource configFile;

		/**
		 * Address the embedded broker listens on, also when nats.embedded.config-file names none (rather than
		 * nats-server's 0.0.0.0).
		 */
		private String host = "127.0.0.1";

		/** Port the embedded broker listens on; 0 picks a free one, published as local.nats.port. */
		private int port = 4222;

		/** Name the embedded broker reports in INFO. Defaults to its generated server id. */
		private @Nullable String serverName;

		/** Largest message payload the embedded broker accepts. */
		private DataSize maxPayload = DataSize.ofMegabytes(1);

		/**
		 * User name clients of the embedded broker must present; requires a password. With nats.embedded.users it is
		 * one more user, with the default permissions. The auto-configured connection connects as this user.
		 */
		private @Nullable String username;

		/**
		 * Password clients of the embedded broker must present with the user name. The auto-configured connection
		 * presents it as is, so it must not be a bcrypt hash.
		 */
		private @Nullable String password;

		/** Token clients of the embedded broker must present; excludes users. */
		private @Nullable String token;

		/**
		 * Users of the embedded broker, each with a user name and password or an nkey, and permissions. Unless
		 * nats.embedded.username is set, the auto-configured connection connects as the first user with a user name.
		 */
		private List<EmbeddedUser> users = new ArrayList<>();

		/** Permissions of the users that have none of their own, nats.embedded.username's included. */
		private @Nullable EmbeddedPermissions defaultPermissions;

		/** Event loops serving the embedded broker's connections. Defaults to half the processors, at least one. */
		private @Nullable Integer ioThreads;

		/** TLS on the embedded broker's client port. */
		private final EmbeddedSsl ssl = new EmbeddedSsl();

		/**
		 * How the auto-configured connection reaches the embedded broker: over TCP, or in-JVM without a socket
		 * (the same protocol, authorization and permissions; no TLS).
		 */
		private NatsTransport transport = NatsTransport.TCP;

		/**
		 * Whether the embedded broker listens on TCP (nats.embedded.host and port) for other clients. Only
		 * nats.embedded.transport=in-jvm can turn it off.
		 */
		private boolean tcpEnabled = true;

		/** nats-server's HTTP monitoring endpoints (/varz, /connz, /subsz, /healthz, ...) on the embedded broker. */
		private final EmbeddedMonitoring monitoring = new EmbeddedMonitoring();

		private final EmbeddedJetStream jetStream = new EmbeddedJetStream();

		/**
		 * Routes to other NATS servers, making the embedded broker a node of a nats-server cluster (full mesh, one
		 * hop). On when nats.embedded.cluster.port or nats.embedded.cluster.routes is set, or enabled is true.
		 */
		private final EmbeddedCluster cluster = new EmbeddedCluster();

		/**
		 * Client address (host:port or host) the embedded broker advertises to clients and to the other nodes of its
		 * cluster, instead of the one it listens on, as nats-server's client_advertise.
		 */
		private @Nullable String clientAdvertise;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Resource getConfigFile() {
			return this.configFile;
		}

		public void setConfigFile(@Nullable Resource configFile) {
			this.configFile = configFile;
		}

		public String getHost() {
			return this.host;
		}

		public void setHost(String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable String getServerName() {
			return this.serverName;
		}

		public void setServerName(@Nullable String serverName) {
			this.serverName = serverName;
		}

		public DataSize getMaxPayload() {
			return this.maxPayload;
		}

		public void setMaxPayload(DataSize maxPayload) {
			this.maxPayload = maxPayload;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public List<EmbeddedUser> getUsers() {
			return this.users;
		}

		public void setUsers(List<EmbeddedUser> users) {
			this.users = users;
		}

		public @Nullable EmbeddedPermissions getDefaultPermissions() {
			return this.defaultPermissions;
		}

		public void setDefaultPermissions(@Nullable EmbeddedPermissions defaultPermissions) {
			this.defaultPermissions = defaultPermissions;
		}

		public @Nullable Integer getIoThreads() {
			return this.ioThreads;
		}

		public void setIoThreads(@Nullable Integer ioThreads) {
			this.ioThreads = ioThreads;
		}

		public EmbeddedSsl getSsl() {
			return this.ssl;
		}

		public EmbeddedMonitoring getMonitoring() {
			return this.monitoring;
		}

		public EmbeddedJetStream getJetStream() {
			return this.jetStream;
		}

		public EmbeddedCluster getCluster() {
			return this.cluster;
		}

		public @Nullable String getClientAdvertise() {
			return this.clientAdvertise;
		}

		public void setClientAdvertise(@Nullable String clientAdvertise) {
			this.clientAdvertise = clientAdvertise;
		}

		public NatsTransport getTransport() {
			return this.transport;
		}

		public void setTransport(NatsTransport transport) {
			this.transport = transport;
		}

		public boolean isTcpEnabled() {
			return this.tcpEnabled;
		}

		public void setTcpEnabled(boolean tcpEnabled) {
			this.tcpEnabled = tcpEnabled;
		}
	}

	/**
	 * A user of the embedded broker: a user name and password, or an nkey.
	 */
	public static class EmbeddedUser {

		/** Name the user connects with; requires a password. */
		private @Nullable String username;

		/**
		 * Password the user connects with: plain text, or a bcrypt hash ($2a$...) for clients other than the
		 * auto-configured connection.
		 */
		private @Nullable String password;

		/** Public nkey (U...) the user connects with, signing the broker's nonce with its seed; excludes a user name. */
		private @Nullable String nkey;

		/** What the user may do. Defaults to nats.embedded.default-permissions, else anything. */
		private @Nullable EmbeddedPermissions permissions;

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getNkey() {
			return this.nkey;
		}

		public void setNkey(@Nullable String nkey) {
			this.nkey = nkey;
		}

		public @Nullable EmbeddedPermissions getPermissions() {
			return this.permissions;
		}

		public void setPermissions(@Nullable EmbeddedPermissions permissions) {
			this.permissions = permissions;
		}
	}

	/**
	 * What a user of the embedded broker may do, as nats-server's permissions: a client going beyond them gets
	 * a Permissions Violation error and stays connected.
	 */
	public static class EmbeddedPermissions {

		/** Subjects the user may publish to. */
		private final EmbeddedSubjectPermissions publish = new EmbeddedSubjectPermissions();

		/** Subjects the user may subscribe to, optionally in a given queue group only. */
		private final EmbeddedSubjectPermissions subscribe = new EmbeddedSubjectPermissions();

		/** Replies the user may send to the requests it receives, beyond its publish permission. */
		private final EmbeddedResponsePermissions allowResponses = new EmbeddedResponsePermissions();

		public EmbeddedSubjectPermissions getPublish() {
			return this.publish;
		}

		public EmbeddedSubjectPermissions getSubscribe() {
			return this.subscribe;
		}

		public EmbeddedResponsePermissions getAllowResponses() {
			return this.allowResponses;
		}
	}

	/**
	 * Allow and deny lists of subjects, wildcards allowed, deny winning over allow.
	 */
	public static class EmbeddedSubjectPermissions {

		/**
		 * Subjects allowed; a subscribe entry may name a queue group after a space ("orders.* workers") to allow that
		 * group only. When unset, every subject not denied is allowed; an empty publish list allows none.
		 */
		private @Nullable List<String> allow;

		/** Subjects denied; a subscribe entry may name a queue group after a space to deny that group only. */
		private List<String> deny = new ArrayList<>();

		public @Nullable List<String> getAllow() {
			return this.allow;
		}

		public void setAllow(@Nullable List<String> allow) {
			this.allow = allow;
		}

		public List<String> getDeny() {
			return this.deny;
		}

		public void setDeny(List<String> deny) {
			this.deny = deny;
		}
	}

	/**
	 * nats-server's allow_responses: replies to the requests a user receives, whatever its publish permission.
	 */
	public static class EmbeddedResponsePermissions {

		/** Whether the user may reply to the requests it receives whatever its publish permission. */
		private boolean enabled;

		/** How many replies each request allows. */
		private int maxMessages = 1;

		/** How long after the request its replies are allowed. */
		private Duration expires = Duration.ofMinutes(2);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxMessages() {
			return this.maxMessages;
		}

		public void setMaxMessages(int maxMessages) {
			this.maxMessages = maxMessages;
		}

		public Duration getExpires() {
			return this.expires;
		}

		public void setExpires(Duration expires) {
			this.expires = expires;
		}
	}

	/**
	 * JetStream of the embedded broker, as nats-server's {@code -js} and {@code jetstream {}} block.
	 */
	public static class EmbeddedJetStream {

		/** Whether the embedded broker runs JetStream: streams, consumers and key-value buckets. */
		private boolean enabled;

		/**
		 * Directory the broker stores streams in, under its jetstream subdirectory as nats-server does; the
		 * system's temporary directory's nats subdirectory when not set.
		 */
		private @Nullable Path storeDir;

		/** Most memory all memory streams may use together; unlimited when not set. */
		private @Nullable DataSize maxMemoryStore;

		/** Most disk space all file streams may use together; unlimited when not set. */
		private @Nullable DataSize maxFileStore;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Path getStoreDir() {
			return this.storeDir;
		}

		public void setStoreDir(@Nullable Path storeDir) {
			this.storeDir = storeDir;
		}

		public @Nullable DataSize getMaxMemoryStore() {
			return this.maxMemoryStore;
		}

		public void setMaxMemoryStore(@Nullable DataSize maxMemoryStore) {
			this.maxMemoryStore = maxMemoryStore;
		}

		public @Nullable DataSize getMaxFileStore() {
			return this.maxFileStore;
		}

		public void setMaxFileStore(@Nullable DataSize maxFileStore) {
			this.maxFileStore = maxFileStore;
		}
	}

	/**
	 * HTTP monitoring of the embedded broker, as nats-server's {@code http_port}.
	 */
	public static class EmbeddedMonitoring {

		/** Whether the embedded broker serves nats-server's HTTP monitoring endpoints. */
		private boolean enabled;

		/** Address the monitoring endpoints listen on. Defaults to nats.embedded.host. */
		private @Nullable String host;

		/** Port of the monitoring endpoints; 0 picks a free one, published as local.nats.monitoring-port. */
		private int port = 8222;

		/** Path the endpoints are served under, e.g. /nats; the root when empty. */
		private String basePath = "";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public String getBasePath() {
			return this.basePath;
		}

		public void setBasePath(String basePath) {
			this.basePath = basePath;
		}
	}

	/**
	 * The embedded broker as a node of a nats-server cluster, as nats-server's {@code cluster {}} block.
	 */
	public static class EmbeddedCluster {

		/**
		 * Whether the embedded broker opens its cluster port and dials its routes. Defaults to whether
		 * nats.embedded.cluster.port or nats.embedded.cluster.routes is set.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Name of the cluster; nodes with different names refuse each other's routes. Defaults to a generated name
		 * that adopts the one of a peer that has a name configured.
		 */
		private @Nullable String name;

		/** Address the cluster port listens on. Defaults to nats.embedded.host. */
		private @Nullable String host;

		/**
		 * Port other nodes open routes to; 0 picks a free one, published as local.nats.cluster-port. Defaults to
		 * 6222.
		 */
		private @Nullable Integer port;

		/**
		 * Cluster ports of other nodes to open routes to and keep redialling until they answer, e.g.
		 * nats://127.0.0.1:6222 (or nats-route://). The nodes they know about are found through them. Routes without
		 * user info present nats.embedded.cluster.username and password.
		 */
		private List<URI> routes = new ArrayList<>();

		/** Cluster address (host:port) advertised to other nodes instead of the one the cluster port listens on. */
		private @Nullable String advertise;

		/**
		 * Whether to keep the client URLs of the cluster's nodes out of the INFO clients receive, so that they do not
		 * fail over to the other nodes on their own.
		 */
		private boolean noAdvertise;

		/** How many more times a route to a node found through another one is dialled once it failed or was lost. */
		private int connectRetries;

		/** User name routes must present, and the routes dialled present; requires a password. */
		private @Nullable String username;

		/** Password routes must present with the user name, and the routes dialled present. */
		private @Nullable String password;

		/** How long a route accepted on the cluster port has to authenticate. */
		private Duration authTimeout = Duration.ofSeconds(2);

		/** TLS on the cluster port and on the routes dialled. */
		private final EmbeddedClusterSsl ssl = new EmbeddedClusterSsl();

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		public List<URI> getRoutes() {
			return this.routes;
		}

		public void setRoutes(List<URI> routes) {
			this.routes = routes;
		}

		public @Nullable String getAdvertise() {
			return this.advertise;
		}

		public void setAdvertise(@Nullable String advertise) {
			this.advertise = advertise;
		}

		public boolean isNoAdvertise() {
			return this.noAdvertise;
		}

		public void setNoAdvertise(boolean noAdvertise) {
			this.noAdvertise = noAdvertise;
		}

		public int getConnectRetries() {
			return this.connectRetries;
		}

		public void setConnectRetries(int connectRetries) {
			this.connectRetries = connectRetries;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public Duration getAuthTimeout() {
			return this.authTimeout;
		}

		public void setAuthTimeout(Duration authTimeout) {
			this.authTimeout = authTimeout;
		}

		public EmbeddedClusterSsl getSsl() {
			return this.ssl;
		}
	}

	/**
	 * TLS between the nodes of the embedded broker's cluster, as nats-server's {@code cluster { tls {} }}.
	 */
	public static class EmbeddedClusterSsl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) whose key the routes present, both ways, and whose trust store
		 * the other nodes' certificates must be trusted by; routes then start with TLS.
		 */
		private @Nullable String bundle;

		/** Whether routes dialling in must present a certificate the bundle's trust store trusts. */
		private boolean verifyPeers;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		public boolean isVerifyPeers() {
			return this.verifyPeers;
		}

		public void setVerifyPeers(boolean verifyPeers) {
			this.verifyPeers = verifyPeers;
		}
	}

	/**
	 * TLS on the embedded broker's client port.
	 */
	public static class EmbeddedSsl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) the embedded broker serves TLS with; the auto-configured
		 * connection then uses the same bundle.
		 */
		private @Nullable String bundle;

		/** Whether clients must present a certificate the bundle's trust store trusts (mutual TLS). */
		private boolean verifyClients;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		public boolean isVerifyClients() {
			return this.verifyClients;
		}

		public void setVerifyClients(boolean verifyClients) {
			this.verifyClients = verifyClients;
		}
	}

	/**
	 * Defaults of the auto-configured {@code NatsTemplate}.
	 */
	public static class Template {

		/** How long a request waits for its reply unless the call gives a timeout. */
		private Duration requestTimeout = Duration.ofSeconds(5);

		/**
		 * Whether publishes and requests are observed through the application's ObservationRegistry (timers
		 * nats.template, spans with W3C trace context sent in the message headers).
		 */
		private boolean observationEnabled;

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public boolean isObservationEnabled() {
			return this.observationEnabled;
		}

		public void setObservationEnabled(boolean observationEnabled) {
			this.observationEnabled = observationEnabled;
		}

	}

}
