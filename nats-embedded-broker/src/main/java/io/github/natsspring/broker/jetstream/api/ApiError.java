package io.github.natsspring.broker.jetstream.api;

import java.util.Objects;

/**
 * An error of the JetStream API as nats-server reports it: an HTTP-like {@code code}, the {@code err_code} clients
 * branch on and a {@code description}. The constants are nats-server 2.9.10's ({@code server/errors.json}, named
 * after its {@code JS…Err} constants); descriptions holding a {@code {placeholder}} are filled in with
 * {@link #with(String, Object)}.
 *
 * @param code the HTTP-like status
 * @param errCode the JetStream error code
 * @param description the text clients show
 */
public record ApiError(int code, int errCode, String description) {

/** {@code JSAccountResourcesExceededErr}: resource limits exceeded for account. */
	public static final ApiError ACCOUNT_RESOURCES_EXCEEDED = new ApiError(400, 10002, "resource limits exceeded for account");

	/** {@code JSBadRequestErr}: bad request. */
	public static final ApiError BAD_REQUEST = new ApiError(400, 10003, "bad request");

	/** {@code JSConsumerCreateErrF}: &#123;err&#125;. */
	public static final ApiError CONSUMER_CREATE = new ApiError(500, 10012, "{err}");

	/** {@code JSConsumerNameExistErr}: consumer name already in use. */
	public static final ApiError CONSUMER_NAME_EXIST = new ApiError(400, 10013, "consumer name already in use");

	/** {@code JSConsumerNotFoundErr}: consumer not found. */
	public static final ApiError CONSUMER_NOT_FOUND = new ApiError(404, 10014, "consumer not found");

	/** {@code JSConsumerDurableNameNotInSubjectErr}: consumer expected to be durable but no durable name set in subject. */
	public static final ApiError CONSUMER_DURABLE_NAME_NOT_IN_SUBJECT = new ApiError(400, 10016, "consumer expected to be durable but no durable name set in subject");

	/** {@code JSConsumerDurableNameNotMatchSubjectErr}: consumer name in subject does not match durable name in request. */
	public static final ApiError CONSUMER_DURABLE_NAME_NOT_MATCH_SUBJECT = new ApiError(400, 10017, "consumer name in subject does not match durable name in request");

	/** {@code JSConsumerDurableNameNotSetErr}: consumer expected to be durable but a durable name was not set. */
	public static final ApiError CONSUMER_DURABLE_NAME_NOT_SET = new ApiError(400, 10018, "consumer expected to be durable but a durable name was not set");

	/** {@code JSConsumerEphemeralWithDurableInSubjectErr}: consumer expected to be ephemeral but detected a durable name set in subject. */
	public static final ApiError CONSUMER_EPHEMERAL_WITH_DURABLE_IN_SUBJECT = new ApiError(400, 10019, "consumer expected to be ephemeral but detected a durable name set in subject");

	/** {@code JSConsumerEphemeralWithDurableNameErr}: consumer expected to be ephemeral but a durable name was set in request. */
	public static final ApiError CONSUMER_EPHEMERAL_WITH_DURABLE_NAME = new ApiError(400, 10020, "consumer expected to be ephemeral but a durable name was set in request");

	/** {@code JSInsufficientResourcesErr}: insufficient resources. */
	public static final ApiError INSUFFICIENT_RESOURCES = new ApiError(503, 10023, "insufficient resources");

	/** {@code JSInvalidJSONErr}: invalid JSON. */
	public static final ApiError INVALID_JSON = new ApiError(400, 10025, "invalid JSON");

	/** {@code JSMaximumConsumersLimitErr}: maximum consumers limit reached. */
	public static final ApiError MAXIMUM_CONSUMERS_LIMIT = new ApiError(400, 10026, "maximum consumers limit reached");

	/** {@code JSMaximumStreamsLimitErr}: maximum number of streams reached. */
	public static final ApiError MAXIMUM_STREAMS_LIMIT = new ApiError(400, 10027, "maximum number of streams reached");

