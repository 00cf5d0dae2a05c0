package io.github.natsspring.broker.jetstream.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

import io.github.natsspring.broker.jetstream.InternalClient;
import io.github.natsspring.broker.jetstream.RetentionPolicy;
import io.github.natsspring.broker.jetstream.Stream;
import io.github.natsspring.broker.jetstream.StreamConfig;
import io.github.natsspring.broker.jetstream.StreamConsumers;
import io.github.natsspring.broker.jetstream.api.ApiError;
import io.github.natsspring.broker.jetstream.api.ApiException;
import io.github.natsspring.broker.jetstream.store.ConsumerStore;
import io.github.natsspring.broker.jetstream.store.StoredMessage;
import io.github.natsspring.broker.routing.InterestListener;
import io.github.natsspring.broker.routing.Subscription;
import io.github.natsspring.broker.subject.Subjects;

/**
 * The consumers of one stream: adds them with nats-server's rules ({@code addConsumerWithAssignment}), recovers
 * them, hands them the stream's events and removes acknowledged messages as the stream's retention says.
 * Everything but {@link #count()} and {@link #consumer(String)} runs on the stream's executor.
 */
final class StreamConsumerSet implements StreamConsumers {

	private static final System.Logger LOG = System.getLogger(StreamConsumerSet.class.getName());

	private static final int MAX_NAME_LENGTH = 255;

	private static final String NAME_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private final Stream stream;

	private final InternalClient client;

	private final ScheduledExecutorService scheduler;

	/** By name, sorted as nats-server sorts its names and lists; read from any thread. */
	private final Map<String, StreamConsumer> consumers = new ConcurrentSkipListMap<>();

	/** Tells push consumers at once when their deliver subject gains or loses a subscriber. */
	private final InterestListener interestListener = new InterestListener() {

		@Override
		public void added(Subscription subscription) {
			interestChanged(subscription);
		}

		@Override
		public void removed(Subscription subscription) {
			interestChanged(subscription);
		}
	};

	StreamConsumerSet(Stream stream, InternalClient client, ScheduledExecutorService scheduler) {
		this.stream = stream;
		this.client = client;
		this.scheduler = scheduler;
		client.account().router().addInterestListener(this.interestListener);
	}

	/** On the thread that changed the subscription: hands the check to the stream's executor. */
	private void interestChanged(Subscription subscription) {
		for (StreamConsumer consumer : this.consumers.values()) {
			String deliverSubject = consumer.config().deliverSubject();
			if (deliverSubject != null && Subjects.matches(subscription.subject(), deliverSubject)) {
				this.stream.executor().execute(consumer::interestChanged);
			}
		}
	}

	Stream stream() {
		return this.stream;
	}

	InternalClient client() {
		return this.client;
	}

	ScheduledExecutorService scheduler() {
		return this.scheduler;
	}

	/** Whether a publish on a subject reaches any subscription: a deliver subject or a pull request's inbox. */
	boolean hasSubscribers(String subject) {
		return this.client.account().router().hasInterest(subject);
	}

	StreamConsumer consumer(String name) {
		return this.consumers.get(name);
	}

	List<StreamConsumer> consumers() {
		return new ArrayList<>(this.consumers.values());
	}

	/** Recovers the consumers the stream's store holds state for. */
	void recover() {
		for (String name : this.stream.store().consumerNames()) {
			ConsumerStore store = this.stream.store().consumer(name, StreamConsumer.STORE_ACK_POLICY);
			byte[] metadata = store.metadata();
			if (metadata == null) {
				LOG.log(System.Logger.Level.WARNING, "Removing consumer '" + this.stream.name() + " > " + name
						+ "' without a configuration");
				this.stream.store().deleteConsumer(name);
				continue;
			}
			try {
				StreamConsumer consumer = StreamConsumer.recover(this, name, ConsumerMetadata.parse(metadata), store);
				this.consumers.put(name, consumer);
			}
			catch (IllegalArgumentException ex) {
				LOG.log(System.Logger.Level.WARNING, "Could not recover consumer '" + this.stream.name() + " > " + name
						+ "': " + ex.getMessage());
			}
		}
		for (StreamConsumer consumer : consumers()) {
			consumer.start();
		}
	}

