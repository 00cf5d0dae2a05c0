package io.github.natsspring.broker.monitor;

import java.util.concurrent.CompletableFuture;

/**
 * {@code /healthz}: {@code {"status":"ok"}} while the broker accepts clients; the JetStream options are read and
 * checked, and have nothing to check until the broker has JetStream.
 */
final class HealthzEndpoint implements MonitorEndpoint {

	static final String PATH = "/healthz";

	private final RequestCounts counts;

	HealthzEndpoint(RequestCounts counts) {
		this.counts = counts;
	}

	@Override
	public CompletableFuture<MonitorResponse> handle(QueryParameters query) {
		this.counts.count(PATH);
		// nothing to check without JetStream, but bad values are refused as nats-server refuses them
		query.bool("js-enabled");
		query.bool("js-enabled-only");
		query.bool("js-server-only");
		GoJsonWriter json = GoJsonWriter.compact().beginObject().field("status", "ok").endObject();
		return CompletableFuture.completedFuture(MonitorResponse.json(json));
	}
}
