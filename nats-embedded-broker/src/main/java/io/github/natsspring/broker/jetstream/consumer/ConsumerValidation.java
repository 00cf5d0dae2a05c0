package io.github.natsspring.broker.jetstream.consumer;

import io.github.natsspring.broker.jetstream.RetentionPolicy;
import io.github.natsspring.broker.jetstream.StreamConfig;
import io.github.natsspring.broker.jetstream.api.ApiError;
import io.github.natsspring.broker.jetstream.store.AckPolicy;
import io.github.natsspring.broker.subject.Subjects;

/**
 * nats-server 2.9.10's checks of a consumer configuration against its stream ({@code checkConsumerCfg}), in
 * nats-server's order, so the first error a client gets is nats-server's. A pull consumer may have ack policy
 * none (ordered pull consumers do) except on a workqueue stream.
 */
final class ConsumerValidation {

	private static final int MAX_DESCRIPTION_LENGTH = 4 * 1024;

	private static final long MIN_HEARTBEAT = 100_000_000L;

	private static final long MIN_MAX_EXPIRES = 1_000_000L;

	private ConsumerValidation() {
	}

	/**
	 * Checks a configuration with its defaults filled in.
	 * @return the error nats-server answers with, or {@code null} when the configuration is acceptable
	 */
	static ApiError check(ConsumerConfig config, StreamConfig stream) {
		if (config.numReplicas() > 0 && config.numReplicas() > stream.replicas()) {
			return ApiError.CONSUMER_REPLICAS_EXCEEDS_STREAM;
		}
		if (config.numReplicas() < 0) {
			return ApiError.REPLICAS_COUNT_CANNOT_BE_NEGATIVE;
		}
		if (!config.backoff().isEmpty() && config.maxDeliver() <= config.backoff().size()) {
			return ApiError.CONSUMER_MAX_DELIVER_BACKOFF;
		}
		if (config.description() != null && config.description().length() > MAX_DESCRIPTION_LENGTH) {
			return ApiError.CONSUMER_DESCRIPTION_TOO_LONG.with("max", MAX_DESCRIPTION_LENGTH);
		}
		ApiError modeError = config.isPull() ? checkPull(config, stream) : checkPush(config, stream);
		if (modeError != null) {
			return modeError;
		}
		if (config.direct()) {
			if (config.isPull()) {
				return ApiError.CONSUMER_DIRECT_REQUIRES_PUSH;
			}
			if (config.isDurable()) {
				return ApiError.CONSUMER_DIRECT_REQUIRES_EPHEMERAL;
			}
		}
		if (config.filterSubject() != null && !config.filterSubject().isEmpty()
				&& !validFilter(config.filterSubject(), stream)) {
			return ApiError.CONSUMER_FILTER_NOT_SUBSET;
		}
		ApiError policyError = checkStart(config);
		if (policyError != null) {
			return policyError;
		}
		if (config.sampleFrequency() != null && !config.sampleFrequency().isEmpty()) {
			String frequency = config.sampleFrequency().endsWith("%")
					? config.sampleFrequency().substring(0, config.sampleFrequency().length() - 1)
					: config.sampleFrequency();
			try {
				if (Integer.parseInt(frequency) < 0) {
					return ApiError.CONSUMER_INVALID_SAMPLING.with("err", "<nil>");
				}
			}
			catch (NumberFormatException ex) {
				return ApiError.CONSUMER_INVALID_SAMPLING.with("err",
						"strconv.Atoi: parsing \"" + frequency + "\": invalid syntax");
			}
		}
		if (config.flowControl() && config.idleHeartbeat() == 0) {
			return ApiError.CONSUMER_WITH_FLOW_CONTROL_NEEDS_HEARTBEATS;
		}
		if (config.isDurable() && config.name() != null && !config.name().isEmpty()
				&& !config.name().equals(config.durableName())) {
			return ApiError.CONSUMER_CREATE_DURABLE_AND_NAME_MISMATCH;
		}
		return null;
	}