	/** {@code JSMemoryResourcesExceededErr}: insufficient memory resources available. */
	public static final ApiError MEMORY_RESOURCES_EXCEEDED = new ApiError(500, 10028, "insufficient memory resources available");

	/** {@code JSNoAccountErr}: account not found. */
	public static final ApiError NO_ACCOUNT = new ApiError(503, 10035, "account not found");

	/** {@code JSNoMessageFoundErr}: no message found. */
	public static final ApiError NO_MESSAGE_FOUND = new ApiError(404, 10037, "no message found");

	/** {@code JSNotEmptyRequestErr}: expected an empty request payload. */
	public static final ApiError NOT_EMPTY_REQUEST = new ApiError(400, 10038, "expected an empty request payload");

	/** {@code JSNotEnabledForAccountErr}: JetStream not enabled for account. */
	public static final ApiError NOT_ENABLED_FOR_ACCOUNT = new ApiError(503, 10039, "JetStream not enabled for account");

	/** {@code JSSequenceNotFoundErrF}: sequence &#123;seq&#125; not found. */
	public static final ApiError SEQUENCE_NOT_FOUND = new ApiError(400, 10043, "sequence {seq} not found");

	/** {@code JSStorageResourcesExceededErr}: insufficient storage resources available. */
	public static final ApiError STORAGE_RESOURCES_EXCEEDED = new ApiError(500, 10047, "insufficient storage resources available");

	/** {@code JSStreamCreateErrF}: &#123;err&#125;. */
	public static final ApiError STREAM_CREATE = new ApiError(500, 10049, "{err}");

	/** {@code JSStreamDeleteErrF}: &#123;err&#125;. */
	public static final ApiError STREAM_DELETE = new ApiError(500, 10050, "{err}");

	/** {@code JSStreamGeneralErrorF}: &#123;err&#125;. */
	public static final ApiError STREAM_GENERAL_ERROR = new ApiError(500, 10051, "{err}");

	/** {@code JSStreamInvalidConfigF}: &#123;err&#125;. */
	public static final ApiError STREAM_INVALID_CONFIG = new ApiError(500, 10052, "{err}");

	/** {@code JSStreamLimitsErrF}: &#123;err&#125;. */
	public static final ApiError STREAM_LIMITS = new ApiError(500, 10053, "{err}");

	/** {@code JSStreamMessageExceedsMaximumErr}: message size exceeds maximum allowed. */
	public static final ApiError STREAM_MESSAGE_EXCEEDS_MAXIMUM = new ApiError(400, 10054, "message size exceeds maximum allowed");

	/** {@code JSStreamMismatchErr}: stream name in subject does not match request. */
	public static final ApiError STREAM_MISMATCH = new ApiError(400, 10056, "stream name in subject does not match request");

	/** {@code JSStreamMsgDeleteFailedF}: &#123;err&#125;. */
	public static final ApiError STREAM_MSG_DELETE_FAILED = new ApiError(500, 10057, "{err}");

	/** {@code JSStreamNameExistErr}: stream name already in use with a different configuration. */
	public static final ApiError STREAM_NAME_EXIST = new ApiError(400, 10058, "stream name already in use with a different configuration");

	/** {@code JSStreamNotFoundErr}: stream not found. */
	public static final ApiError STREAM_NOT_FOUND = new ApiError(404, 10059, "stream not found");

	/** {@code JSStreamNotMatchErr}: expected stream does not match. */
	public static final ApiError STREAM_NOT_MATCH = new ApiError(400, 10060, "expected stream does not match");

	/** {@code JSStreamReplicasNotUpdatableErr}: Replicas configuration can not be updated. */
	public static final ApiError STREAM_REPLICAS_NOT_UPDATABLE = new ApiError(400, 10061, "Replicas configuration can not be updated");

	/** {@code JSStreamSequenceNotMatchErr}: expected stream sequence does not match. */
	public static final ApiError STREAM_SEQUENCE_NOT_MATCH = new ApiError(503, 10063, "expected stream sequence does not match");

