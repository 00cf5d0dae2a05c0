package io.github.natsspring.broker.jetstream;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.github.natsspring.broker.jetstream.api.ApiError;
import io.github.natsspring.broker.jetstream.api.ApiException;
import io.github.natsspring.broker.jetstream.api.JsonObject;
import io.github.natsspring.broker.jetstream.api.JsonWriter;
import io.github.natsspring.broker.jetstream.store.DiscardPolicy;
import io.github.natsspring.broker.jetstream.store.StoreLimits;
import io.github.natsspring.broker.subject.Subjects;

/**
 * A stream's configuration as nats-server 2.9.10 holds it: read from a {@code STREAM.CREATE}/{@code UPDATE}
 * request ({@link #read}), completed with nats-server's defaults ({@link #withDefaults()}) and echoed in every
 * stream info ({@link #writeTo}). Sizes and counts of -1 mean unlimited; durations are nanoseconds on the wire.
 * Immutable; two configurations are equal when every field is, which is how a repeated create is told from a
 * conflicting one.
 */
public final class StreamConfig {

	/** nats-server's default deduplication window, two minutes. */
	public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(2);

	private final String name;

	private final String description;

	private final List<String> subjects;

	private final RetentionPolicy retention;

	private final long maxConsumers;

	private final long maxMessages;

	private final long maxBytes;

	private final Duration maxAge;

	private final long maxMessagesPerSubject;

	private final long maxMessageSize;

	private final DiscardPolicy discard;

	private final StorageType storage;

	private final long replicas;

	private final boolean noAck;

	private final Duration duplicateWindow;

	private final boolean allowDirect;

	private final boolean mirrorDirect;

	private final boolean discardNewPerSubject;

	private final boolean sealed;

	private final boolean denyDelete;

	private final boolean denyPurge;

	private final boolean allowRollup;

	private StreamConfig(Fields fields) {
		this.name = fields.name;
		this.description = fields.description;
		this.subjects = List.copyOf(fields.subjects);
		this.retention = fields.retention;
		this.maxConsumers = fields.maxConsumers;
		this.maxMessages = fields.maxMessages;
		this.maxBytes = fields.maxBytes;
		this.maxAge = fields.maxAge;
		this.maxMessagesPerSubject = fields.maxMessagesPerSubject;
		this.maxMessageSize = fields.maxMessageSize;
		this.discard = fields.discard;
		this.storage = fields.storage;
		this.replicas = fields.replicas;
		this.noAck = fields.noAck;
		this.duplicateWindow = fields.duplicateWindow;
		this.allowDirect = fields.allowDirect;
		this.mirrorDirect = fields.mirrorDirect;
		this.discardNewPerSubject = fields.discardNewPerSubject;
		this.sealed = fields.sealed;
		this.denyDelete = fields.denyDelete;
		this.denyPurge = fields.denyPurge;
		this.allowRollup = fields.allowRollup;
	}

	/**
	 * Reads a configuration as sent, without defaults: absent numbers are 0, as in Go.
	 * @param json the configuration object
	 * @return the configuration
	 * @throws ApiException with {@link ApiError#INVALID_JSON} for a field of the wrong type or an unknown policy
	 * name, and {@link ApiError#STREAM_INVALID_CONFIG} for what this server does not support (mirrors, sources,
	 * republish)
	 */
	public static StreamConfig read(JsonObject json) {
		if (json.has("mirror") || json.has("sources") || json.has("republish")) {
			throw new ApiException(ApiError.STREAM_INVALID_CONFIG
				.withDescription("mirrors, sources and republish are not supported by this server"));
		}
		Fields fields = new Fields();
		fields.name = json.string("name", "");
		fields.description = json.string("description", "");
		fields.subjects = json.strings("subjects");
		fields.retention = retention(json.string("retention", "limits"));
		fields.maxConsumers = json.longValue("max_consumers", 0);
		fields.maxMessages = json.longValue("max_msgs", 0);
		fields.maxBytes = json.longValue("max_bytes", 0);
		fields.maxAge = json.duration("max_age", Duration.ZERO);
		fields.maxMessagesPerSubject = json.longValue("max_msgs_per_subject", 0);
		fields.maxMessageSize = json.longValue("max_msg_size", 0);
		fields.discard = discard(json.string("discard", "old"));
		fields.storage = storage(json.string("storage", "file"));
		fields.replicas = json.longValue("num_replicas", 0);
		fields.noAck = json.bool("no_ack", false);
		fields.duplicateWindow = json.duration("duplicate_window", Duration.ZERO);
		fields.allowDirect = json.bool("allow_direct", false);
		fields.mirrorDirect = json.bool("mirror_direct", false);
		fields.discardNewPerSubject = json.bool("discard_new_per_subject", false);
		fields.sealed = json.bool("sealed", false);
		fields.denyDelete = json.bool("deny_delete", false);
		fields.denyPurge = json.bool("deny_purge", false);
		fields.allowRollup = json.bool("allow_rollup_hdrs", false);
		return new StreamConfig(fields);
	}