	private static ApiError checkPush(ConsumerConfig config, StreamConfig stream) {
		String deliver = config.deliverSubject();
		if (!Subjects.isLiteral(deliver)) {
			return ApiError.CONSUMER_DELIVER_TO_WILDCARDS;
		}
		if (!Subjects.isValidPublishSubject(deliver)) {
			return ApiError.CONSUMER_INVALID_DELIVER_SUBJECT;
		}
		for (String subject : stream.subjects()) {
			if (Subjects.matches(subject, deliver)) {
				return ApiError.CONSUMER_DELIVER_CYCLE;
			}
		}
		if (config.maxWaiting() != 0) {
			return ApiError.CONSUMER_PUSH_MAX_WAITING;
		}
		if (config.maxAckPending() > 0 && config.ackPolicy() == AckPolicy.NONE) {
			return ApiError.CONSUMER_MAX_PENDING_ACK_POLICY_REQUIRED;
		}
		if (config.idleHeartbeat() > 0 && config.idleHeartbeat() < MIN_HEARTBEAT) {
			return ApiError.CONSUMER_SMALL_HEARTBEAT;
		}
		return null;
	}

	private static ApiError checkPull(ConsumerConfig config, StreamConfig stream) {
		if (config.ackPolicy() == AckPolicy.NONE && stream.retention() == RetentionPolicy.WORKQUEUE) {
			return ApiError.CONSUMER_PULL_REQUIRES_ACK;
		}
		if (config.rateLimit() > 0) {
			return ApiError.CONSUMER_PULL_WITH_RATE_LIMIT;
		}
		if (config.maxWaiting() < 0) {
			return ApiError.CONSUMER_MAX_WAITING_NEGATIVE;
		}
		if (config.idleHeartbeat() > 0) {
			return ApiError.CONSUMER_HB_REQUIRES_PUSH;
		}
		if (config.flowControl()) {
			return ApiError.CONSUMER_FC_REQUIRES_PUSH;
		}
		if (config.maxBatch() < 0) {
			return ApiError.CONSUMER_MAX_REQUEST_BATCH_NEGATIVE;
		}
		if (config.maxExpires() != 0 && config.maxExpires() < MIN_MAX_EXPIRES) {
			return ApiError.CONSUMER_MAX_REQUEST_EXPIRES_TO_SMALL;
		}
		return null;
	}

	/** nats-server's {@code validFilteredSubject}: the filter lies within a stream subject, or a wildcard filter covers one. */
	private static boolean validFilter(String filter, StreamConfig stream) {
		if (!Subjects.isValidSubscribeSubject(filter)) {
			return false;
		}
		boolean wildcard = !Subjects.isLiteral(filter);
		for (String subject : stream.subjects()) {
			if (Subjects.isWithin(filter, subject) || (wildcard && Subjects.isWithin(subject, filter))) {
				return true;
			}
		}
		return false;
	}

	private static ApiError checkStart(ConsumerConfig config) {
		boolean sequence = config.optStartSeq() > 0;
		boolean time = config.optStartTime() != null;
		String policy = switch (config.deliverPolicy()) {
			case ALL -> "all";
			case LAST -> "last";
			case LAST_PER_SUBJECT -> "last per subject";
			case NEW -> "new";
			case BY_START_SEQUENCE -> "by start sequence";
			case BY_START_TIME -> "by start time";
		};
		switch (config.deliverPolicy()) {
			case ALL, LAST, NEW, LAST_PER_SUBJECT -> {
				if (sequence) {
					return badStart(policy, "sequence");
				}
				if (time) {
					return badStart(policy, "time");
				}
				if (config.deliverPolicy() == DeliverPolicy.LAST_PER_SUBJECT
						&& (config.filterSubject() == null || config.filterSubject().isEmpty())) {
					return notSet(policy, "filter subject");
				}
			}
			case BY_START_SEQUENCE -> {
				if (!sequence) {
					return notSet(policy, "start sequence");
				}
				if (time) {
					return badStart(policy, "time");
				}
			}
			case BY_START_TIME -> {
				if (!time) {
					return notSet(policy, "start time");
				}
				if (config.optStartSeq() != 0) {
					return badStart(policy, "start sequence");
				}
			}
		}
		return null;
	}

	private static ApiError badStart(String policy, String start) {
		return ApiError.CONSUMER_INVALID_POLICY.with("err",
				"consumer delivery policy is deliver " + policy + ", but optional start " + start + " is also set");
	}

	private static ApiError notSet(String policy, String option) {
		return ApiError.CONSUMER_INVALID_POLICY.with("err",
				"consumer delivery policy is deliver " + policy + ", but optional " + option + " is not set");
	}
}