	/** {@code JSStreamSubjectOverlapErr}: subjects overlap with an existing stream. */
	public static final ApiError STREAM_SUBJECT_OVERLAP = new ApiError(400, 10065, "subjects overlap with an existing stream");

	/** {@code JSStreamUpdateErrF}: &#123;err&#125;. */
	public static final ApiError STREAM_UPDATE = new ApiError(500, 10069, "{err}");

	/** {@code JSStreamWrongLastMsgIDErrF}: wrong last msg ID: &#123;id&#125;. */
	public static final ApiError STREAM_WRONG_LAST_MSG_ID = new ApiError(400, 10070, "wrong last msg ID: {id}");

	/** {@code JSStreamWrongLastSequenceErrF}: wrong last sequence: &#123;seq&#125;. */
	public static final ApiError STREAM_WRONG_LAST_SEQUENCE = new ApiError(400, 10071, "wrong last sequence: {seq}");

	/** {@code JSStreamReplicasNotSupportedErr}: replicas &gt; 1 not supported in non-clustered mode. */
	public static final ApiError STREAM_REPLICAS_NOT_SUPPORTED = new ApiError(500, 10074, "replicas > 1 not supported in non-clustered mode");

	/** {@code JSNotEnabledErr}: JetStream not enabled. */
	public static final ApiError NOT_ENABLED = new ApiError(503, 10076, "JetStream not enabled");

	/** {@code JSStreamStoreFailedF}: &#123;err&#125;. */
	public static final ApiError STREAM_STORE_FAILED = new ApiError(503, 10077, "{err}");

	/** {@code JSConsumerConfigRequiredErr}: consumer config required. */
	public static final ApiError CONSUMER_CONFIG_REQUIRED = new ApiError(400, 10078, "consumer config required");

	/** {@code JSConsumerDeliverToWildcardsErr}: consumer deliver subject has wildcards. */
	public static final ApiError CONSUMER_DELIVER_TO_WILDCARDS = new ApiError(400, 10079, "consumer deliver subject has wildcards");

	/** {@code JSConsumerPushMaxWaitingErr}: consumer in push mode can not set max waiting. */
	public static final ApiError CONSUMER_PUSH_MAX_WAITING = new ApiError(400, 10080, "consumer in push mode can not set max waiting");

	/** {@code JSConsumerDeliverCycleErr}: consumer deliver subject forms a cycle. */
	public static final ApiError CONSUMER_DELIVER_CYCLE = new ApiError(400, 10081, "consumer deliver subject forms a cycle");

	/** {@code JSConsumerMaxPendingAckPolicyRequiredErr}: consumer requires ack policy for max ack pending. */
	public static final ApiError CONSUMER_MAX_PENDING_ACK_POLICY_REQUIRED = new ApiError(400, 10082, "consumer requires ack policy for max ack pending");

	/** {@code JSConsumerSmallHeartbeatErr}: consumer idle heartbeat needs to be &gt;= 100ms. */
	public static final ApiError CONSUMER_SMALL_HEARTBEAT = new ApiError(400, 10083, "consumer idle heartbeat needs to be >= 100ms");

	/** {@code JSConsumerPullRequiresAckErr}: consumer in pull mode requires ack policy. */
	public static final ApiError CONSUMER_PULL_REQUIRES_ACK = new ApiError(400, 10084, "consumer in pull mode requires ack policy");

	/** {@code JSConsumerPullNotDurableErr}: consumer in pull mode requires a durable name. */
	public static final ApiError CONSUMER_PULL_NOT_DURABLE = new ApiError(400, 10085, "consumer in pull mode requires a durable name");

	/** {@code JSConsumerPullWithRateLimitErr}: consumer in pull mode can not have rate limit set. */
	public static final ApiError CONSUMER_PULL_WITH_RATE_LIMIT = new ApiError(400, 10086, "consumer in pull mode can not have rate limit set");

