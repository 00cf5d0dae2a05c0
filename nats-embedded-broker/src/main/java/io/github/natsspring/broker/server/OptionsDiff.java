package io.github.natsspring.broker.server;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.NatsBrokerException;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.protocol.GoDuration;
import io.github.natsspring.broker.protocol.GoHostPort;

/**
 * What a configuration reload changes, judged as nats-server 2.9.10 judges it: options it can change while
 * running (authorization, TLS, logging, most limits) give the notices nats-server logs, in the order of its
 * options; any other change refuses the whole reload with nats-server's message, naming the first such option.
 * Changes nats-server makes while running but this broker cannot yet (the cluster's name, advertised address,
 * credentials, TLS and routes, and {@code client_advertise}) refuse the reload too, with a message saying so.
 */
final class OptionsDiff {

	private final List<String> notices;

	private final boolean authChanged;

	private final boolean tlsChanged;

	private final boolean pinnedCertificatesChanged;

	private OptionsDiff(List<String> notices, boolean authChanged, boolean tlsChanged,
			boolean pinnedCertificatesChanged) {
		this.notices = List.copyOf(notices);
		this.authChanged = authChanged;
		this.tlsChanged = tlsChanged;
		this.pinnedCertificatesChanged = pinnedCertificatesChanged;
	}

	/**
	 * Compares running and new options of a broker whose cluster port is bound.
	 * @param old the running options
	 * @param changed the new options
	 * @param boundPort the port the server bound, which a new random port (0) keeps
	 * @param clusterBoundPort the cluster port the server bound, which a new random cluster port (0) keeps
	 * @param tlsFilesChanged whether the certificate, key or CA files read differently than at the last (re)load
	 * @return the changes
	 * @throws NatsBrokerException {@code config reload not supported for <Option>: old=…, new=…}, or that this
	 * broker cannot yet make a change nats-server makes
	 */
	static OptionsDiff of(NatsBrokerOptions old, NatsBrokerOptions changed, int boundPort, int clusterBoundPort,
			boolean tlsFilesChanged) {
		refuseChange("ServerName", text(old.serverName()), text(changed.serverName()));
		refuseChange("Host", old.host(), changed.host());
		if (changed.port() != 0 && changed.port() != boundPort && changed.port() != old.port()) {
			refuse("Port", String.valueOf(old.port()), String.valueOf(changed.port()));
		}
		refuseClientAdvertiseChange(old.clientAdvertise(), changed.clientAdvertise());
		refuseMonitoringChange(old.monitoring(), changed.monitoring());
		List<String> notices = new ArrayList<>();
		if (old.logging().trace() != changed.logging().trace()) {
			notices.add("Reloaded: trace = " + changed.logging().trace());
		}
		if (old.logging().debug() != changed.logging().debug()) {
			notices.add("Reloaded: debug = " + changed.logging().debug());
		}
		BrokerLimits was = old.limits();
		BrokerLimits is = changed.limits();
		if (was.maxConnections() != is.maxConnections()) {
			notices.add("Reloaded: max_connections = " + is.maxConnections());
		}
		refuseChange("MaxSubs", String.valueOf(was.maxSubscriptions()), String.valueOf(is.maxSubscriptions()));
		boolean authChanged = authNotices(old.auth(), changed.auth(), notices);
		if (!was.pingInterval().equals(is.pingInterval())) {
			notices.add("Reloaded: ping_interval = " + GoDuration.format(is.pingInterval()));
		}
		if (was.maxPingsOut() != is.maxPingsOut()) {
			notices.add("Reloaded: ping_max = " + is.maxPingsOut());
		}
		if (!was.authTimeout().equals(is.authTimeout())) {
			notices.add("Reloaded: authorization timeout = " + seconds(is.authTimeout()));
		}
		if (was.maxControlLine() != is.maxControlLine()) {
			notices.add("Reloaded: max_control_line = " + is.maxControlLine());
		}
		if (was.maxPayload() != is.maxPayload()) {
			notices.add("Reloaded: max_payload = " + is.maxPayload());
		}
		refuseChange("MaxPending", String.valueOf(was.maxPending()), String.valueOf(is.maxPending()));
		refuseClusterChange(old.cluster(), changed.cluster(), clusterBoundPort);
		refuseRoutesChange(old.cluster(), changed.cluster());
		boolean tlsChanged = tlsNotices(old.tls(), changed.tls(), tlsFilesChanged, notices);
		Set<String> pinnedWas = (old.tls() != null) ? old.tls().pinnedCertificates() : null;
		Set<String> pinnedIs = (changed.tls() != null) ? changed.tls().pinnedCertificates() : null;
		boolean pinnedChanged = !Objects.equals(pinnedWas, pinnedIs);
		if (pinnedChanged) {
			notices.add("Reloaded: " + ((pinnedIs != null) ? pinnedIs.size() : 0) + " pinned_certs");
		}
		if (!was.writeDeadline().equals(is.writeDeadline())) {
			notices.add("Reloaded: write_deadline = " + GoDuration.format(is.writeDeadline()));
		}
		refuseChange("LameDuckDuration", GoDuration.format(old.lameDuckDuration()),
				GoDuration.format(changed.lameDuckDuration()));
		refuseChange("LameDuckGracePeriod", GoDuration.format(old.lameDuckGracePeriod()),
				GoDuration.format(changed.lameDuckGracePeriod()));
		refuseJetStreamChange(old.jetStream(), changed.jetStream());
		refuseChange("io_threads", String.valueOf(old.ioThreads()), String.valueOf(changed.ioThreads()));
		refuseChange("in_jvm_name", String.valueOf(old.inJvmName()), String.valueOf(changed.inJvmName()));
		refuseChange("tcp_listener", String.valueOf(old.tcpListener()), String.valueOf(changed.tcpListener()));
		return new OptionsDiff(notices, authChanged, tlsChanged, pinnedChanged);
	}

