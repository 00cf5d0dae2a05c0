package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /connz}: open and recently closed connections, sorted and paged as nats-server 2.9.10 does; with
 * {@code cid}, the total still counts every connection of the state asked for, as in nats-server.
 */
final class ConnzEndpoint implements MonitorEndpoint {

	static final String PATH = "/connz";

	private final MonitoredServer server;

	private final RequestCounts counts;

	ConnzEndpoint(MonitoredServer server, RequestCounts counts) {
		this.server = server;
		this.counts = counts;
	}

	@Override
	public CompletableFuture<MonitorResponse> handle(QueryParameters parameters) {
		ConnzQuery query = ConnzQuery.parse(parameters);
		this.counts.count(PATH);
		CompletableFuture<List<ConnectionInfo>> open = query.state().includesOpen() ? this.server.openConnections()
				: CompletableFuture.completedFuture(List.of());
		return open.thenApply((openConnections) -> MonitorResponse.json(connz(query, openConnections)));
	}

	private GoJsonWriter connz(ConnzQuery query, List<ConnectionInfo> open) {
		Instant now = Instant.now();
		List<ConnectionInfo> closed = query.state().includesClosed() ? this.server.closedConnections() : List.of();
		int total = open.size() + closed.size();
		List<ConnectionInfo> selected = new ArrayList<>();
		if (query.cid() != 0) {
			// nats-server looks among the closed ones only when closed connections are asked for
			List<ConnectionInfo> candidates = query.state().includesClosed() ? closed : open;
			candidates.stream().filter((info) -> info.cid() == query.cid()).findFirst().ifPresent(selected::add);
		}
		else {
			selected.addAll(open);
			selected.addAll(closed);
		}
		selected.sort(query.sort().comparator(now));
		int from = Math.min(query.offset(), selected.size());
		int to = (int) Math.min((long) query.offset() + query.limit(), selected.size());
		List<ConnectionInfo> page = selected.subList(from, to);
		GoJsonWriter json = GoJsonWriter.indented()
			.beginObject()
			.field("server_id", this.server.serverId())
			.field("now", GoTime.format(now))
			.field("num_connections", page.size())
			.field("total", total)
			.field("offset", query.offset())
			.field("limit", query.limit())
			.name("connections")
			.beginArray();
		for (ConnectionInfo info : page) {
			info.write(json, now, query);
		}
		return json.endArray().endObject();
	}
}
