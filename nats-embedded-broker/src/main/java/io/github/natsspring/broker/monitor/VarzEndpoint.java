package io.github.natsspring.broker.monitor;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerLimits;
import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.BrokerStatistics;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.JetStreamStatistics;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;

/**
 * {@code /varz}: the server's options and figures in nats-server 2.9.10's fields, units (nanoseconds for
 * {@code ping_interval} and {@code write_deadline}, seconds for the timeouts) and order. {@code go} names the Java
 * runtime instead; {@code cluster}, {@code gateway}, {@code leaf}, {@code mqtt}, {@code websocket} and
 * {@code jetstream} (unless JetStream runs) are empty as in a nats-server that has none of them.
 */
final class VarzEndpoint implements MonitorEndpoint {

	static final String PATH = "/varz";

	private final MonitoredServer server;

	private final RequestCounts counts;

	VarzEndpoint(MonitoredServer server, RequestCounts counts) {
		this.server = server;
		this.counts = counts;
	}

	@Override
	public CompletableFuture<MonitorResponse> handle(QueryParameters query) {
		this.counts.count(PATH);
		return CompletableFuture.completedFuture(MonitorResponse.json(varz()));
	}

	// nats-server: the config and stats of JetStream when it runs, an empty object otherwise
	private static void jetStream(GoJsonWriter json, JetStreamStatistics jetStream) {
		if (jetStream == null) {
			json.emptyObject("jetstream");
			return;
		}
		json.name("jetstream").beginObject().name("config");
		JszEndpoint.config(json, jetStream);
		json.name("stats").beginObject();
		JszEndpoint.usage(json, jetStream);
		json.endObject().endObject();
	}

	private GoJsonWriter varz() {
		NatsBrokerOptions options = this.server.options();
		BrokerLimits limits = options.limits();
		BrokerTls tls = options.tls();
		BrokerMonitoring monitoring = options.monitoring();
		BrokerStatistics statistics = this.server.statistics();
		Instant now = Instant.now();
		int cores = Runtime.getRuntime().availableProcessors();
		GoJsonWriter json = GoJsonWriter.indented()
			.beginObject()
			.field("server_id", this.server.serverId())
			.field("server_name", this.server.serverName())
			.field("version", NatsBroker.PROTOCOL_COMPATIBLE_VERSION)
			.field("proto", 1)
			.field("go", "java" + Runtime.version())
			.field("host", options.host())
			.field("port", this.server.port())
			.fieldOmitEmpty("auth_required", options.auth().isRequired())
			.fieldOmitEmpty("tls_required", tls != null)
			.fieldOmitEmpty("tls_verify", tls != null && tls.verifyClients())
			.field("max_connections", limits.maxConnections())
			.fieldOmitEmpty("max_subscriptions", limits.maxSubscriptions())
			.field("ping_interval", limits.pingInterval().toNanos())
			.field("ping_max", limits.maxPingsOut())
			.field("http_host", (monitoring != null) ? monitoring.host() : "")
			.field("http_port", this.server.monitoringPort())
			.field("http_base_path", (monitoring != null) ? monitoring.basePath() : "")
			.field("https_port", 0)
			.field("auth_timeout", seconds(limits.authTimeout()))
			.field("max_control_line", limits.maxControlLine())
			.field("max_payload", limits.maxPayload())
			.field("max_pending", limits.maxPending())
			.name("cluster");
		cluster(json, options.cluster());
		json.emptyObject("gateway")
			.emptyObject("leaf")
			.emptyObject("mqtt")
			.emptyObject("websocket");
		jetStream(json, this.server.jetStream());
		json
			.field("tls_timeout", seconds((tls != null) ? tls.handshakeTimeout() : BrokerTls.DEFAULT_HANDSHAKE_TIMEOUT))
			.field("write_deadline", limits.writeDeadline().toNanos())
			.field("start", GoTime.format(this.server.startTime()))
			.field("now", GoTime.format(now))
			.field("uptime", GoTime.uptime(Duration.between(this.server.startTime(), now)))
			.field("mem", ProcessUsage.residentBytes())
			.field("cores", cores)
			.field("gomaxprocs", cores)
			.field("cpu", ProcessUsage.cpuPercent())
			.field("connections", statistics.connections())
			.field("total_connections", statistics.totalConnections())
			.field("routes", this.server.routeCount())
			.field("remotes", this.server.routeCount())
			.field("leafnodes", 0)
			.field("in_msgs", statistics.inMessages())
			.field("out_msgs", statistics.outMessages())
			.field("in_bytes", statistics.inBytes())
			.field("out_bytes", statistics.outBytes())
			.field("slow_consumers", statistics.slowConsumers())
			.field("subscriptions", statistics.subscriptions())
			.name("http_req_stats")
			.beginObject();
		for (Map.Entry<String, Long> entry : this.counts.snapshot().entrySet()) {
			json.field(entry.getKey(), entry.getValue());
		}
		return json.endObject().field("config_load_time", GoTime.format(this.server.configLoadTime())).endObject();
	}

	private void cluster(GoJsonWriter json, BrokerCluster cluster) {
		json.beginObject();
		if (cluster != null) {
			json.fieldOmitEmpty("name", this.server.clusterName())
				.fieldOmitEmpty("addr", cluster.host())
				.fieldOmitEmpty("cluster_port", this.server.clusterPort())
				.field("auth_timeout", seconds(cluster.authTimeout()));
			if (!cluster.routes().isEmpty()) {
				json.name("urls").beginArray();
				for (URI route : cluster.routes()) {
					json.value(route.getHost() + ":" + route.getPort());
				}
				json.endArray();
			}
			BrokerTls tls = cluster.tls();
			json.field("tls_timeout",
					seconds((tls != null) ? tls.handshakeTimeout() : BrokerTls.DEFAULT_HANDSHAKE_TIMEOUT))
				.fieldOmitEmpty("tls_required", tls != null)
				.fieldOmitEmpty("tls_verify", tls != null && tls.verifyClients());
		}
		json.endObject();
	}

	// Go's float64 seconds: 2, 0.5
	private static double seconds(Duration duration) {
		return BigDecimal.valueOf(duration.toNanos(), 9).doubleValue();
	}
}
