package io.github.natsspring.broker.jetstream.consumer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.github.natsspring.broker.jetstream.store.AckPolicy;

/**
 * A consumer's configuration, the {@code config} object of the consumer API with nats-server 2.9.10's fields.
 * Values absent from a request are Go's zero values ({@code ack_policy} none, {@code deliver_policy} all);
 * {@link #withDefaults()} fills in what the server fills in. Immutable; build one with {@link #builder()}.
 */
public final class ConsumerConfig {

	/** nats-server's {@code ack_wait} for consumers that acknowledge: 30 s. */
	public static final long DEFAULT_ACK_WAIT = 30_000_000_000L;

	/** nats-server's {@code max_waiting} for pull consumers. */
	public static final int DEFAULT_MAX_WAITING = 512;

	/** nats-server's {@code max_ack_pending} for consumers that acknowledge. */
	public static final int DEFAULT_MAX_ACK_PENDING = 1000;

	/** nats-server's {@code inactive_threshold} for ephemeral consumers: 5 s. */
	public static final long DEFAULT_INACTIVE_THRESHOLD = 5_000_000_000L;
	private final String durableName;
	private final String name;
	private final String description;
	private final DeliverPolicy deliverPolicy;
	private final long optStartSeq;
	private final Instant optStartTime;
	private final AckPolicy ackPolicy;
	private final long ackWait;
	private final long maxDeliver;
	private final List<Long> backoff;
	private final String filterSubject;
	private final ReplayPolicy replayPolicy;
	private final long rateLimit;
	private final String sampleFrequency;
	private final int maxWaiting;
	private final int maxAckPending;
	private final long idleHeartbeat;
	private final boolean flowControl;
	private final boolean headersOnly;
	private final int maxBatch;
	private final long maxExpires;
	private final int maxBytes;
	private final String deliverSubject;
	private final String deliverGroup;
	private final long inactiveThreshold;
	private final int numReplicas;
	private final boolean memStorage;
	private final boolean direct;

	private ConsumerConfig(Builder builder) {
		this.durableName = builder.durableName;
		this.name = builder.name;
		this.description = builder.description;
		this.deliverPolicy = builder.deliverPolicy;
		this.optStartSeq = builder.optStartSeq;
		this.optStartTime = builder.optStartTime;
		this.ackPolicy = builder.ackPolicy;
		this.ackWait = builder.ackWait;
		this.maxDeliver = builder.maxDeliver;
		this.backoff = List.copyOf(builder.backoff);
		this.filterSubject = builder.filterSubject;
		this.replayPolicy = builder.replayPolicy;
		this.rateLimit = builder.rateLimit;
		this.sampleFrequency = builder.sampleFrequency;
		this.maxWaiting = builder.maxWaiting;
		this.maxAckPending = builder.maxAckPending;
		this.idleHeartbeat = builder.idleHeartbeat;
		this.flowControl = builder.flowControl;
		this.headersOnly = builder.headersOnly;
		this.maxBatch = builder.maxBatch;
		this.maxExpires = builder.maxExpires;
		this.maxBytes = builder.maxBytes;
		this.deliverSubject = builder.deliverSubject;
		this.deliverGroup = builder.deliverGroup;
		this.inactiveThreshold = builder.inactiveThreshold;
		this.numReplicas = builder.numReplicas;
		this.memStorage = builder.memStorage;
		this.direct = builder.direct;
	}

