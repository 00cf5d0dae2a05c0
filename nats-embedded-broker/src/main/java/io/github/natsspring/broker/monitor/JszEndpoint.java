package io.github.natsspring.broker.monitor;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import io.github.natsspring.broker.JetStreamStatistics;

/**
 * {@code /jsz}: JetStream's limits and usage in nats-server 2.9.10's fields, with {@code accounts=true} the
 * details of the one account; without JetStream what nats-server answers then. Query values are checked as
 * nats-server checks them.
 */
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
		boolean accounts = query.bool("accounts");
		query.bool("streams");
		query.bool("consumers");
		query.bool("config");
		query.integer("offset");
		query.integer("limit");
		query.bool("leader-only");
		JetStreamStatistics jetStream = this.server.jetStream();
		GoJsonWriter json = GoJsonWriter.indented()
			.beginObject()
			.field("server_id", this.server.serverId())
			.field("now", GoTime.format(Instant.now()));
		if (jetStream == null) {
			disabled(json);
		}
		else {
			json.name("config");
			config(json, jetStream);
			usage(json, jetStream);
			json.field("streams", jetStream.streams())
				.field("consumers", jetStream.consumers())
				.field("messages", jetStream.messages())
				.field("bytes", jetStream.bytes());
			if (accounts) {
				accountDetails(json, jetStream);
			}
		}
		return CompletableFuture.completedFuture(MonitorResponse.json(json.endObject()));
	}

	private static void disabled(GoJsonWriter json) {
		json.field("disabled", true)
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
			.field("bytes", 0);
	}

	/** JetStream's {@code config} object, as {@code /jsz} and {@code /varz} write it. */
	static void config(GoJsonWriter json, JetStreamStatistics jetStream) {
		json.beginObject()
			.field("max_memory", jetStream.maxMemory())
			.field("max_storage", jetStream.maxStorage())
			.field("store_dir", jetStream.storeDirectory().toString())
			.endObject();
	}

	/** The usage fields, from {@code memory} to {@code api}, as {@code /jsz} and {@code /varz} write them. */
	static void usage(GoJsonWriter json, JetStreamStatistics jetStream) {
		json.field("memory", jetStream.memory())
			.field("storage", jetStream.storage())
			.field("reserved_memory", 0)
			.field("reserved_storage", 0)
			.field("accounts", 1)
			.field("ha_assets", 0);
		api(json, jetStream);
	}

	private static void api(GoJsonWriter json, JetStreamStatistics jetStream) {
		json.name("api")
			.beginObject()
			.field("total", jetStream.apiRequests())
			.field("errors", jetStream.apiErrors())
			.endObject();
	}

	// nats-server reports the account's unset reservations as uint64's maximum (a -1 shown unsigned)
	private static void accountDetails(GoJsonWriter json, JetStreamStatistics jetStream) {
		json.name("account_details")
			.beginArray()
			.beginObject()
			.field("name", "$G")
			.field("id", "$G")
			.field("memory", jetStream.memory())
			.field("storage", jetStream.storage())
			.name("reserved_memory")
			.unsignedValue(-1)
			.name("reserved_storage")
			.unsignedValue(-1)
			.field("accounts", 0)
			.field("ha_assets", 0);
		api(json, jetStream);
		json.endObject().endArray();
	}
}
