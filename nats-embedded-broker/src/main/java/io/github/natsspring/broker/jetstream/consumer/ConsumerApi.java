package io.github.natsspring.broker.jetstream.consumer;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.github.natsspring.broker.jetstream.JetStreamContext;
import io.github.natsspring.broker.jetstream.Stream;
import io.github.natsspring.broker.jetstream.api.ApiError;
import io.github.natsspring.broker.jetstream.api.ApiException;
import io.github.natsspring.broker.jetstream.api.ApiRequest;
import io.github.natsspring.broker.jetstream.api.ApiRouter;
import io.github.natsspring.broker.jetstream.api.JsonObject;
import io.github.natsspring.broker.jetstream.api.JsonWriter;

/**
 * The {@code $JS.API.CONSUMER.*} requests, answered as nats-server 2.9.10 answers them: the three create forms,
 * info, names, list, delete, and the pull requests of {@code CONSUMER.MSG.NEXT}. Checks that need only the
 * request run on the API thread; the rest on the stream's executor.
 */
final class ConsumerApi {

	private static final int NAMES_LIMIT = 1024;

	private static final int LIST_LIMIT = 256;

	private final JetStreamContext jetStream;

	ConsumerApi(JetStreamContext jetStream) {
		this.jetStream = jetStream;
	}

	void registerWith(ApiRouter api) {
		api.register("CONSUMER.CREATE", "consumer_create_response", (request) -> create(request, false));
		api.register("CONSUMER.DURABLE.CREATE", "consumer_create_response", (request) -> create(request, true));
		api.register("CONSUMER.INFO", "consumer_info_response", this::info);
		api.register("CONSUMER.NAMES", "consumer_names_response", this::names);
		api.register("CONSUMER.LIST", "consumer_list_response", this::list);
		api.register("CONSUMER.DELETE", "consumer_delete_response", this::delete);
		api.register("CONSUMER.MSG.NEXT", "consumer_getnext_response", this::next);
	}

	/** nats-server's {@code jsConsumerCreateRequest}. */
	private void create(ApiRequest request, boolean legacyDurable) {
		List<String> arguments = request.arguments();
		if (arguments.isEmpty() || (!legacyDurable && arguments.get(0).isEmpty())) {
			return;
		}
		CreateConsumerRequest body = CreateConsumerRequest.parse(request.message().payload());
		String streamName = arguments.get(0);
		String consumerName = null;
		String filter = null;
		if (legacyDurable) {
			if (arguments.size() != 2) {
				throw new ApiException(ApiError.CONSUMER_DURABLE_NAME_NOT_IN_SUBJECT);
			}
			consumerName = arguments.get(1);
		}
		else if (arguments.size() > 1) {
			consumerName = arguments.get(1);
			filter = request.argumentsFrom(2);
		}
		if (!streamName.equals(body.streamName())) {
			throw new ApiException(ApiError.STREAM_MISMATCH);
		}
		if (consumerName != null && (consumerName.contains("/") || consumerName.contains("\\"))) {
			throw new ApiException(ApiError.CONSUMER_NAME_CONTAINS_PATH_SEPARATORS);
		}
		ConsumerConfig config = body.config();
		if (legacyDurable) {
			if (!config.isDurable()) {
				throw new ApiException(ApiError.CONSUMER_DURABLE_NAME_NOT_SET);
			}
			if (!consumerName.equals(config.durableName())) {
				throw new ApiException(ApiError.CONSUMER_DURABLE_NAME_NOT_MATCH_SUBJECT);
			}
		}
		else if (consumerName != null) {
			if (config.isDurable() && !consumerName.equals(config.durableName())) {
				throw new ApiException(ApiError.CONSUMER_DURABLE_NAME_NOT_MATCH_SUBJECT);
			}
			config = config.toBuilder().name(consumerName).build();
		}
		else if (config.isDurable()) {
			throw new ApiException(ApiError.CONSUMER_EPHEMERAL_WITH_DURABLE_NAME);
		}
		if (filter != null && !filter.equals(config.filterSubject())) {
			throw new ApiException(ApiError.CONSUMER_CREATE_FILTER_SUBJECT_MISMATCH);
		}
		if (config.numReplicas() > 1) {
			throw new ApiException(ApiError.STREAM_REPLICAS_NOT_SUPPORTED);
		}
		Stream stream = stream(streamName);
		ConsumerConfig requested = config;
		request.executeOn(stream.executor(), () -> {
			StreamConsumer consumer = consumers(stream).add(requested);
			JsonWriter response = request.response();
			consumer.writeInfo(response);
			request.respond(response);
		});
	}

