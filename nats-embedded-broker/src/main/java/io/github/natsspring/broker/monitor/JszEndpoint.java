package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** {@code /jsz}: what nats-server answers with JetStream off, its query values checked as nats-server checks them. */
final class JszEndpoint implements MonitorEndpoint {

	static final String PATH = "/jsz";

	private final MonitoredServer server;

	private final RequestCounts counts;

	JszEndpoint(MonitoredServer server, RequestCounts counts) {
		this.server = server;
		this.counts = counts;
	}

	@Override
	public CompletableFuture<MonitorResponse> handle(QueryParameters query) {
		this.counts.count(PATH);
		// nothing to detail without JetStream, but bad values are refused as nats-server refuses them
		query.bool("accounts");
		query.bool("streams");
		query.bool("consumers");
		query.bool("config");
		query.integer("offset");
		query.integer("limit");
		query.bool("leader-only");
		GoJsonWriter json = GoJsonWriter.indented()
			.beginObject()
			.field("server_id", this.server.serverId())
			.field("now", GoTime.format(Instant.now()))
			.field("disabled", true)
			.name("config")
			.beginObject()
			.field("max_memory", 0)
			.field("max_storage", 0)
			.endObject()
			.field("memory", 0)
			.field("storage", 0)
			.field("reserved_memory", 0)
			.field("reserved_storage", 0)
			.field("accounts", 0)
			.field("ha_assets", 0)
			.name("api")
			.beginObject()
			.field("total", 0)
			.field("errors", 0)
			.endObject()
			.field("streams", 0)
			.field("consumers", 0)
			.field("messages", 0)
			.field("bytes", 0)
			.endObject();
		return CompletableFuture.completedFuture(MonitorResponse.json(json));
	}
}
