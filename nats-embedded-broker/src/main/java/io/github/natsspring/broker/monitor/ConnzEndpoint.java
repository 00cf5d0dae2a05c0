package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code /connz}: open and recently closed connections, sorted and paged as nats-server 2.9.10 does, with its
 * totals: with {@code cid} or {@code user}, {@code total} still counts every connection of the state (and account)
 * asked for; an unknown {@code acc} answers an empty list without the server id.
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

	private GoJsonWriter connz(ConnzQuery query, List<ConnectionInfo> all) {
		Instant now = Instant.now();
		if (!query.account().isEmpty() && !this.server.accounts().containsKey(query.account())) {
			return page(query, "", now, 0, null);
		}
		List<ConnectionInfo> open = inAccount(all, query.account(), ConnectionInfo::account);
		List<ConnectionInfo> closed = inAccount(
				query.state().includesClosed() ? this.server.closedConnections() : List.of(), query.account(),
				ConnzEndpoint::closedAccount);
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
		if (!query.user().isEmpty()) {
			selected.removeIf((info) -> !query.user().equals(info.user()));
		}
		selected.sort(query.sort().comparator(now));
		int from = Math.min(query.offset(), selected.size());
		int to = (int) Math.min((long) query.offset() + query.limit(), selected.size());
		return page(query, this.server.serverId(), now, total, selected.subList(from, to));
	}

	private static List<ConnectionInfo> inAccount(List<ConnectionInfo> connections, String account,
			Function<ConnectionInfo, String> accountOf) {
		if (account.isEmpty()) {
			return connections;
		}
		return connections.stream().filter((info) -> account.equals(accountOf.apply(info))).toList();
	}

	// nats-server records a closed connection's account only when it is not the global one, so acc=$G never
	// finds closed connections
	private static String closedAccount(ConnectionInfo info) {
		return "$G".equals(info.account()) ? "" : info.account();
	}

	/** The answer; a {@code null} page is written as Go writes a nil list. */
	private static GoJsonWriter page(ConnzQuery query, String serverId, Instant now, int total,
			List<ConnectionInfo> page) {
		GoJsonWriter json = GoJsonWriter.indented()
			.beginObject()
			.field("server_id", serverId)
			.field("now", GoTime.format(now))
			.field("num_connections", (page != null) ? page.size() : 0)
			.field("total", total)
			.field("offset", query.offset())
			.field("limit", query.limit())
			.name("connections");
		if (page == null) {
			return json.nullValue().endObject();
		}
		json.beginArray();
		for (ConnectionInfo info : page) {
			info.write(json, now, query);
		}
		return json.endArray().endObject();
	}
}