	private static RetentionPolicy retention(String value) {
		return switch (value) {
			case "limits" -> RetentionPolicy.LIMITS;
			case "interest" -> RetentionPolicy.INTEREST;
			case "workqueue" -> RetentionPolicy.WORKQUEUE;
			default -> throw new ApiException(ApiError.INVALID_JSON);
		};
	}

	private static DiscardPolicy discard(String value) {
		return switch (value) {
			case "old" -> DiscardPolicy.OLD;
			case "new" -> DiscardPolicy.NEW;
			default -> throw new ApiException(ApiError.INVALID_JSON);
		};
	}

	private static StorageType storage(String value) {
		return switch (value) {
			case "file" -> StorageType.FILE;
			case "memory" -> StorageType.MEMORY;
			default -> throw new ApiException(ApiError.INVALID_JSON);
		};
	}

	/**
	 * This configuration with nats-server's defaults where values were left 0, and checked as nats-server's
	 * {@code checkStreamCfg} checks one on its own (name, limits, windows, subjects); overlap with other streams
	 * is the caller's to check.
	 * @return the completed configuration
	 * @throws ApiException with nats-server's error for an invalid configuration
	 */
	public StreamConfig withDefaults() {
		if (!isValidName(this.name)) {
			throw invalid("stream name is required and can not contain '.', '*', '>'");
		}
		if (this.name.length() > 255) {
			throw invalid("stream name is too long, maximum allowed is 255");
		}
		if (this.description.length() > 4096) {
			throw invalid("stream description is too long, maximum allowed is 4096");
		}
		Fields fields = new Fields(this);
		if (fields.replicas == 0) {
			fields.replicas = 1;
		}
		if (fields.replicas > 5) {
			throw invalid("maximum replicas is 5");
		}
		if (fields.replicas < 0) {
			throw new ApiException(ApiError.REPLICAS_COUNT_CANNOT_BE_NEGATIVE);
		}
		fields.maxMessages = (fields.maxMessages == 0) ? -1 : fields.maxMessages;
		fields.maxMessagesPerSubject = (fields.maxMessagesPerSubject == 0) ? -1 : fields.maxMessagesPerSubject;
		fields.maxBytes = (fields.maxBytes == 0) ? -1 : fields.maxBytes;
		fields.maxMessageSize = (fields.maxMessageSize == 0) ? -1 : fields.maxMessageSize;
		fields.maxConsumers = (fields.maxConsumers == 0) ? -1 : fields.maxConsumers;
		if (fields.duplicateWindow.isZero()) {
			boolean shortAge = !fields.maxAge.isZero() && fields.maxAge.compareTo(DEFAULT_DUPLICATE_WINDOW) < 0;
			fields.duplicateWindow = shortAge ? fields.maxAge : DEFAULT_DUPLICATE_WINDOW;
		}
		Duration minimum = Duration.ofMillis(100);
		if ((!fields.maxAge.isNegative() && !fields.maxAge.isZero()) && fields.maxAge.compareTo(minimum) < 0) {
			throw invalid("max age needs to be >= 100ms");
		}
		if (fields.duplicateWindow.isNegative()) {
			throw invalid("duplicates window can not be negative");
		}
		if (!fields.maxAge.isZero() && fields.duplicateWindow.compareTo(fields.maxAge) > 0) {
			throw invalid("duplicates window can not be larger then max age");
		}
		if (!fields.duplicateWindow.isZero() && fields.duplicateWindow.compareTo(minimum) < 0) {
			throw invalid("duplicates window needs to be >= 100ms");
		}
		if (fields.denyPurge && fields.allowRollup) {
			throw invalid("roll-ups require the purge permission");
		}
		if (fields.discardNewPerSubject) {
			if (fields.discard != DiscardPolicy.NEW) {
				throw invalid("discard new per subject requires discard new policy to be set");
			}
			if (fields.maxMessagesPerSubject <= 0) {
				throw invalid("discard new per subject requires max msgs per subject > 0");
			}
		}
		if (fields.subjects.isEmpty()) {
			fields.subjects = List.of(this.name);
		}
		checkSubjects(fields.subjects);
		return new StreamConfig(fields);
	}

	private static void checkSubjects(List<String> subjects) {
		for (int i = 0; i < subjects.size(); i++) {
			String subject = subjects.get(i);
			if (subjects.subList(0, i).contains(subject)) {
				throw invalid("duplicate subjects detected");
			}
			if (Subjects.isWithin(subject, "$JS.API.>")) {
				throw invalid("subjects overlap with jetstream api");
			}
			if (!Subjects.isValidSubscribeSubject(subject)) {
				throw invalid("invalid subject");
			}
		}
		for (String subject : subjects) {
			for (String other : subjects) {
				if (!other.equals(subject) && Subjects.collide(other, subject)) {
					throw invalid("subject \"" + subject + "\" overlaps with \"" + other + "\"");
				}
			}
		}
	}

