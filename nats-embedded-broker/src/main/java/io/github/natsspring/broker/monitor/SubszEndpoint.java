package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.natsspring.broker.subject.Subjects;
import io.github.natsspring.broker.subject.TrieStatistics;

/**
 * {@code /subsz} (and its old name {@code /subscriptionsz}): the subscription tries' figures, and with
 * {@code subs=1} the subscriptions themselves, those reaching {@code test} only when given. As in nats-server,
 * {@code total} is the size of the page shown, and an empty list leaves only the figures.
 */
final class SubszEndpoint implements MonitorEndpoint {

	static final String PATH = "/subsz";

	static final String OLD_PATH = "/subscriptionsz";

	private static final int DEFAULT_LIMIT = 1024;

	private final MonitoredServer server;

	private final RequestCounts counts;

	SubszEndpoint(MonitoredServer server, RequestCounts counts) {
		this.server = server;
		this.counts = counts;
	}

	@Override
	public CompletableFuture<MonitorResponse> handle(QueryParameters query) {
		this.counts.count(PATH);
		boolean list = query.bool("subs");
		long offset = Math.max(0, query.integer("offset"));
		long limit = query.integer("limit");
		int pageLimit = (limit <= 0) ? DEFAULT_LIMIT : (int) Math.min(limit, Integer.MAX_VALUE);
		String test = query.get("test");
		String account = query.get("acc");
		if (!test.isEmpty() && !Subjects.isValidPublishSubject(test)) {
			throw new BadQueryException("invalid test subject, must be valid publish subject: " + test);
		}
		Collection<TrieStatistics> tries = this.server.accounts()
			.entrySet()
			.stream()
			.filter((entry) -> account.isEmpty() || entry.getKey().equals(account))
			.map((entry) -> entry.getValue())
			.toList();
		if (!list) {
			return CompletableFuture.completedFuture(MonitorResponse.json(statsOnly(tries)));
		}
		return this.server.openConnections().thenApply((connections) -> {
			List<SubscriptionDetail> matching = new ArrayList<>();
			for (ConnectionInfo connection : connections) {
				for (SubscriptionDetail subscription : connection.subscriptions()) {
					if ((account.isEmpty() || account.equals(subscription.account()))
							&& (test.isEmpty() || Subjects.matches(subscription.subject(), test))) {
						matching.add(subscription);
					}
				}
			}
			matching.sort(Comparator.comparingLong(SubscriptionDetail::cid).thenComparing(SubscriptionDetail::sid));
			int from = (int) Math.min(offset, matching.size());
			int to = (int) Math.min(offset + pageLimit, matching.size());
			List<SubscriptionDetail> page = matching.subList(from, to);
			if (page.isEmpty()) {
				return MonitorResponse.json(statsOnly(tries));
			}
			GoJsonWriter json = GoJsonWriter.indented()
				.beginObject()
				.field("server_id", this.server.serverId())
				.field("now", GoTime.format(Instant.now()));
			SublistStatsJson.writeFields(json, tries);
			json.field("total", page.size()).field("offset", offset).field("limit", pageLimit);
			json.name("subscriptions_list").beginArray();
			page.forEach((subscription) -> subscription.write(json, true));
			return MonitorResponse.json(json.endArray().endObject());
		});
	}

	private static GoJsonWriter statsOnly(Collection<TrieStatistics> tries) {
		GoJsonWriter json = GoJsonWriter.indented().beginObject();
		SublistStatsJson.writeFields(json, tries);
		return json.endObject();
	}
}
