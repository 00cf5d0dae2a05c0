package io.github.natsspring.broker.jetstream;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.jetstream.api.ApiError;
import io.github.natsspring.broker.jetstream.api.ApiException;
import io.github.natsspring.broker.jetstream.api.ApiRequest;
import io.github.natsspring.broker.jetstream.api.ApiRouter;
import io.github.natsspring.broker.jetstream.api.GoTimes;
import io.github.natsspring.broker.jetstream.api.JsonObject;
import io.github.natsspring.broker.jetstream.api.JsonWriter;
import io.github.natsspring.broker.jetstream.store.PurgeRequest;
import io.github.natsspring.broker.jetstream.store.StoredMessage;
import io.github.natsspring.broker.jetstream.store.StreamState;
import io.github.natsspring.broker.subject.Subjects;

/**
 * The stream half of the JetStream API, answered as nats-server 2.9.10 answers a single node: account info,
 * {@code STREAM.CREATE}/{@code UPDATE}/{@code INFO}/{@code NAMES}/{@code LIST}/{@code DELETE}/{@code PURGE},
 * {@code STREAM.MSG.GET}/{@code MSG.DELETE} and {@code DIRECT.GET}.
 */
final class StreamApi {

	/** How many names one {@code STREAM.NAMES} response holds. */
	static final int NAMES_LIMIT = 1024;

	/** How many streams one {@code STREAM.LIST} response holds. */
	static final int LIST_LIMIT = 256;

	private final JetStreamService jetStream;

	StreamApi(JetStreamService jetStream) {
		this.jetStream = jetStream;
	}

	void registerWith(ApiRouter router) {
		router.register("INFO", "account_info_response", this::accountInfo);
		router.register("STREAM.CREATE", "stream_create_response", this::create);
		router.register("STREAM.UPDATE", "stream_update_response", this::update);
		router.register("STREAM.INFO", "stream_info_response", this::info);
		router.register("STREAM.NAMES", "stream_names_response", this::names);
		router.register("STREAM.LIST", "stream_list_response", this::list);
		router.register("STREAM.DELETE", "stream_delete_response", this::delete);
		router.register("STREAM.PURGE", "stream_purge_response", this::purge);
		router.register("STREAM.MSG.GET", "stream_msg_get_response", this::messageGet);
		router.register("STREAM.MSG.DELETE", "stream_msg_delete_response", this::messageDelete);
		router.register("DIRECT.GET", "stream_msg_get_response", this::directGet);
	}

	// ---- account ------------------------------------------------------------------------------------------------

	private void accountInfo(ApiRequest request) {
		JetStreamUsage usage = this.jetStream.usage();
		BrokerJetStream options = this.jetStream.options();
		JsonWriter json = request.response()
			.field("memory", usage.memory())
			.field("storage", usage.storage())
			.field("streams", usage.streams())
			.field("consumers", usage.consumers())
			.name("limits")
			.beginObject()
			.field("max_memory", options.maxMemoryStore())
			.field("max_storage", options.maxFileStore())
			.field("max_streams", -1)
			.field("max_consumers", -1)
			.field("max_ack_pending", -1)
			.field("memory_max_stream_bytes", -1)
			.field("storage_max_stream_bytes", -1)
			.field("max_bytes_required", false)
			.endObject()
			.name("api")
			.beginObject()
			.field("total", this.jetStream.dispatcher().counters().total())
			.field("errors", this.jetStream.dispatcher().counters().errors())
			.endObject();
		request.respond(json);
	}

	// ---- stream create, update, delete ----------------------------------------------------------------------

	private void create(ApiRequest request) {
		StreamConfig requested = readConfig(request);
		if (requested.sealed()) {
			throw invalidConfig("stream configuration for create can not be sealed");
		}
		if (requested.mirrorDirect()) {
			throw invalidConfig("stream has no mirror but does have mirror direct");
		}
		StreamConfig config = requested.withDefaults();
		Stream existing = this.jetStream.stream(config.name());
		if (existing != null) {
			if (!existing.config().equals(config)) {
				throw new ApiException(ApiError.STREAM_NAME_EXIST);
			}
			respondInfo(request, existing, true);
			return;
		}
		checkOverlap(config, null);
		checkResources(config, null);
		Stream created = this.jetStream.createStream(config);
		respondInfo(request, created, true);
	}