	/**
	 * A builder with Go's zero values.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this configuration's values.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.durableName = this.durableName;
		builder.name = this.name;
		builder.description = this.description;
		builder.deliverPolicy = this.deliverPolicy;
		builder.optStartSeq = this.optStartSeq;
		builder.optStartTime = this.optStartTime;
		builder.ackPolicy = this.ackPolicy;
		builder.ackWait = this.ackWait;
		builder.maxDeliver = this.maxDeliver;
		builder.backoff = this.backoff;
		builder.filterSubject = this.filterSubject;
		builder.replayPolicy = this.replayPolicy;
		builder.rateLimit = this.rateLimit;
		builder.sampleFrequency = this.sampleFrequency;
		builder.maxWaiting = this.maxWaiting;
		builder.maxAckPending = this.maxAckPending;
		builder.idleHeartbeat = this.idleHeartbeat;
		builder.flowControl = this.flowControl;
		builder.headersOnly = this.headersOnly;
		builder.maxBatch = this.maxBatch;
		builder.maxExpires = this.maxExpires;
		builder.maxBytes = this.maxBytes;
		builder.deliverSubject = this.deliverSubject;
		builder.deliverGroup = this.deliverGroup;
		builder.inactiveThreshold = this.inactiveThreshold;
		builder.numReplicas = this.numReplicas;
		builder.memStorage = this.memStorage;
		builder.direct = this.direct;
		return builder;
	}

	/**
	 * This configuration with what nats-server fills in when a consumer is added ({@code setConsumerConfigDefaults}):
	 * {@code max_waiting} for pull consumers, {@code ack_wait} and {@code max_ack_pending} for consumers that
	 * acknowledge, {@code max_deliver} -1, the first {@code backoff} delay as {@code ack_wait}, and for an
	 * ephemeral without one the default {@code inactive_threshold}.
	 * @return the configuration with its defaults
	 */
	public ConsumerConfig withDefaults() {
		Builder builder = toBuilder();
		if (isPull() && this.maxWaiting == 0) {
			builder.maxWaiting(DEFAULT_MAX_WAITING);
		}
		boolean acknowledged = this.ackPolicy != AckPolicy.NONE;
		if (acknowledged && this.ackWait == 0) {
			builder.ackWait(DEFAULT_ACK_WAIT);
		}
		if (this.maxDeliver == 0) {
			builder.maxDeliver(-1);
		}
		if (!this.backoff.isEmpty()) {
			builder.ackWait(this.backoff.get(0));
		}
		if (acknowledged && this.maxAckPending == 0) {
			builder.maxAckPending(DEFAULT_MAX_ACK_PENDING);
		}
		if (!isDurable() && this.inactiveThreshold <= 0) {
			builder.inactiveThreshold(DEFAULT_INACTIVE_THRESHOLD);
		}
		return builder.build();
	}

	/**
	 * Whether the consumer is durable: it has a durable name.
	 * @return {@code true} when {@link #durableName()} is set
	 */
	public boolean isDurable() {
		return this.durableName != null && !this.durableName.isEmpty();
	}

	/**
	 * Whether the consumer is pulled from: it has no deliver subject.
	 * @return {@code true} for a pull consumer
	 */
	public boolean isPull() {
		return this.deliverSubject == null || this.deliverSubject.isEmpty();
	}

	/**
	 * Whether the consumer takes a subset of the stream's subjects.
	 * @return {@code true} when a filter other than {@code >} is set
	 */
	public boolean isFiltered() {
		return this.filterSubject != null && !this.filterSubject.isEmpty() && !this.filterSubject.equals(">");
	}

	/**
	 * {@code durable_name}.
	 * @return the durable name, or {@code null} for an ephemeral consumer
	 */
	public String durableName() {
		return this.durableName;
	}

	/**
	 * {@code name}.
	 * @return the consumer's name, or {@code null} to have one made up
	 */
	public String name() {
		return this.name;
	}

	/**
	 * {@code description}.
	 * @return a description, or {@code null}
	 */
	public String description() {
		return this.description;
	}

	/**
	 * {@code deliver_policy}.
	 * @return where the consumer starts
	 */
	public DeliverPolicy deliverPolicy() {
		return this.deliverPolicy;
	}

	/**
	 * {@code opt_start_seq}.
	 * @return the first stream sequence for {@link DeliverPolicy#BY_START_SEQUENCE}, 0 when unset
	 */
	public long optStartSeq() {
		return this.optStartSeq;
	}