	private static boolean authNotices(BrokerAuth old, BrokerAuth changed, List<String> notices) {
		boolean changedAny = false;
		if (!old.nkeyUsers().equals(changed.nkeyUsers())
				|| (!changed.nkeyUsers().isEmpty() && !Objects.equals(old.defaultPermissions(), changed.defaultPermissions()))) {
			notices.add("Reloaded: authorization nkey users");
			changedAny = true;
		}
		if (!old.users().equals(changed.users())
				|| (!changed.users().isEmpty() && !Objects.equals(old.defaultPermissions(), changed.defaultPermissions()))) {
			notices.add("Reloaded: authorization users");
			changedAny = true;
		}
		if (!Objects.equals(old.token(), changed.token())) {
			notices.add("Reloaded: authorization token");
			changedAny = true;
		}
		return changedAny;
	}

	private static boolean tlsNotices(BrokerTls old, BrokerTls changed, boolean filesChanged, List<String> notices) {
		boolean wasOn = old != null;
		boolean isOn = changed != null;
		boolean mapWas = wasOn && old.mapClientCertificates();
		boolean mapIs = isOn && changed.mapClientCertificates();
		if (wasOn && isOn && !old.handshakeTimeout().equals(changed.handshakeTimeout())) {
			notices.add("Reloaded: tls timeout = " + seconds(changed.handshakeTimeout()));
		}
		boolean configChanged = wasOn != isOn || (isOn && (filesChanged || !sameTlsConfig(old, changed)));
		if (configChanged) {
			notices.add("Reloaded: tls = " + (isOn ? "enabled" : "disabled"));
		}
		refuseChange("TLSMap", String.valueOf(mapWas), String.valueOf(mapIs));
		return configChanged;
	}

	private static boolean sameTlsConfig(BrokerTls old, BrokerTls changed) {
		return Objects.equals(old.certificateFile(), changed.certificateFile())
				&& Objects.equals(old.privateKeyFile(), changed.privateKeyFile())
				&& Objects.equals(old.caFile(), changed.caFile()) && old.verifyClients() == changed.verifyClients()
				&& Objects.equals(old.cipherSuites(), changed.cipherSuites())
				&& old.keyManagerFactory() == changed.keyManagerFactory()
				&& old.trustManagerFactory() == changed.trustManagerFactory();
	}

	// nats-server reloads client_advertise once it reads as host[:port]; this broker does not advertise one yet
	private static void refuseClientAdvertiseChange(String old, String changed) {
		if (Objects.equals(old, changed)) {
			return;
		}
		if (changed != null) {
			try {
				GoHostPort.withDefaultPort(changed, 0);
			}
			catch (IllegalArgumentException ex) {
				throw new NatsBrokerException("invalid ClientAdvertise value of " + changed + ", err=" + ex.getMessage());
			}
		}
		throw new NatsBrokerException(notYet("client_advertise", text(old), text(changed)));
	}

	// nats-server's options without a cluster: no host, port 0; a new random port keeps the bound one
	private static void refuseClusterChange(BrokerCluster old, BrokerCluster changed, int clusterBoundPort) {
		String oldHost = (old != null) ? old.host() : "";
		String newHost = (changed != null) ? changed.host() : "";
		if (!oldHost.equals(newHost)) {
			throw new NatsBrokerException(
					"config reload not supported for cluster host: old=" + oldHost + ", new=" + newHost);
		}
		int oldPort = (old == null) ? 0 : (old.port() == 0) ? clusterBoundPort : old.port();
		int newPort = (changed == null) ? 0 : (changed.port() == 0) ? oldPort : changed.port();
		if (oldPort != newPort) {
			throw new NatsBrokerException(
					"config reload not supported for cluster port: old=" + oldPort + ", new=" + newPort);
		}
		String difference = (old != null && changed != null) ? clusterDifference(old, changed) : null;
		if (difference == null) {
			return;
		}
		if (changed.advertise() != null) {
			try {
				GoHostPort.withDefaultPort(changed.advertise(), 0);
			}
			catch (IllegalArgumentException ex) {
				throw new NatsBrokerException(
						"invalid Cluster.Advertise value of " + changed.advertise() + ", err=" + ex.getMessage());
			}
		}
		throw new NatsBrokerException(difference);
	}