	private void update(ApiRequest request) {
		StreamConfig requested = readConfig(request);
		Stream stream = existing(requested.name());
		StreamConfig config = requested.withDefaults();
		StreamConfig old = stream.config();
		if (config.maxConsumers() != old.maxConsumers()) {
			throw invalidConfig("stream configuration update can not change MaxConsumers");
		}
		if (config.storage() != old.storage()) {
			throw invalidConfig("stream configuration update can not change storage type");
		}
		if (config.retention() != old.retention()) {
			throw invalidConfig("stream configuration update can not change retention policy");
		}
		if (!config.sealed() && old.sealed()) {
			throw invalidConfig("stream configuration update can not unseal a sealed stream");
		}
		if (!config.denyDelete() && old.denyDelete()) {
			throw invalidConfig("stream configuration update can not cancel deny message deletes");
		}
		if (!config.denyPurge() && old.denyPurge()) {
			throw invalidConfig("stream configuration update can not cancel deny purge");
		}
		if (config.replicas() != old.replicas()) {
			throw new ApiException(ApiError.STREAM_REPLICAS_NOT_SUPPORTED);
		}
		checkOverlap(config, stream);
		checkResources(config, stream);
		this.jetStream.updateStream(stream, config);
		respondInfo(request, stream, false);
	}

