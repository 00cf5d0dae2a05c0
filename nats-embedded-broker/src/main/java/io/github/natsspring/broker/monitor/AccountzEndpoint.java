package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.natsspring.broker.subject.TrieStatistics;

/**
 * {@code /accountz}: the accounts' names, or with {@code acc} one account's figures. There is no system account,
 * so {@code system_account} is left out, as nats-server leaves it out with {@code no_system_account}.
 */
final class AccountzEndpoint implements MonitorEndpoint {

	static final String PATH = "/accountz";

	private final MonitoredServer server;

	private final RequestCounts counts;

	AccountzEndpoint(MonitoredServer server, RequestCounts counts) {
		this.server = server;
		this.counts = counts;
	}

	@Override
	public CompletableFuture<MonitorResponse> handle(QueryParameters query) {
		this.counts.count(PATH);
		String account = query.get("acc");
		GoJsonWriter json = GoJsonWriter.indented()
			.beginObject()
			.field("server_id", this.server.serverId())
			.field("now", GoTime.format(Instant.now()));
		if (account.isEmpty()) {
			json.name("accounts").beginArray();
			this.server.accounts().keySet().forEach(json::value);
			json.endArray();
		}
		else {
			TrieStatistics trie = this.server.accounts().get(account);
			if (trie == null) {
				throw new BadQueryException("Account " + account + " does not exist");
			}
			json.name("account_detail")
				.beginObject()
				.field("account_name", account)
				.field("update_time", GoTime.format(this.server.startTime()))
				.field("expired", false)
				.field("complete", true)
				.field("jetstream_enabled", this.server.jetStream() != null)
				.field("leafnode_connections", 0)
				.field("client_connections", this.server.connectionCount(account))
				.field("subscriptions", trie.subscriptions())
				.name("sublist_stats")
				.beginObject();
			SublistStatsJson.writeFields(json, List.of(trie));
			json.endObject().endObject();
		}
		return CompletableFuture.completedFuture(MonitorResponse.json(json.endObject()));
	}
}
