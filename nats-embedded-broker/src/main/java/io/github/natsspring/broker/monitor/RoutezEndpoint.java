package io.github.natsspring.broker.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.natsspring.broker.protocol.GoDuration;

/** {@code /routez}: the cluster's routes, with their subjects when asked ({@code subs=1}). */
final class RoutezEndpoint implements MonitorEndpoint {

	static final String PATH = "/routez";

	private final MonitoredServer server;

	private final RequestCounts counts;

	RoutezEndpoint(MonitoredServer server, RequestCounts counts) {
		this.server = server;
		this.counts = counts;
	}

	@Override
	public CompletableFuture<MonitorResponse> handle(QueryParameters query) {
		boolean subjects = query.get("subs").equalsIgnoreCase("detail") || query.bool("subs");
		this.counts.count(PATH);
		return this.server.routes().thenApply((routes) -> MonitorResponse.json(routez(routes, subjects)));
	}

	private GoJsonWriter routez(List<RouteSnapshot> routes, boolean subjects) {
		Instant now = Instant.now();
		GoJsonWriter json = GoJsonWriter.indented()
			.beginObject()
			.field("server_id", this.server.serverId())
			.field("now", GoTime.format(now))
			.field("num_routes", routes.size())
			.name("routes")
			.beginArray();
		for (RouteSnapshot route : routes) {
			json.beginObject()
				.field("rid", route.rid())
				.field("remote_id", route.remoteId())
				.field("did_solicit", route.didSolicit())
				.field("is_configured", route.isConfigured())
				.field("ip", route.ip())
				.field("port", route.port())
				.field("start", GoTime.format(route.start()))
				.field("last_activity", GoTime.format(route.lastActivity()))
				.field("rtt", GoDuration.format((route.rtt() != null) ? route.rtt() : Duration.ZERO))
				.field("uptime", GoTime.uptime(Duration.between(route.start(), now)))
				.field("idle", GoTime.uptime(Duration.between(route.lastActivity(), now)))
				.field("pending_size", route.pendingBytes())
				.field("in_msgs", route.inMessages())
				.field("out_msgs", route.outMessages())
				.field("in_bytes", route.inBytes())
				.field("out_bytes", route.outBytes())
				.field("subscriptions", route.subjects().size());
			if (subjects && !route.subjects().isEmpty()) {
				json.name("subscriptions_list").beginArray();
				for (String subject : route.subjects()) {
					json.value(subject);
				}
				json.endArray();
			}
			json.endObject();
		}
		return json.endArray().endObject();
	}
}