	/**
	 * {@code opt_start_time}.
	 * @return the start time for {@link DeliverPolicy#BY_START_TIME}, or {@code null}
	 */
	public Instant optStartTime() {
		return this.optStartTime;
	}

	/**
	 * {@code ack_policy}.
	 * @return how deliveries are acknowledged
	 */
	public AckPolicy ackPolicy() {
		return this.ackPolicy;
	}

	/**
	 * {@code ack_wait}.
	 * @return how long a delivery waits for its ack before it is redelivered, in nanoseconds
	 */
	public long ackWait() {
		return this.ackWait;
	}

	/**
	 * {@code max_deliver}.
	 * @return how often a message may be delivered, -1 for no limit
	 */
	public long maxDeliver() {
		return this.maxDeliver;
	}

	/**
	 * {@code backoff}.
	 * @return the redelivery delays in nanoseconds, empty for {@link #ackWait()} each time
	 */
	public List<Long> backoff() {
		return this.backoff;
	}

	/**
	 * {@code filter_subject}.
	 * @return the subjects the consumer takes, or {@code null} for all of the stream's
	 */
	public String filterSubject() {
		return this.filterSubject;
	}

	/**
	 * {@code replay_policy}.
	 * @return how fast stored messages are delivered
	 */
	public ReplayPolicy replayPolicy() {
		return this.replayPolicy;
	}

	/**
	 * {@code rate_limit_bps}.
	 * @return the delivery rate limit in bits per second, 0 for none (accepted, not enforced)
	 */
	public long rateLimit() {
		return this.rateLimit;
	}

	/**
	 * {@code sample_freq}.
	 * @return the ack sampling frequency, or {@code null} (accepted, not used)
	 */
	public String sampleFrequency() {
		return this.sampleFrequency;
	}

	/**
	 * {@code max_waiting}.
	 * @return how many pull requests may wait at once
	 */
	public int maxWaiting() {
		return this.maxWaiting;
	}

	/**
	 * {@code max_ack_pending}.
	 * @return how many deliveries may await their ack before delivery pauses, 0 or -1 for no limit
	 */
	public int maxAckPending() {
		return this.maxAckPending;
	}

	/**
	 * {@code idle_heartbeat}.
	 * @return the idle heartbeat interval of a push consumer in nanoseconds, 0 for none
	 */
	public long idleHeartbeat() {
		return this.idleHeartbeat;
	}

	/**
	 * {@code flow_control}.
	 * @return whether a push consumer sends flow control requests
	 */
	public boolean flowControl() {
		return this.flowControl;
	}

	/**
	 * {@code headers_only}.
	 * @return whether deliveries carry only the headers and {@code Nats-Msg-Size}
	 */
	public boolean headersOnly() {
		return this.headersOnly;
	}

	/**
	 * {@code max_batch}.
	 * @return the largest pull request batch, 0 for no limit
	 */
	public int maxBatch() {
		return this.maxBatch;
	}

	/**
	 * {@code max_expires}.
	 * @return the longest pull request expiry in nanoseconds, 0 for no limit
	 */
	public long maxExpires() {
		return this.maxExpires;
	}

	/**
	 * {@code max_bytes}.
	 * @return the largest pull request {@code max_bytes}, 0 for no limit
	 */
	public int maxBytes() {
		return this.maxBytes;
	}

	/**
	 * {@code deliver_subject}.
	 * @return where a push consumer delivers, {@code null} for a pull consumer
	 */
	public String deliverSubject() {
		return this.deliverSubject;
	}

	/**
	 * {@code deliver_group}.
	 * @return the queue group a push consumer delivers to, or {@code null}
	 */
	public String deliverGroup() {
		return this.deliverGroup;
	}

	/**
	 * {@code inactive_threshold}.
	 * @return how long the consumer may be unused before it is deleted, in nanoseconds, 0 for never
	 */
	public long inactiveThreshold() {
		return this.inactiveThreshold;
	}

	/**
	 * {@code num_replicas}.
	 * @return the replica count, 0 for the stream's
	 */
	public int numReplicas() {
		return this.numReplicas;
	}