	/** {@code JSConsumerMaxWaitingNegativeErr}: consumer max waiting needs to be positive. */
	public static final ApiError CONSUMER_MAX_WAITING_NEGATIVE = new ApiError(400, 10087, "consumer max waiting needs to be positive");

	/** {@code JSConsumerHBRequiresPushErr}: consumer idle heartbeat requires a push based consumer. */
	public static final ApiError CONSUMER_HB_REQUIRES_PUSH = new ApiError(400, 10088, "consumer idle heartbeat requires a push based consumer");

	/** {@code JSConsumerFCRequiresPushErr}: consumer flow control requires a push based consumer. */
	public static final ApiError CONSUMER_FC_REQUIRES_PUSH = new ApiError(400, 10089, "consumer flow control requires a push based consumer");

	/** {@code JSConsumerDirectRequiresPushErr}: consumer direct requires a push based consumer. */
	public static final ApiError CONSUMER_DIRECT_REQUIRES_PUSH = new ApiError(400, 10090, "consumer direct requires a push based consumer");

	/** {@code JSConsumerDirectRequiresEphemeralErr}: consumer direct requires an ephemeral consumer. */
	public static final ApiError CONSUMER_DIRECT_REQUIRES_EPHEMERAL = new ApiError(400, 10091, "consumer direct requires an ephemeral consumer");

	/** {@code JSConsumerOnMappedErr}: consumer direct on a mapped consumer. */
	public static final ApiError CONSUMER_ON_MAPPED = new ApiError(400, 10092, "consumer direct on a mapped consumer");

	/** {@code JSConsumerFilterNotSubsetErr}: consumer filter subject is not a valid subset of the interest subjects. */
	public static final ApiError CONSUMER_FILTER_NOT_SUBSET = new ApiError(400, 10093, "consumer filter subject is not a valid subset of the interest subjects");

	/** {@code JSConsumerInvalidPolicyErrF}: &#123;err&#125;. */
	public static final ApiError CONSUMER_INVALID_POLICY = new ApiError(400, 10094, "{err}");

	/** {@code JSConsumerInvalidSamplingErrF}: failed to parse consumer sampling configuration: &#123;err&#125;. */
	public static final ApiError CONSUMER_INVALID_SAMPLING = new ApiError(400, 10095, "failed to parse consumer sampling configuration: {err}");

	/** {@code JSStreamInvalidErr}: stream not valid. */
	public static final ApiError STREAM_INVALID = new ApiError(500, 10096, "stream not valid");

	/** {@code JSStreamHeaderExceedsMaximumErr}: header size exceeds maximum allowed of 64k. */
	public static final ApiError STREAM_HEADER_EXCEEDS_MAXIMUM = new ApiError(400, 10097, "header size exceeds maximum allowed of 64k");

	/** {@code JSConsumerWQRequiresExplicitAckErr}: workqueue stream requires explicit ack. */
	public static final ApiError CONSUMER_WQ_REQUIRES_EXPLICIT_ACK = new ApiError(400, 10098, "workqueue stream requires explicit ack");

	/** {@code JSConsumerWQMultipleUnfilteredErr}: multiple non-filtered consumers not allowed on workqueue stream. */
	public static final ApiError CONSUMER_WQ_MULTIPLE_UNFILTERED = new ApiError(400, 10099, "multiple non-filtered consumers not allowed on workqueue stream");

	/** {@code JSConsumerWQConsumerNotUniqueErr}: filtered consumer not unique on workqueue stream. */
	public static final ApiError CONSUMER_WQ_CONSUMER_NOT_UNIQUE = new ApiError(400, 10100, "filtered consumer not unique on workqueue stream");

	/** {@code JSConsumerWQConsumerNotDeliverAllErr}: consumer must be deliver all on workqueue stream. */
	public static final ApiError CONSUMER_WQ_CONSUMER_NOT_DELIVER_ALL = new ApiError(400, 10101, "consumer must be deliver all on workqueue stream");