	/** What nats-server would reload in a cluster and this broker cannot yet, or {@code null} when nothing. */
	private static String clusterDifference(BrokerCluster old, BrokerCluster changed) {
		if (!Objects.equals(old.name(), changed.name())) {
			return notYet("cluster name", text(old.name()), text(changed.name()));
		}
		if (!Objects.equals(old.advertise(), changed.advertise())) {
			return notYet("cluster advertise", text(old.advertise()), text(changed.advertise()));
		}
		if (old.noAdvertise() != changed.noAdvertise()) {
			return notYet("cluster no_advertise", String.valueOf(old.noAdvertise()),
					String.valueOf(changed.noAdvertise()));
		}
		if (old.connectRetries() != changed.connectRetries()) {
			return notYet("cluster connect_retries", String.valueOf(old.connectRetries()),
					String.valueOf(changed.connectRetries()));
		}
		if (!Objects.equals(old.username(), changed.username()) || !Objects.equals(old.password(), changed.password())
				|| !old.authTimeout().equals(changed.authTimeout())) {
			return notYet("cluster authorization");
		}
		if (!sameRouteTls(old.tls(), changed.tls())) {
			return notYet("cluster tls");
		}
		return null;
	}

	// nats-server compares the routes sorted, so that a new order is no change
	private static void refuseRoutesChange(BrokerCluster old, BrokerCluster changed) {
		List<String> was = sortedRoutes(old);
		List<String> is = sortedRoutes(changed);
		if (!was.equals(is)) {
			throw new NatsBrokerException(notYet("cluster routes"));
		}
	}

	private static List<String> sortedRoutes(BrokerCluster cluster) {
		return (cluster != null) ? cluster.routes().stream().map(URI::toString).sorted().toList() : List.of();
	}

	private static boolean sameRouteTls(BrokerTls old, BrokerTls changed) {
		if (old == null || changed == null) {
			return old == changed;
		}
		return sameTlsConfig(old, changed) && old.handshakeTimeout().equals(changed.handshakeTimeout())
				&& old.mapClientCertificates() == changed.mapClientCertificates()
				&& Objects.equals(old.pinnedCertificates(), changed.pinnedCertificates());
	}

	private static String notYet(String option, String old, String changed) {
		return notYet(option) + ": old=" + old + ", new=" + changed;
	}

	// without values, for settings that hold secrets
	private static String notYet(String option) {
		return "config reload of " + option + " not supported by this broker yet";
	}

	// nats-server's options with monitoring off: no host, port 0, no base path
	private static void refuseMonitoringChange(BrokerMonitoring old, BrokerMonitoring changed) {
		refuseChange("HTTPHost", (old != null) ? old.host() : "", (changed != null) ? changed.host() : "");
		refuseChange("HTTPPort", String.valueOf((old != null) ? old.port() : 0),
				String.valueOf((changed != null) ? changed.port() : 0));
		refuseChange("HTTPBasePath", (old != null) ? old.basePath() : "", (changed != null) ? changed.basePath() : "");
	}

	// nats-server turns JetStream on and off while running, which this broker cannot; other changes it refuses
	private static void refuseJetStreamChange(BrokerJetStream old, BrokerJetStream changed) {
		if ((old == null) != (changed == null)) {
			throw new NatsBrokerException(notYet("jetstream", String.valueOf(old != null), String.valueOf(changed != null)));
		}
		if (old == null) {
			return;
		}
		if (!old.storeDirectory().equals(changed.storeDirectory())) {
			throw new NatsBrokerException("config reload not supported for jetstream storage directory");
		}
		refuseJetStreamLimitChange(old.maxMemoryStore(), changed.maxMemoryStore());
		refuseJetStreamLimitChange(old.maxFileStore(), changed.maxFileStore());
	}

	private static void refuseJetStreamLimitChange(long old, long changed) {
		if (old == changed) {
			return;
		}
		if (old == -1) {
			throw new NatsBrokerException("config reload not supported for jetstream dynamic max memory and store");
		}
		if (changed == -1) {
			throw new NatsBrokerException("config reload not supported for jetstream max memory and max store");
		}
		throw new NatsBrokerException("config reload not supported for jetstream max memory and store");
	}

	private static void refuseChange(String option, String old, String changed) {
		if (!old.equals(changed)) {
			refuse(option, old, changed);
		}
	}

	private static void refuse(String option, String old, String changed) {
		throw new NatsBrokerException("config reload not supported for " + option + ": old=" + old + ", new=" + changed);
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

	// Go's %v of a float64 number of seconds: 2, 2.5
	private static String seconds(Duration duration) {
		return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString();
	}

	/** The notices nats-server logs for these changes, in its order. */
	List<String> notices() {
		return this.notices;
	}

	/** Whether users, nkey users, permissions or the token changed, so that connected clients are checked again. */
	boolean authChanged() {
		return this.authChanged;
	}

	/** Whether the pinned certificates changed, so that connected clients are checked against them. */
	boolean pinnedCertificatesChanged() {
		return this.pinnedCertificatesChanged;
	}

	/** Whether TLS changed, so that new clients get a new TLS context. */
	boolean tlsChanged() {
		return this.tlsChanged;
	}
}