	/**
	 * Adds a consumer, or updates the one of the same name where nats-server allows it.
	 * @param requested the configuration as requested, before defaults
	 * @return the consumer
	 * @throws ApiException with nats-server's error
	 */
	StreamConsumer add(ConsumerConfig requested) {
		ConsumerConfig config = requested.withDefaults();
		StreamConfig streamConfig = this.stream.config();
		ApiError invalid = ConsumerValidation.check(config, streamConfig);
		if (invalid != null) {
			throw new ApiException(invalid);
		}
		String name = config.isDurable() ? config.durableName() : emptyToNull(config.name());
		if (name != null) {
			StreamConsumer existing = this.consumers.get(name);
			if (existing != null) {
				checkUpdate(existing, config);
				if (!existing.config().equals(config)) {
					existing.update(config);
				}
				return existing;
			}
		}
		if (streamConfig.maxConsumers() > 0 && this.consumers.size() >= streamConfig.maxConsumers()) {
			throw new ApiException(ApiError.MAXIMUM_CONSUMERS_LIMIT);
		}
		if (streamConfig.retention() == RetentionPolicy.WORKQUEUE && !config.direct()) {
			checkWorkQueue(config);
		}
		if (config.isDurable() && config.durableName().length() > MAX_NAME_LENGTH) {
			throw new ApiException(ApiError.CONSUMER_NAME_TOO_LONG.with("max", MAX_NAME_LENGTH));
		}
		if (name == null) {
			do {
				name = randomName();
			}
			// nats-server names a legacy ephemeral without writing the name into its configuration
			while (this.consumers.containsKey(name));
		}
		if (!isValidName(name)) {
			throw new ApiException(ApiError.CONSUMER_BAD_DURABLE_NAME);
		}
		StreamConsumer consumer;
		try {
			consumer = StreamConsumer.create(this, name, config);
		}
		catch (RuntimeException ex) {
			throw new ApiException(ApiError.CONSUMER_STORE_FAILED.with("err", ex.getMessage()));
		}
		this.consumers.put(name, consumer);
		consumer.start();
		return consumer;
	}

	/** nats-server's {@code checkNewConsumerConfig}: what an existing consumer's update may not change. */
	private void checkUpdate(StreamConsumer existing, ConsumerConfig updated) {
		ConsumerConfig current = existing.config();
		if (current.equals(updated)) {
			return;
		}
		String refused = null;
		if (current.deliverPolicy() != updated.deliverPolicy()) {
			refused = "deliver policy can not be updated";
		}
		else if (current.optStartSeq() != updated.optStartSeq()) {
			refused = "start sequence can not be updated";
		}
		else if (!Objects.equals(current.optStartTime(), updated.optStartTime())) {
			refused = "start time can not be updated";
		}
		else if (current.ackPolicy() != updated.ackPolicy()) {
			refused = "ack policy can not be updated";
		}
		else if (current.replayPolicy() != updated.replayPolicy()) {
			refused = "replay policy can not be updated";
		}
		else if (current.idleHeartbeat() != updated.idleHeartbeat()) {
			refused = "heart beats can not be updated";
		}
		else if (current.flowControl() != updated.flowControl()) {
			refused = "flow control can not be updated";
		}
		else if (current.maxWaiting() != updated.maxWaiting()) {
			refused = "max waiting can not be updated";
		}
		else if (!Objects.equals(current.deliverSubject(), updated.deliverSubject())) {
			if (current.isPull()) {
				refused = "can not update pull consumer to push based";
			}
			else if (updated.isPull()) {
				refused = "can not update push consumer to pull based";
			}
			else if (hasSubscribers(current.deliverSubject())) {
				throw new ApiException(ApiError.CONSUMER_NAME_EXIST);
			}
		}
		if (refused != null) {
			throw new ApiException(ApiError.CONSUMER_CREATE.with("err", refused));
		}
		if (!updated.backoff().isEmpty() && updated.maxDeliver() <= updated.backoff().size()) {
			throw new ApiException(ApiError.CONSUMER_MAX_DELIVER_BACKOFF);
		}
	}