	/** {@code JSConsumerNameTooLongErrF}: consumer name is too long, maximum allowed is &#123;max&#125;. */
	public static final ApiError CONSUMER_NAME_TOO_LONG = new ApiError(400, 10102, "consumer name is too long, maximum allowed is {max}");

	/** {@code JSConsumerBadDurableNameErr}: durable name can not contain '.', '*', '&gt;'. */
	public static final ApiError CONSUMER_BAD_DURABLE_NAME = new ApiError(400, 10103, "durable name can not contain '.', '*', '>'");

	/** {@code JSConsumerStoreFailedErrF}: error creating store for consumer: &#123;err&#125;. */
	public static final ApiError CONSUMER_STORE_FAILED = new ApiError(500, 10104, "error creating store for consumer: {err}");

	/** {@code JSConsumerExistingActiveErr}: consumer already exists and is still active. */
	public static final ApiError CONSUMER_EXISTING_ACTIVE = new ApiError(400, 10105, "consumer already exists and is still active");

	/** {@code JSConsumerReplacementWithDifferentNameErr}: consumer replacement durable config not the same. */
	public static final ApiError CONSUMER_REPLACEMENT_WITH_DIFFERENT_NAME = new ApiError(400, 10106, "consumer replacement durable config not the same");

	/** {@code JSConsumerDescriptionTooLongErrF}: consumer description is too long, maximum allowed is &#123;max&#125;. */
	public static final ApiError CONSUMER_DESCRIPTION_TOO_LONG = new ApiError(400, 10107, "consumer description is too long, maximum allowed is {max}");

	/** {@code JSConsumerWithFlowControlNeedsHeartbeats}: consumer with flow control also needs heartbeats. */
	public static final ApiError CONSUMER_WITH_FLOW_CONTROL_NEEDS_HEARTBEATS = new ApiError(400, 10108, "consumer with flow control also needs heartbeats");

	/** {@code JSStreamSealedErr}: invalid operation on sealed stream. */
	public static final ApiError STREAM_SEALED = new ApiError(400, 10109, "invalid operation on sealed stream");

	/** {@code JSStreamPurgeFailedF}: &#123;err&#125;. */
	public static final ApiError STREAM_PURGE_FAILED = new ApiError(500, 10110, "{err}");

	/** {@code JSStreamRollupFailedF}: &#123;err&#125;. */
	public static final ApiError STREAM_ROLLUP_FAILED = new ApiError(500, 10111, "{err}");

	/** {@code JSConsumerInvalidDeliverSubject}: invalid push consumer deliver subject. */
	public static final ApiError CONSUMER_INVALID_DELIVER_SUBJECT = new ApiError(400, 10112, "invalid push consumer deliver subject");

	/** {@code JSStreamMaxBytesRequired}: account requires a stream config to have max bytes set. */
	public static final ApiError STREAM_MAX_BYTES_REQUIRED = new ApiError(400, 10113, "account requires a stream config to have max bytes set");

	/** {@code JSConsumerMaxRequestBatchNegativeErr}: consumer max request batch needs to be &gt; 0. */
	public static final ApiError CONSUMER_MAX_REQUEST_BATCH_NEGATIVE = new ApiError(400, 10114, "consumer max request batch needs to be > 0");

	/** {@code JSConsumerMaxRequestExpiresToSmall}: consumer max request expires needs to be &gt;= 1ms. */
	public static final ApiError CONSUMER_MAX_REQUEST_EXPIRES_TO_SMALL = new ApiError(400, 10115, "consumer max request expires needs to be >= 1ms");

	/** {@code JSConsumerMaxDeliverBackoffErr}: max deliver is required to be &gt; length of backoff values. */
	public static final ApiError CONSUMER_MAX_DELIVER_BACKOFF = new ApiError(400, 10116, "max deliver is required to be > length of backoff values");