	/**
	 * {@code mem_storage}.
	 * @return whether the consumer's state is kept in memory whatever the stream's storage
	 */
	public boolean memStorage() {
		return this.memStorage;
	}

	/**
	 * {@code direct}.
	 * @return whether the consumer is a direct (mirror/source) consumer
	 */
	public boolean direct() {
		return this.direct;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof ConsumerConfig that)) {
			return false;
		}
		return Objects.equals(this.durableName, that.durableName)
				&& Objects.equals(this.name, that.name)
				&& Objects.equals(this.description, that.description)
				&& Objects.equals(this.deliverPolicy, that.deliverPolicy)
				&& this.optStartSeq == that.optStartSeq
				&& Objects.equals(this.optStartTime, that.optStartTime)
				&& Objects.equals(this.ackPolicy, that.ackPolicy)
				&& this.ackWait == that.ackWait
				&& this.maxDeliver == that.maxDeliver
				&& Objects.equals(this.backoff, that.backoff)
				&& Objects.equals(this.filterSubject, that.filterSubject)
				&& Objects.equals(this.replayPolicy, that.replayPolicy)
				&& this.rateLimit == that.rateLimit
				&& Objects.equals(this.sampleFrequency, that.sampleFrequency)
				&& this.maxWaiting == that.maxWaiting
				&& this.maxAckPending == that.maxAckPending
				&& this.idleHeartbeat == that.idleHeartbeat
				&& this.flowControl == that.flowControl
				&& this.headersOnly == that.headersOnly
				&& this.maxBatch == that.maxBatch
				&& this.maxExpires == that.maxExpires
				&& this.maxBytes == that.maxBytes
				&& Objects.equals(this.deliverSubject, that.deliverSubject)
				&& Objects.equals(this.deliverGroup, that.deliverGroup)
				&& this.inactiveThreshold == that.inactiveThreshold
				&& this.numReplicas == that.numReplicas
				&& this.memStorage == that.memStorage
				&& this.direct == that.direct;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.durableName, this.name, this.description, this.deliverPolicy, this.optStartSeq, this.optStartTime, this.ackPolicy, this.ackWait, this.maxDeliver, this.backoff, this.filterSubject, this.replayPolicy, this.rateLimit, this.sampleFrequency, this.maxWaiting, this.maxAckPending, this.idleHeartbeat, this.flowControl, this.headersOnly, this.maxBatch, this.maxExpires, this.maxBytes, this.deliverSubject, this.deliverGroup, this.inactiveThreshold, this.numReplicas, this.memStorage, this.direct);
	}

	@Override
	public String toString() {
		return "ConsumerConfig[" + ConsumerConfigJson.toJson(this) + "]";
	}

	/**
	 * Builds a {@link ConsumerConfig}; every value starts as Go's zero value.
	 */
	public static final class Builder {
		private String durableName;
		private String name;
		private String description;
		private DeliverPolicy deliverPolicy = DeliverPolicy.ALL;
		private long optStartSeq;
		private Instant optStartTime;
		private AckPolicy ackPolicy = AckPolicy.NONE;
		private long ackWait;
		private long maxDeliver;
		private List<Long> backoff = List.of();
		private String filterSubject;
		private ReplayPolicy replayPolicy = ReplayPolicy.INSTANT;
		private long rateLimit;
		private String sampleFrequency;
		private int maxWaiting;
		private int maxAckPending;
		private long idleHeartbeat;
		private boolean flowControl;
		private boolean headersOnly;
		private int maxBatch;
		private long maxExpires;
		private int maxBytes;
		private String deliverSubject;
		private String deliverGroup;
		private long inactiveThreshold;
		private int numReplicas;
		private boolean memStorage;
		private boolean direct;

		private Builder() {
		}

		/**
		 * Sets {@code durable_name}.
		 * @param durableName the durable name, or {@code null} for an ephemeral consumer
		 * @return this builder
		 */
		public Builder durableName(String durableName) {
			this.durableName = durableName;
			return this;
		}

		/**
		 * Sets {@code name}.
		 * @param name the consumer's name, or {@code null} to have one made up
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * Sets {@code description}.
		 * @param description a description, or {@code null}
		 * @return this builder
		 */
		public Builder description(String description) {
			this.description = description;
			return this;
		}

		/**
		 * Sets {@code deliver_policy}.
		 * @param deliverPolicy where the consumer starts
		 * @return this builder
		 */
		public Builder deliverPolicy(DeliverPolicy deliverPolicy) {
			this.deliverPolicy = Objects.requireNonNull(deliverPolicy, "deliverPolicy");
			return this;
		}

		/**
		 * Sets {@code opt_start_seq}.
		 * @param optStartSeq the first stream sequence for {@link DeliverPolicy#BY_START_SEQUENCE}, 0 when unset
		 * @return this builder
		 */
		public Builder optStartSeq(long optStartSeq) {
			this.optStartSeq = optStartSeq;
			return this;
		}

		/**
		 * Sets {@code opt_start_time}.
		 * @param optStartTime the start time for {@link DeliverPolicy#BY_START_TIME}, or {@code null}
		 * @return this builder
		 */
		public Builder optStartTime(Instant optStartTime) {
			this.optStartTime = optStartTime;
			return this;
		}

		/**
		 * Sets {@code ack_policy}.
		 * @param ackPolicy how deliveries are acknowledged
		 * @return this builder
		 */
		public Builder ackPolicy(AckPolicy ackPolicy) {
			this.ackPolicy = Objects.requireNonNull(ackPolicy, "ackPolicy");
			return this;
		}

		/**
		 * Sets {@code ack_wait}.
		 * @param ackWait how long a delivery waits for its ack before it is redelivered, in nanoseconds
		 * @return this builder
		 */
		public Builder ackWait(long ackWait) {
			this.ackWait = ackWait;
			return this;
		}

		/**
		 * Sets {@code max_deliver}.
		 * @param maxDeliver how often a message may be delivered, -1 for no limit
		 * @return this builder
		 */
		public Builder maxDeliver(long maxDeliver) {
			this.maxDeliver = maxDeliver;
			return this;
		}

		/**
		 * Sets {@code backoff}.
		 * @param backoff the redelivery delays in nanoseconds, empty for {@link #ackWait()} each time
		 * @return this builder
		 */
		public Builder backoff(List<Long> backoff) {
			this.backoff = Objects.requireNonNull(backoff, "backoff");
			return this;
		}

		/**
		 * Sets {@code filter_subject}.
		 * @param filterSubject the subjects the consumer takes, or {@code null} for all of the stream's
		 * @return this builder
		 */
		public Builder filterSubject(String filterSubject) {
			this.filterSubject = filterSubject;
			return this;
		}

		/**
		 * Sets {@code replay_policy}.
		 * @param replayPolicy how fast stored messages are delivered
		 * @return this builder
		 */
		public Builder replayPolicy(ReplayPolicy replayPolicy) {
			this.replayPolicy = Objects.requireNonNull(replayPolicy, "replayPolicy");
			return this;
		}

		/**
		 * Sets {@code rate_limit_bps}.
		 * @param rateLimit the delivery rate limit in bits per second, 0 for none (accepted, not enforced)
		 * @return this builder
		 */
		public Builder rateLimit(long rateLimit) {
			this.rateLimit = rateLimit;
			return this;
		}

		/**
		 * Sets {@code sample_freq}.
		 * @param sampleFrequency the ack sampling frequency, or {@code null} (accepted, not used)
		 * @return this builder
		 */
		public Builder sampleFrequency(String sampleFrequency) {
			this.sampleFrequency = sampleFrequency;
			return this;
		}

		/**
		 * Sets {@code max_waiting}.
		 * @param maxWaiting how many pull requests may wait at once
		 * @return this builder
		 */
		public Builder maxWaiting(int maxWaiting) {
			this.maxWaiting = maxWaiting;
			return this;
		}

		/**
		 * Sets {@code max_ack_pending}.
		 * @param maxAckPending how many deliveries may await their ack before delivery pauses, 0 or -1 for no limit
		 * @return this builder
		 */
		public Builder maxAckPending(int maxAckPending) {
			this.maxAckPending = maxAckPending;
			return this;
		}

		/**
		 * Sets {@code idle_heartbeat}.
		 * @param idleHeartbeat the idle heartbeat interval of a push consumer in nanoseconds, 0 for none
		 * @return this builder
		 */
		public Builder idleHeartbeat(long idleHeartbeat) {
			this.idleHeartbeat = idleHeartbeat;
			return this;
		}

		/**
		 * Sets {@code flow_control}.
		 * @param flowControl whether a push consumer sends flow control requests
		 * @return this builder
		 */
		public Builder flowControl(boolean flowControl) {
			this.flowControl = flowControl;
			return this;
		}

		/**
		 * Sets {@code headers_only}.
		 * @param headersOnly whether deliveries carry only the headers and {@code Nats-Msg-Size}
		 * @return this builder
		 */
		public Builder headersOnly(boolean headersOnly) {
			this.headersOnly = headersOnly;
			return this;
		}

		/**
		 * Sets {@code max_batch}.
		 * @param maxBatch the largest pull request batch, 0 for no limit
		 * @return this builder
		 */
		public Builder maxBatch(int maxBatch) {
			this.maxBatch = maxBatch;
			return this;
		}

		/**
		 * Sets {@code max_expires}.
		 * @param maxExpires the longest pull request expiry in nanoseconds, 0 for no limit
		 * @return this builder
		 */
		public Builder maxExpires(long maxExpires) {
			this.maxExpires = maxExpires;
			return this;
		}

		/**
		 * Sets {@code max_bytes}.
		 * @param maxBytes the largest pull request {@code max_bytes}, 0 for no limit
		 * @return this builder
		 */
		public Builder maxBytes(int maxBytes) {
			this.maxBytes = maxBytes;
			return this;
		}

		/**
		 * Sets {@code deliver_subject}.
		 * @param deliverSubject where a push consumer delivers, {@code null} for a pull consumer
		 * @return this builder
		 */
		public Builder deliverSubject(String deliverSubject) {
			this.deliverSubject = deliverSubject;
			return this;
		}

		/**
		 * Sets {@code deliver_group}.
		 * @param deliverGroup the queue group a push consumer delivers to, or {@code null}
		 * @return this builder
		 */
		public Builder deliverGroup(String deliverGroup) {
			this.deliverGroup = deliverGroup;
			return this;
		}

		/**
		 * Sets {@code inactive_threshold}.
		 * @param inactiveThreshold how long the consumer may be unused before it is deleted, in nanoseconds, 0 for never
		 * @return this builder
		 */
		public Builder inactiveThreshold(long inactiveThreshold) {
			this.inactiveThreshold = inactiveThreshold;
			return this;
		}

		/**
		 * Sets {@code num_replicas}.
		 * @param numReplicas the replica count, 0 for the stream's
		 * @return this builder
		 */
		public Builder numReplicas(int numReplicas) {
			this.numReplicas = numReplicas;
			return this;
		}

		/**
		 * Sets {@code mem_storage}.
		 * @param memStorage whether the consumer's state is kept in memory whatever the stream's storage
		 * @return this builder
		 */
		public Builder memStorage(boolean memStorage) {
			this.memStorage = memStorage;
			return this;
		}

		/**
		 * Sets {@code direct}.
		 * @param direct whether the consumer is a direct (mirror/source) consumer
		 * @return this builder
		 */
		public Builder direct(boolean direct) {
			this.direct = direct;
			return this;
		}

		/**
		 * Builds the configuration.
		 * @return a new configuration
		 */
		public ConsumerConfig build() {
			return new ConsumerConfig(this);
		}
	}
}