	private void checkWorkQueue(ConsumerConfig config) {
		if (config.ackPolicy() != io.github.natsspring.broker.jetstream.store.AckPolicy.EXPLICIT) {
			throw new ApiException(ApiError.CONSUMER_WQ_REQUIRES_EXPLICIT_ACK);
		}
		if (!this.consumers.isEmpty()) {
			if (!config.isFiltered()) {
				throw new ApiException(ApiError.CONSUMER_WQ_MULTIPLE_UNFILTERED);
			}
			for (StreamConsumer other : this.consumers.values()) {
				ConsumerConfig otherConfig = other.config();
				if (!otherConfig.isFiltered()
						|| Subjects.collide(otherConfig.filterSubject(), config.filterSubject())) {
					throw new ApiException(ApiError.CONSUMER_WQ_CONSUMER_NOT_UNIQUE);
				}
			}
		}
		if (config.deliverPolicy() != DeliverPolicy.ALL) {
			throw new ApiException(ApiError.CONSUMER_WQ_CONSUMER_NOT_DELIVER_ALL);
		}
	}

	/**
	 * Deletes a consumer and its state.
	 * @param name the consumer's name
	 * @return whether there was one
	 */
	boolean delete(String name) {
		StreamConsumer consumer = this.consumers.remove(name);
		if (consumer == null) {
			return false;
		}
		consumer.stop(true, true);
		return true;
	}

	/** An ephemeral (or a durable with an inactive threshold) unused for too long goes. */
	void removeInactive(StreamConsumer consumer) {
		if (this.consumers.remove(consumer.name(), consumer)) {
			consumer.stop(true, true);
		}
	}

	/**
	 * A consumer is done with a message (acked, terminated, or delivered without acks): a workqueue stream
	 * removes it, an interest stream once no consumer still needs it.
	 */
	void acknowledged(StreamConsumer consumer, long sequence) {
		RetentionPolicy retention = this.stream.config().retention();
		if (retention == RetentionPolicy.WORKQUEUE) {
			this.stream.removeAcknowledged(sequence);
		}
		else if (retention == RetentionPolicy.INTEREST) {
			StoredMessage message = this.stream.store().load(sequence);
			if (message == null) {
				return;
			}
			for (StreamConsumer other : this.consumers.values()) {
				if (other != consumer && other.needsAck(sequence, message.subject())) {
					return;
				}
			}
			this.stream.removeAcknowledged(sequence);
		}
	}

	// ---- StreamConsumers ----------------------------------------------------------------------------------------

	@Override
	public void messageStored(StoredMessage message) {
		for (StreamConsumer consumer : this.consumers.values()) {
			consumer.messageStored(message);
		}
	}

	@Override
	public void messageRemoved(long sequence, String subject) {
		for (StreamConsumer consumer : this.consumers.values()) {
			consumer.messageRemoved(sequence, subject);
		}
	}

	@Override
	public void streamPurged(String filter, long firstSequence, long lastSequence) {
		for (StreamConsumer consumer : this.consumers.values()) {
			if (filter == null || filter.isEmpty() || !consumer.config().isFiltered()
					|| Subjects.isWithin(filter, consumer.config().filterSubject())) {
				consumer.purged(firstSequence, lastSequence);
			}
		}
	}

	@Override
	public int count() {
		return this.consumers.size();
	}

	@Override
	public boolean hasInterest(String subject) {
		for (StreamConsumer consumer : this.consumers.values()) {
			if (consumer.matches(subject)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void streamUpdated(StreamConfig config) {
		for (StreamConsumer consumer : this.consumers.values()) {
			consumer.pump();
		}
	}

	@Override
	public void close() {
		this.client.account().router().removeInterestListener(this.interestListener);
		for (StreamConsumer consumer : this.consumers.values()) {
			consumer.stop(false, false);
		}
		this.consumers.clear();
	}

	@Override
	public void delete() {
		this.client.account().router().removeInterestListener(this.interestListener);
		for (StreamConsumer consumer : this.consumers.values()) {
			// the stream's store removes the consumers' state with its own
			consumer.stop(true, false);
		}
		this.consumers.clear();
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** nats-server's {@code isValidName}. */
	private static boolean isValidName(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '.' || c == '*' || c == '>') {
				return false;
			}
		}
		return !name.isEmpty();
	}

	private static String randomName() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder name = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			name.append(NAME_CHARACTERS.charAt(random.nextInt(NAME_CHARACTERS.length())));
		}
		return name.toString();
	}

	@Override
	public String toString() {
		return "StreamConsumerSet[" + this.stream.name() + "]";
	}
}
