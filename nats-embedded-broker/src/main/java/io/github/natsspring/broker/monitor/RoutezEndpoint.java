package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** {@code /routez}: the cluster routes, none until the broker clusters. */
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
		// routes have no subscriptions to list yet, but a bad value is refused as nats-server refuses it
		if (!query.get("subs").equalsIgnoreCase("detail")) {
			query.bool("subs");
		}
		this.counts.count(PATH);
		GoJsonWriter json = GoJsonWriter.indented()
			.beginObject()
			.field("server_id", this.server.serverId())
			.field("now", GoTime.format(Instant.now()))
			.field("num_routes", 0)
			.name("routes")
			.beginArray()
			.endArray()
			.endObject();
		return CompletableFuture.completedFuture(MonitorResponse.json(json));
	}
}