	private void info(ApiRequest request) {
		if (!request.hasEmptyBody()) {
			throw new ApiException(ApiError.NOT_EMPTY_REQUEST);
		}
		Stream stream = stream(request.argument(0));
		request.executeOn(stream.executor(), () -> {
			StreamConsumer consumer = consumer(stream, request.argument(1));
			JsonWriter response = request.response();
			consumer.writeInfo(response);
			request.respond(response);
		});
	}

	private void names(ApiRequest request) {
		page(request, NAMES_LIMIT, (response, consumer) -> response.value(consumer.name()));
	}

	private void list(ApiRequest request) {
		page(request, LIST_LIMIT, (response, consumer) -> {
			response.beginObject();
			consumer.writeInfo(response);
			response.endObject();
		});
	}

	/** Answers one page of a stream's consumers, each written into the {@code consumers} array. */
	private void page(ApiRequest request, int limit, BiConsumer<JsonWriter, StreamConsumer> entry) {
		Paged paged = paged(request, (response) -> response.name("consumers").beginArray().endArray());
		if (paged == null) {
			return;
		}
		request.executeOn(paged.stream.executor(), () -> {
			List<StreamConsumer> all = consumers(paged.stream).consumers();
			int offset = Math.min(paged.offset, all.size());
			JsonWriter response = request.response()
				.field("total", all.size())
				.field("offset", offset)
				.field("limit", limit);
			response.name("consumers").beginArray();
			for (StreamConsumer consumer : all.subList(offset, Math.min(all.size(), offset + limit))) {
				entry.accept(response, consumer);
			}
			response.endArray();
			request.respond(response);
		});
	}

	private void delete(ApiRequest request) {
		if (!request.hasEmptyBody()) {
			throw new ApiException(ApiError.NOT_EMPTY_REQUEST);
		}
		Stream stream = stream(request.argument(0));
		request.executeOn(stream.executor(), () -> {
			if (!consumers(stream).delete(request.argument(1))) {
				throw new ApiException(ApiError.CONSUMER_NOT_FOUND);
			}
			request.respond(request.response().field("success", true));
		});
	}

	/** A pull request: no API response, the consumer answers the reply inbox with messages and statuses. */
	private void next(ApiRequest request) {
		String reply = request.replyTo();
		Stream stream = this.jetStream.stream(request.argument(0));
		if (reply == null || stream == null || !(stream.consumers() instanceof StreamConsumerSet set)) {
			return;
		}
		byte[] body = request.message().payload();
		stream.executor().execute(() -> {
			StreamConsumer consumer = set.consumer(request.argument(1));
			if (consumer != null) {
				consumer.pullRequest(reply, body);
			}
		});
	}

	/** The stream and offset of a names or list request, or {@code null} when an error was answered. */
	private Paged paged(ApiRequest request, Consumer<JsonWriter> emptyConsumers) {
		int offset = 0;
		try {
			if (!request.hasEmptyBody()) {
				JsonObject body = request.body();
				offset = (int) Math.max(0, body.longValue("offset", 0));
			}
		}
		catch (ApiException ex) {
			request.respondError(ex.error(), (response) -> zeroPage(response, emptyConsumers));
			return null;
		}
		Stream stream = this.jetStream.stream(request.argument(0));
		if (stream == null) {
			request.respondError(ApiError.STREAM_NOT_FOUND, (response) -> zeroPage(response, emptyConsumers));
			return null;
		}
		return new Paged(stream, offset);
	}

	private static void zeroPage(JsonWriter response, Consumer<JsonWriter> emptyConsumers) {
		response.field("total", 0).field("offset", 0).field("limit", 0);
		emptyConsumers.accept(response);
	}

	private Stream stream(String name) {
		Stream stream = (name != null) ? this.jetStream.stream(name) : null;
		if (stream == null) {
			throw new ApiException(ApiError.STREAM_NOT_FOUND);
		}
		return stream;
	}

	private static StreamConsumerSet consumers(Stream stream) {
		if (!(stream.consumers() instanceof StreamConsumerSet set)) {
			throw new ApiException(ApiError.STREAM_NOT_FOUND);
		}
		return set;
	}

	private static StreamConsumer consumer(Stream stream, String name) {
		StreamConsumer consumer = (name != null) ? consumers(stream).consumer(name) : null;
		if (consumer == null) {
			throw new ApiException(ApiError.CONSUMER_NOT_FOUND);
		}
		return consumer;
	}

	private record Paged(Stream stream, int offset) {
	}
}