	/**
	 * Whether a stream or consumer name is valid: not empty, no {@code .}, {@code *}, {@code >} nor whitespace.
	 * @param name the name
	 * @return whether nats-server accepts it
	 */
	public static boolean isValidName(String name) {
		if (name == null || name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == '.' || c == '*' || c == '>' || Character.isWhitespace(c)) {
				return false;
			}
		}
		return true;
	}

	private static ApiException invalid(String description) {
		return new ApiException(ApiError.STREAM_INVALID_CONFIG.withDescription(description));
	}

	/**
	 * The limits the store enforces for this configuration.
	 * @return the store limits
	 */
	public StoreLimits storeLimits() {
		return StoreLimits.builder()
			.maxMessages(this.maxMessages)
			.maxBytes(this.maxBytes)
			.maxAge(this.maxAge)
			.maxMessagesPerSubject(this.maxMessagesPerSubject)
			.maxMessageSize(this.maxMessageSize)
			.discard(this.discard)
			.discardNewPerSubject(this.discardNewPerSubject)
			.build();
	}

	/**
	 * Writes the configuration object as nats-server echoes it.
	 * @param json a writer positioned where a value may come
	 */
	public void writeTo(JsonWriter json) {
		json.beginObject().field("name", this.name);
		if (!this.description.isEmpty()) {
			json.field("description", this.description);
		}
		if (!this.subjects.isEmpty()) {
			json.field("subjects", this.subjects);
		}
		json.field("retention", this.retention.jsonName())
			.field("max_consumers", this.maxConsumers)
			.field("max_msgs", this.maxMessages)
			.field("max_bytes", this.maxBytes)
			.field("max_age", this.maxAge.toNanos())
			.field("max_msgs_per_subject", this.maxMessagesPerSubject);
		if (this.maxMessageSize != 0) {
			json.field("max_msg_size", this.maxMessageSize);
		}
		json.field("discard", this.discard.name().toLowerCase(java.util.Locale.ROOT))
			.field("storage", this.storage.jsonName())
			.field("num_replicas", this.replicas);
		if (this.noAck) {
			json.field("no_ack", true);
		}
		if (!this.duplicateWindow.isZero()) {
			json.field("duplicate_window", this.duplicateWindow.toNanos());
		}
		json.field("allow_direct", this.allowDirect).field("mirror_direct", this.mirrorDirect);
		if (this.discardNewPerSubject) {
			json.field("discard_new_per_subject", true);
		}
		json.field("sealed", this.sealed)
			.field("deny_delete", this.denyDelete)
			.field("deny_purge", this.denyPurge)
			.field("allow_rollup_hdrs", this.allowRollup)
			.endObject();
	}

	/**
	 * The stream's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The description.
	 * @return the description, empty for none
	 */
	public String description() {
		return this.description;
	}

	/**
	 * The subjects the stream captures.
	 * @return the subjects, possibly with wildcards
	 */
	public List<String> subjects() {
		return this.subjects;
	}

	/**
	 * The retention policy.
	 * @return when messages are let go
	 */
	public RetentionPolicy retention() {
		return this.retention;
	}

	/**
	 * The most consumers the stream may have ({@code max_consumers}).
	 * @return the limit, -1 for none
	 */
	public long maxConsumers() {
		return this.maxConsumers;
	}

	/**
	 * {@code max_msgs}.
	 * @return the limit, -1 for none
	 */
	public long maxMessages() {
		return this.maxMessages;
	}

	/**
	 * {@code max_bytes}.
	 * @return the limit, -1 for none
	 */
	public long maxBytes() {
		return this.maxBytes;
	}

	/**
	 * {@code max_age}.
	 * @return the age past which messages are removed, zero for never
	 */
	public Duration maxAge() {
		return this.maxAge;
	}

	/**
	 * {@code max_msgs_per_subject}.
	 * @return the limit, -1 for none
	 */
	public long maxMessagesPerSubject() {
		return this.maxMessagesPerSubject;
	}

	/**
	 * {@code max_msg_size}.
	 * @return the limit in bytes, -1 for none
	 */
	public long maxMessageSize() {
		return this.maxMessageSize;
	}

	/**
	 * The discard policy.
	 * @return what happens at the message or byte limit
	 */
	public DiscardPolicy discard() {
		return this.discard;
	}

	/**
	 * The storage type.
	 * @return file or memory
	 */
	public StorageType storage() {
		return this.storage;
	}

	/**
	 * {@code num_replicas}, echoed only: this server keeps one copy.
	 * @return the replica count
	 */
	public long replicas() {
		return this.replicas;
	}

	/**
	 * {@code no_ack}: publishes get no PubAck.
	 * @return whether acks are off
	 */
	public boolean noAck() {
		return this.noAck;
	}

	/**
	 * The window within which a repeated {@code Nats-Msg-Id} is a duplicate.
	 * @return the window
	 */
	public Duration duplicateWindow() {
		return this.duplicateWindow;
	}

	/**
	 * {@code allow_direct}: whether {@code DIRECT.GET} serves the stream.
	 * @return whether direct gets are allowed
	 */
	public boolean allowDirect() {
		return this.allowDirect;
	}

	/**
	 * {@code mirror_direct}, echoed only.
	 * @return the flag
	 */
	public boolean mirrorDirect() {
		return this.mirrorDirect;
	}

	/**
	 * {@code discard_new_per_subject}.
	 * @return whether a subject at its limit refuses new messages
	 */
	public boolean discardNewPerSubject() {
		return this.discardNewPerSubject;
	}

	/**
	 * {@code sealed}: no message in or out.
	 * @return the flag
	 */
	public boolean sealed() {
		return this.sealed;
	}

	/**
	 * {@code deny_delete}: message deletes are refused.
	 * @return the flag
	 */
	public boolean denyDelete() {
		return this.denyDelete;
	}

	/**
	 * {@code deny_purge}: purges are refused.
	 * @return the flag
	 */
	public boolean denyPurge() {
		return this.denyPurge;
	}

	/**
	 * {@code allow_rollup_hdrs}: the {@code Nats-Rollup} header is honoured.
	 * @return the flag
	 */
	public boolean allowRollup() {
		return this.allowRollup;
	}

	@Override
	public boolean equals(Object other) {
		if (!(other instanceof StreamConfig that)) {
			return false;
		}
		return this.name.equals(that.name) && this.description.equals(that.description)
				&& this.subjects.equals(that.subjects) && this.retention == that.retention
				&& this.maxConsumers == that.maxConsumers && this.maxMessages == that.maxMessages
				&& this.maxBytes == that.maxBytes && this.maxAge.equals(that.maxAge)
				&& this.maxMessagesPerSubject == that.maxMessagesPerSubject
				&& this.maxMessageSize == that.maxMessageSize && this.discard == that.discard
				&& this.storage == that.storage && this.replicas == that.replicas && this.noAck == that.noAck
				&& this.duplicateWindow.equals(that.duplicateWindow) && this.allowDirect == that.allowDirect
				&& this.mirrorDirect == that.mirrorDirect && this.discardNewPerSubject == that.discardNewPerSubject
				&& this.sealed == that.sealed && this.denyDelete == that.denyDelete && this.denyPurge == that.denyPurge
				&& this.allowRollup == that.allowRollup;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.subjects, this.retention, this.maxMessages, this.maxBytes, this.maxAge,
				this.storage);
	}

	@Override
	public String toString() {
		JsonWriter json = JsonWriter.create();
		writeTo(json);
		return "StreamConfig" + json;
	}

	/** The fields while a configuration is read or completed. */
	private static final class Fields {

		String name;

		String description;

		List<String> subjects;

		RetentionPolicy retention;

		long maxConsumers;

		long maxMessages;

		long maxBytes;

		Duration maxAge;

		long maxMessagesPerSubject;

		long maxMessageSize;

		DiscardPolicy discard;

		StorageType storage;

		long replicas;

		boolean noAck;

		Duration duplicateWindow;

		boolean allowDirect;

		boolean mirrorDirect;

		boolean discardNewPerSubject;

		boolean sealed;

		boolean denyDelete;

		boolean denyPurge;

		boolean allowRollup;

		Fields() {
		}

		Fields(StreamConfig config) {
			this.name = config.name;
			this.description = config.description;
			this.subjects = config.subjects;
			this.retention = config.retention;
			this.maxConsumers = config.maxConsumers;
			this.maxMessages = config.maxMessages;
			this.maxBytes = config.maxBytes;
			this.maxAge = config.maxAge;
			this.maxMessagesPerSubject = config.maxMessagesPerSubject;
			this.maxMessageSize = config.maxMessageSize;
			this.discard = config.discard;
			this.storage = config.storage;
			this.replicas = config.replicas;
			this.noAck = config.noAck;
			this.duplicateWindow = config.duplicateWindow;
			this.allowDirect = config.allowDirect;
			this.mirrorDirect = config.mirrorDirect;
			this.discardNewPerSubject = config.discardNewPerSubject;
			this.sealed = config.sealed;
			this.denyDelete = config.denyDelete;
			this.denyPurge = config.denyPurge;
			this.allowRollup = config.allowRollup;
		}
	}
}
