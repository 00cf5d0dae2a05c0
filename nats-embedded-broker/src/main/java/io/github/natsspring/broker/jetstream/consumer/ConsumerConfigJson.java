package io.github.natsspring.broker.jetstream.consumer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.natsspring.broker.jetstream.store.AckPolicy;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads and writes a {@link ConsumerConfig} as nats-server's {@code ConsumerConfig} JSON: the Go struct's field
 * order, {@code omitempty} on every field but the three policies and {@code num_replicas}, durations as
 * nanoseconds, keys matched without regard to case as Go's {@code json.Unmarshal} does.
 */
public final class ConsumerConfigJson {

	private static final JsonFactory JSON = new JsonFactory();

	private ConsumerConfigJson() {
	}

	/**
	 * Reads a configuration object.
	 * @param parser a parser whose current token is the object's {@code START_OBJECT}
	 * @return the configuration, with Go's zero values for absent fields
	 * @throws IllegalArgumentException when a field has the wrong type or an unknown policy, which nats-server
	 * answers with "invalid JSON"
	 */
	public static ConsumerConfig read(JsonParser parser) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			throw new IllegalArgumentException("consumer config is not a JSON object");
		}
		ConsumerConfig.Builder builder = ConsumerConfig.builder();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName().toLowerCase(Locale.ROOT);
			JsonToken value = parser.nextToken();
			if (value == JsonToken.VALUE_NULL) {
				continue;
			}
			switch (field) {
				case "durable_name" -> builder.durableName(string(parser, value));
				case "name" -> builder.name(string(parser, value));
				case "description" -> builder.description(string(parser, value));
				case "deliver_policy" -> builder.deliverPolicy(policy(DeliverPolicy.fromJsonName(string(parser, value)), parser));
				case "opt_start_seq" -> builder.optStartSeq(number(parser, value));
				case "opt_start_time" -> builder.optStartTime(GoTimestamps.parse(string(parser, value)));
				case "ack_policy" -> builder.ackPolicy(policy(ackPolicy(string(parser, value)), parser));
				case "ack_wait" -> builder.ackWait(number(parser, value));
				case "max_deliver" -> builder.maxDeliver(number(parser, value));
				case "backoff" -> builder.backoff(numbers(parser, value));
				case "filter_subject" -> builder.filterSubject(string(parser, value));
				case "replay_policy" -> builder.replayPolicy(policy(ReplayPolicy.fromJsonName(string(parser, value)), parser));
				case "rate_limit_bps" -> builder.rateLimit(number(parser, value));
				case "sample_freq" -> builder.sampleFrequency(string(parser, value));
				case "max_waiting" -> builder.maxWaiting((int) number(parser, value));
				case "max_ack_pending" -> builder.maxAckPending((int) number(parser, value));
				case "idle_heartbeat" -> builder.idleHeartbeat(number(parser, value));
				case "flow_control" -> builder.flowControl(bool(parser, value));
				case "headers_only" -> builder.headersOnly(bool(parser, value));
				case "max_batch" -> builder.maxBatch((int) number(parser, value));
				case "max_expires" -> builder.maxExpires(number(parser, value));
				case "max_bytes" -> builder.maxBytes((int) number(parser, value));
				case "deliver_subject" -> builder.deliverSubject(string(parser, value));
				case "deliver_group" -> builder.deliverGroup(string(parser, value));
				case "inactive_threshold" -> builder.inactiveThreshold(number(parser, value));
				case "num_replicas" -> builder.numReplicas((int) number(parser, value));
				case "mem_storage" -> builder.memStorage(bool(parser, value));
				case "direct" -> builder.direct(bool(parser, value));
				default -> parser.skipChildren();
			}
		}
		return builder.build();
	}

	/**
	 * Reads a configuration from JSON text, as kept in a consumer store's metadata.
	 * @param json the JSON object
	 * @return the configuration
	 * @throws IllegalArgumentException when the text is not a valid configuration
	 */
	public static ConsumerConfig fromJson(byte[] json) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
			parser.nextToken();
			return read(parser);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Writes a configuration as a JSON object.
	 * @param json where to write
	 * @param config the configuration
	 */
	public static void write(JsonGenerator json, ConsumerConfig config) {
		json.writeStartObject();
		writeString(json, "durable_name", config.durableName());
		writeString(json, "name", config.name());
		writeString(json, "description", config.description());
		json.writeStringProperty("deliver_policy", config.deliverPolicy().jsonName());
		writeNumber(json, "opt_start_seq", config.optStartSeq());
		if (config.optStartTime() != null) {
			json.writeStringProperty("opt_start_time", GoTimestamps.format(config.optStartTime()));
		}
		json.writeStringProperty("ack_policy", ackPolicyName(config.ackPolicy()));
		writeNumber(json, "ack_wait", config.ackWait());
		writeNumber(json, "max_deliver", config.maxDeliver());
		if (!config.backoff().isEmpty()) {
			json.writeName("backoff");
			json.writeStartArray();
			for (long delay : config.backoff()) {
				json.writeNumber(delay);
			}
			json.writeEndArray();
		}
		writeString(json, "filter_subject", config.filterSubject());
		json.writeStringProperty("replay_policy", config.replayPolicy().jsonName());
		writeNumber(json, "rate_limit_bps", config.rateLimit());
		writeString(json, "sample_freq", config.sampleFrequency());
		writeNumber(json, "max_waiting", config.maxWaiting());
		writeNumber(json, "max_ack_pending", config.maxAckPending());
		writeNumber(json, "idle_heartbeat", config.idleHeartbeat());
		writeTrue(json, "flow_control", config.flowControl());
		writeTrue(json, "headers_only", config.headersOnly());
		writeNumber(json, "max_batch", config.maxBatch());
		writeNumber(json, "max_expires", config.maxExpires());
		writeNumber(json, "max_bytes", config.maxBytes());
		writeString(json, "deliver_subject", config.deliverSubject());
		writeString(json, "deliver_group", config.deliverGroup());
		writeNumber(json, "inactive_threshold", config.inactiveThreshold());
		json.writeNumberProperty("num_replicas", config.numReplicas());
		writeTrue(json, "mem_storage", config.memStorage());
		writeTrue(json, "direct", config.direct());
		json.writeEndObject();
	}

	/**
	 * A configuration as JSON text, as kept in a consumer store's metadata.
	 * @param config the configuration
	 * @return the UTF-8 JSON object
	 */
	public static byte[] toJsonBytes(ConsumerConfig config) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), (OutputStream) out)) {
			write(json, config);
		}
		return out.toByteArray();
	}

	static String toJson(ConsumerConfig config) {
		return new String(toJsonBytes(config), StandardCharsets.UTF_8);
	}

	/**
	 * The JSON name of an ack policy.
	 * @param policy the policy
	 * @return {@code none}, {@code all} or {@code explicit}
	 */
	public static String ackPolicyName(AckPolicy policy) {
		return switch (policy) {
			case NONE -> "none";
			case ALL -> "all";
			case EXPLICIT -> "explicit";
		};
	}

	private static AckPolicy ackPolicy(String name) {
		return switch (name) {
			case "none" -> AckPolicy.NONE;
			case "all" -> AckPolicy.ALL;
			case "explicit" -> AckPolicy.EXPLICIT;
			default -> null;
		};
	}

	private static <T> T policy(T policy, JsonParser parser) {
		if (policy == null) {
			throw new IllegalArgumentException("can not unmarshal \"\\\"" + parser.getString() + "\\\"\"");
		}
		return policy;
	}

	private static String string(JsonParser parser, JsonToken value) {
		if (value != JsonToken.VALUE_STRING) {
			throw wrongType(parser, "string");
		}
		return parser.getString();
	}

	private static long number(JsonParser parser, JsonToken value) {
		if (value != JsonToken.VALUE_NUMBER_INT) {
			throw wrongType(parser, "number");
		}
		return parser.getLongValue();
	}

	private static boolean bool(JsonParser parser, JsonToken value) {
		if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
			return value == JsonToken.VALUE_TRUE;
		}
		throw wrongType(parser, "bool");
	}

	private static List<Long> numbers(JsonParser parser, JsonToken value) {
		if (value != JsonToken.START_ARRAY) {
			throw wrongType(parser, "array");
		}
		List<Long> numbers = new ArrayList<>();
		for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
			numbers.add(number(parser, item));
		}
		return numbers;
	}

	private static IllegalArgumentException wrongType(JsonParser parser, String expected) {
		return new IllegalArgumentException("consumer config field '" + parser.currentName() + "' is not a " + expected);
	}

	private static void writeString(JsonGenerator json, String name, String value) {
		if (value != null && !value.isEmpty()) {
			json.writeStringProperty(name, value);
		}
	}

	private static void writeNumber(JsonGenerator json, String name, long value) {
		if (value != 0) {
			json.writeNumberProperty(name, value);
		}
	}

	private static void writeTrue(JsonGenerator json, String name, boolean value) {
		if (value) {
			json.writeBooleanProperty(name, true);
		}
	}
}