	private StreamConfig readConfig(ApiRequest request) {
		if (request.hasEmptyBody()) {
			throw new ApiException(ApiError.INVALID_JSON);
		}
		StreamConfig requested = StreamConfig.read(request.body());
		String name = request.argument(0);
		if (!requested.name().equals(name) || request.arguments().size() != 1) {
			throw new ApiException(ApiError.STREAM_MISMATCH);
		}
		if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
			throw new ApiException(ApiError.STREAM_NAME_CONTAINS_PATH_SEPARATORS);
		}
		return requested;
	}

	private void checkOverlap(StreamConfig config, Stream self) {
		for (Stream other : this.jetStream.streams()) {
			if (other == self) {
				continue;
			}
			for (String subject : config.subjects()) {
				for (String taken : other.config().subjects()) {
					if (Subjects.collide(subject, taken)) {
						throw new ApiException(ApiError.STREAM_SUBJECT_OVERLAP);
					}
				}
			}
		}
	}

	// nats-server reserves max_bytes against the account's limit of the storage type
	private void checkResources(StreamConfig config, Stream self) {
		BrokerJetStream options = this.jetStream.options();
		long limit = (config.storage() == StorageType.MEMORY) ? options.maxMemoryStore() : options.maxFileStore();
		if (limit < 0 || config.maxBytes() <= 0) {
			return;
		}
		long reserved = config.maxBytes();
		for (Stream other : this.jetStream.streams()) {
			if (other != self && other.config().storage() == config.storage() && other.config().maxBytes() > 0) {
				reserved += other.config().maxBytes();
			}
		}
		if (reserved > limit) {
			throw new ApiException((config.storage() == StorageType.MEMORY) ? ApiError.MEMORY_RESOURCES_EXCEEDED
					: ApiError.STORAGE_RESOURCES_EXCEEDED);
		}
	}

	private void delete(ApiRequest request) {
		Stream stream = existing(request.argument(0));
		this.jetStream.deleteStream(stream);
		request.respond(request.response().field("success", true));
	}

	// ---- stream info, names, list --------------------------------------------------------------------------

	private void info(ApiRequest request) {
		String filter = null;
		if (!request.hasEmptyBody()) {
			JsonObject body = request.body();
			filter = body.string("subjects_filter", null);
		}
		Stream stream = this.jetStream.stream(request.argument(0));
		if (stream == null) {
			request.respondError(ApiError.STREAM_NOT_FOUND, StreamApi::zeroPage);
			return;
		}
		JsonWriter json = request.response();
		Map<String, Long> subjects = null;
		if (filter != null && !filter.isEmpty()) {
			subjects = stream.store().subjectCounts(filter);
			json.field("total", subjects.size()).field("offset", 0).field("limit", 100_000);
		}
		else {
			zeroPage(json);
		}
		writeInfoFields(json, stream, subjects);
		request.respond(json);
	}

	private static void zeroPage(JsonWriter json) {
		json.field("total", 0).field("offset", 0).field("limit", 0);
	}

	private void names(ApiRequest request) {
		JsonObject body = request.body();
		int offset = (int) Math.max(0, body.longValue("offset", 0));
		String filter = body.string("subject", null);
		List<String> names = new ArrayList<>();
		for (Stream stream : sortedStreams()) {
			if (filter == null || filter.isEmpty() || matchesAny(filter, stream.config().subjects())) {
				names.add(stream.name());
			}
		}
		int total = names.size();
		offset = Math.min(offset, total);
		List<String> page = names.subList(offset, Math.min(total, offset + NAMES_LIMIT));
		JsonWriter json = request.response().field("total", total).field("offset", offset).field("limit", NAMES_LIMIT);
		if (page.isEmpty()) {
			json.name("streams").rawValue("null");
		}
		else {
			json.field("streams", page);
		}
		request.respond(json);
	}

	private static boolean matchesAny(String filter, List<String> subjects) {
		for (String subject : subjects) {
			if (Subjects.collide(filter, subject)) {
				return true;
			}
		}
		return false;
	}

	private void list(ApiRequest request) {
		JsonObject body = request.body();
		int offset = (int) Math.max(0, body.longValue("offset", 0));
		List<Stream> streams = sortedStreams();
		int total = streams.size();
		offset = Math.min(offset, total);
		List<Stream> page = streams.subList(offset, Math.min(total, offset + LIST_LIMIT));
		JsonWriter json = request.response().field("total", total).field("offset", offset).field("limit", LIST_LIMIT);
		json.name("streams").beginArray();
		for (Stream stream : page) {
			json.beginObject();
			writeInfoFields(json, stream, null);
			json.endObject();
		}
		json.endArray();
		request.respond(json);
	}

	private List<Stream> sortedStreams() {
		List<Stream> streams = new ArrayList<>(this.jetStream.streams());
		streams.sort(Comparator.comparing(Stream::name));
		return streams;
	}

	private void respondInfo(ApiRequest request, Stream stream, boolean didCreate) {
		JsonWriter json = request.response();
		writeInfoFields(json, stream, null);
		if (didCreate) {
			json.field("did_create", true);
		}
		request.respond(json);
	}

	/** The fields of a stream info: {@code config}, {@code created} and {@code state}. */
	static void writeInfoFields(JsonWriter json, Stream stream, Map<String, Long> subjects) {
		json.name("config");
		stream.config().writeTo(json);
		json.field("created", GoTimes.format(stream.created()));
		json.name("state");
		writeState(json, stream.store().state(), subjects, stream.consumers().count());
	}

	static void writeState(JsonWriter json, StreamState state, Map<String, Long> subjects, int consumers) {
		json.beginObject()
			.field("messages", state.messages())
			.field("bytes", state.bytes())
			.field("first_seq", state.firstSequence())
			.field("first_ts", GoTimes.format(state.firstTimestamp()))
			.field("last_seq", state.lastSequence())
			.field("last_ts", GoTimes.format(state.lastTimestamp()));
		if (state.numSubjects() > 0) {
			json.field("num_subjects", state.numSubjects());
		}
		if (subjects != null && !subjects.isEmpty()) {
			json.name("subjects").beginObject();
			subjects.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((entry) -> json.field(entry.getKey(), entry.getValue()));
			json.endObject();
		}
		if (state.numDeleted() > 0) {
			json.field("num_deleted", state.numDeleted());
		}
		json.field("consumer_count", consumers).endObject();
	}

	// ---- purge, message get and delete ------------------------------------------------------------------------

	private void purge(ApiRequest request) {
		PurgeRequest purge = PurgeRequest.all();
		if (!isEmptyRequest(request)) {
			JsonObject body = request.body();
			long sequence = body.unsignedValue("seq", 0);
			long keep = body.unsignedValue("keep", 0);
			if (sequence > 0 && keep > 0) {
				throw new ApiException(ApiError.BAD_REQUEST);
			}
			purge = new PurgeRequest(body.string("filter", null), sequence, keep);
		}
		Stream stream = existing(request.argument(0));
		if (stream.config().sealed()) {
			throw new ApiException(ApiError.STREAM_SEALED);
		}
		if (stream.config().denyPurge()) {
			throw new ApiException(ApiError.STREAM_PURGE_FAILED.with("err", "stream purge not permitted"));
		}
		PurgeRequest selected = purge;
		request.executeOn(stream.executor(), () -> {
			long purged = stream.store().purge(selected);
			request.respond(request.response().field("success", true).field("purged", purged));
		});
	}

	private void messageDelete(ApiRequest request) {
		if (isEmptyRequest(request)) {
			throw new ApiException(ApiError.BAD_REQUEST);
		}
		JsonObject body = request.body();
		long sequence = body.unsignedValue("seq", 0);
		boolean noErase = body.bool("no_erase", false);
		Stream stream = existing(request.argument(0));
		if (stream.config().sealed()) {
			throw new ApiException(ApiError.STREAM_SEALED);
		}
		if (stream.config().denyDelete()) {
			throw new ApiException(ApiError.STREAM_MSG_DELETE_FAILED.with("err", "message delete not permitted"));
		}
		request.executeOn(stream.executor(), () -> {
			if (sequence > stream.store().state().lastSequence()) {
				throw new ApiException(ApiError.STREAM_MSG_DELETE_FAILED.with("err", "stream store EOF"));
			}
			if (!stream.store().remove(sequence, !noErase)) {
				throw new ApiException(ApiError.SEQUENCE_NOT_FOUND.with("seq", sequence));
			}
			request.respond(request.response().field("success", true));
		});
	}

	private void messageGet(ApiRequest request) {
		if (isEmptyRequest(request)) {
			throw new ApiException(ApiError.BAD_REQUEST);
		}
		JsonObject body = request.body();
		long sequence = body.unsignedValue("seq", 0);
		String lastFor = body.string("last_by_subj", "");
		String nextFor = body.string("next_by_subj", "");
		if ((sequence > 0 && !lastFor.isEmpty()) || (sequence == 0 && lastFor.isEmpty() && nextFor.isEmpty())
				|| (!lastFor.isEmpty() && !nextFor.isEmpty())) {
			throw new ApiException(ApiError.BAD_REQUEST);
		}
		Stream stream = existing(request.argument(0));
		StoredMessage message = load(stream, sequence, lastFor, nextFor);
		if (message == null) {
			throw new ApiException(ApiError.NO_MESSAGE_FOUND);
		}
		JsonWriter json = request.response().name("message").beginObject().field("subject", message.subject())
			.field("seq", message.sequence());
		if (message.headers() != null && message.headers().length > 0) {
			json.field("hdrs", Base64.getEncoder().encodeToString(message.headers()));
		}
		if (message.payload().length > 0) {
			json.field("data", Base64.getEncoder().encodeToString(message.payload()));
		}
		json.field("time", GoTimes.format(message.timestamp())).endObject();
		request.respond(json);
	}

	private static StoredMessage load(Stream stream, long sequence, String lastFor, String nextFor) {
		if (sequence > 0 && nextFor.isEmpty()) {
			return stream.store().load(sequence);
		}
		if (!nextFor.isEmpty()) {
			return stream.store().loadNext(nextFor, sequence);
		}
		return stream.store().loadLast(lastFor);
	}

	// DIRECT.GET.<stream> with a JSON body, DIRECT.GET.<stream>.<subject> with none; headers-only answers
	private void directGet(ApiRequest request) {
		Stream stream = this.jetStream.stream(request.argument(0));
		String reply = request.replyTo();
		if (stream == null || !stream.config().allowDirect() || reply == null) {
			return;
		}
		String subject = request.argumentsFrom(1);
		StoredMessage message;
		if (subject != null) {
			if (!request.hasEmptyBody()) {
				directStatus(reply, "408 Bad Request");
				return;
			}
			message = stream.store().loadLast(subject);
		}
		else {
			if (request.hasEmptyBody()) {
				directStatus(reply, "408 Empty Request");
				return;
			}
			JsonObject body;
			try {
				body = request.body();
			}
			catch (ApiException ex) {
				directStatus(reply, "408 Malformed Request");
				return;
			}
			long sequence = body.unsignedValue("seq", 0);
			String lastFor = body.string("last_by_subj", "");
			String nextFor = body.string("next_by_subj", "");
			if (sequence == 0 && lastFor.isEmpty() && nextFor.isEmpty()) {
				directStatus(reply, "408 Empty Request");
				return;
			}
			if ((sequence > 0 && !lastFor.isEmpty()) || (!lastFor.isEmpty() && !nextFor.isEmpty())) {
				directStatus(reply, "408 Bad Request");
				return;
			}
			message = load(stream, sequence, lastFor, nextFor);
		}
		if (message == null) {
			directStatus(reply, "404 Message Not Found");
			return;
		}
		byte[] headers = HeaderBlock.append(message.headers(), "Nats-Stream", stream.name(), "Nats-Subject",
				message.subject(), "Nats-Sequence", Long.toString(message.sequence()), "Nats-Time-Stamp",
				GoTimes.format(message.timestamp()));
		this.jetStream.client().publish(reply, null, headers, message.payload());
	}

	private void directStatus(String reply, String status) {
		this.jetStream.client().publish(reply, null, HeaderBlock.of(status), new byte[0]);
	}

	// ---- helpers --------------------------------------------------------------------------------------------

	// nats-server's isEmptyRequest: no bytes, or an empty JSON object
	private static boolean isEmptyRequest(ApiRequest request) {
		return request.hasEmptyBody() || request.body().isEmpty();
	}

	private Stream existing(String name) {
		Stream stream = (name != null) ? this.jetStream.stream(name) : null;
		if (stream == null) {
			throw new ApiException(ApiError.STREAM_NOT_FOUND);
		}
		return stream;
	}

	private static ApiException invalidConfig(String description) {
		return new ApiException(ApiError.STREAM_INVALID_CONFIG.withDescription(description));
	}
}