	/** {@code JSStreamInfoMaxSubjectsErr}: subject details would exceed maximum allowed. */
	public static final ApiError STREAM_INFO_MAX_SUBJECTS = new ApiError(500, 10117, "subject details would exceed maximum allowed");

	/** {@code JSConsumerMaxPendingAckExcessErrF}: consumer max ack pending exceeds system limit of &#123;limit&#125;. */
	public static final ApiError CONSUMER_MAX_PENDING_ACK_EXCESS = new ApiError(400, 10121, "consumer max ack pending exceeds system limit of {limit}");

	/** {@code JSStreamMaxStreamBytesExceeded}: stream max bytes exceeds account limit max stream bytes. */
	public static final ApiError STREAM_MAX_STREAM_BYTES_EXCEEDED = new ApiError(400, 10122, "stream max bytes exceeds account limit max stream bytes");

	/** {@code JSConsumerMaxRequestBatchExceededF}: consumer max request batch exceeds server limit of &#123;limit&#125;. */
	public static final ApiError CONSUMER_MAX_REQUEST_BATCH_EXCEEDED = new ApiError(400, 10125, "consumer max request batch exceeds server limit of {limit}");

	/** {@code JSConsumerReplicasExceedsStream}: consumer config replica count exceeds parent stream. */
	public static final ApiError CONSUMER_REPLICAS_EXCEEDS_STREAM = new ApiError(400, 10126, "consumer config replica count exceeds parent stream");

	/** {@code JSConsumerNameContainsPathSeparatorsErr}: Consumer name can not contain path separators. */
	public static final ApiError CONSUMER_NAME_CONTAINS_PATH_SEPARATORS = new ApiError(400, 10127, "Consumer name can not contain path separators");

	/** {@code JSStreamNameContainsPathSeparatorsErr}: Stream name can not contain path separators. */
	public static final ApiError STREAM_NAME_CONTAINS_PATH_SEPARATORS = new ApiError(400, 10128, "Stream name can not contain path separators");

	/** {@code JSConsumerCreateFilterSubjectMismatchErr}: Consumer create request did not match filtered subject from create subject. */
	public static final ApiError CONSUMER_CREATE_FILTER_SUBJECT_MISMATCH = new ApiError(400, 10131, "Consumer create request did not match filtered subject from create subject");

	/** {@code JSConsumerCreateDurableAndNameMismatch}: Consumer Durable and Name have to be equal if both are provided. */
	public static final ApiError CONSUMER_CREATE_DURABLE_AND_NAME_MISMATCH = new ApiError(400, 10132, "Consumer Durable and Name have to be equal if both are provided");

	/** {@code JSReplicasCountCannotBeNegative}: replicas count cannot be negative. */
	public static final ApiError REPLICAS_COUNT_CANNOT_BE_NEGATIVE = new ApiError(400, 10133, "replicas count cannot be negative");
	/**
	 * Checks the parts.
	 */
	public ApiError {
		Objects.requireNonNull(description, "description");
	}

	/**
	 * The same error with a placeholder of the description filled in, as nats-server's {@code NewJS…Error(…)}.
	 * @param placeholder the placeholder's name, e.g. {@code err} or {@code seq}
	 * @param value what replaces {@code {placeholder}}
	 * @return the error with the new description
	 */
	public ApiError with(String placeholder, Object value) {
		return new ApiError(this.code, this.errCode,
				this.description.replace("{" + placeholder + "}", String.valueOf(value)));
	}

	/**
	 * The same error with another description, as nats-server's {@code {err}} errors carry the cause's text.
	 * @param description the new description
	 * @return the error with the new description
	 */
	public ApiError withDescription(String description) {
		return new ApiError(this.code, this.errCode, description);
	}

	/**
	 * Writes the {@code "error"} object.
	 * @param json a writer positioned where a field may come
	 */
	public void writeTo(JsonWriter json) {
		json.name("error")
			.beginObject()
			.field("code", this.code)
			.field("err_code", this.errCode)
			.field("description", this.description)
			.endObject();
	}
}
