package io.github.natsspring.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;

/**
 * Records the messages a jnats subscription receives, so that a test can wait for them without sleeping:
 * {@link #awaitMessages(int, Duration)} and {@link #awaitMessage(Predicate, Duration)} return as soon as what they
 * wait for has arrived and fail with what did arrive when the time is up.
 *
 * <pre>{@code
 * try (SubjectRecorder orders = SubjectRecorder.subscribe(connection, "orders.>")) {
 *     connection.publish("orders.created", data);
 *     List<Message> received = orders.awaitMessages(1, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class SubjectRecorder implements AutoCloseable {

	private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);

	private static final int DESCRIBED_PAYLOAD_CHARS = 64;

	private final Connection connection;

	private final boolean ownsConnection;

	private final String subject;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition arrived = this.lock.newCondition();

	private final List<Message> messages = new ArrayList<>();

	private final Dispatcher dispatcher;

	private SubjectRecorder(Connection connection, boolean ownsConnection, String subject) {
		this.connection = connection;
		this.ownsConnection = ownsConnection;
		this.subject = subject;
		this.dispatcher = connection.createDispatcher(this::add);
		this.dispatcher.subscribe(subject);
		confirmSubscription();
	}

	/**
	 * Subscribes on the given connection; the connection stays open when the recorder closes.
	 * @param connection the connection to subscribe on
	 * @param subject the subject, wildcards allowed
	 * @return the recorder, its subscription in place at the server
	 * @throws IllegalStateException if the server does not confirm the subscription within 5 s
	 */
	public static SubjectRecorder subscribe(Connection connection, String subject) {
		return new SubjectRecorder(Objects.requireNonNull(connection, "connection"), false,
				Objects.requireNonNull(subject, "subject"));
	}

	/**
	 * Subscribes on a connection that the recorder owns and closes.
	 * @param connection the connection, closed with the recorder
	 * @param subject the subject
	 * @return the recorder
	 */
	static SubjectRecorder onOwnConnection(Connection connection, String subject) {
		try {
			return new SubjectRecorder(connection, true, Objects.requireNonNull(subject, "subject"));
		}
		catch (RuntimeException ex) {
			closeQuietly(connection);
			throw ex;
		}
	}

	// a flush round trip proves the SUB was read, so a publish that follows cannot be missed
	private void confirmSubscription() {
		try {
			this.connection.flush(SUBSCRIBE_TIMEOUT);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("The server did not confirm the subscription to '" + this.subject
					+ "' within " + SUBSCRIBE_TIMEOUT.toSeconds() + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while subscribing to '" + this.subject + "'", ex);
		}
	}

	private void add(Message message) {
		this.lock.lock();
		try {
			this.messages.add(message);
			this.arrived.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Waits until at least {@code count} messages have arrived since the recorder was created or last cleared.
	 * @param count how many messages to wait for
	 * @param timeout how long to wait at most
	 * @return every message received so far, in the order received (at least {@code count})
	 * @throws AssertionError if fewer arrived in time, listing those that did
	 */
	public List<Message> awaitMessages(int count, Duration timeout) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1, was " + count);
		}
		return awaitUntil((received) -> received.size() >= count, timeout, () -> "Expected " + count
				+ ((count == 1) ? " message" : " messages") + " on '" + this.subject + "' within " + timeout);
	}

	/**
	 * Waits for the first message that matches.
	 * @param matching what the message must satisfy
	 * @param timeout how long to wait at most
	 * @return the first matching message received
	 * @throws AssertionError if none matched in time, listing those that arrived
	 */
	public Message awaitMessage(Predicate<Message> matching, Duration timeout) {
		Objects.requireNonNull(matching, "matching");
		List<Message> received = awaitUntil((all) -> all.stream().anyMatch(matching), timeout,
				() -> "Expected a matching message on '" + this.subject + "' within " + timeout);
		return received.stream().filter(matching).findFirst().orElseThrow();
	}

	private List<Message> awaitUntil(Predicate<List<Message>> done, Duration timeout,
			Supplier<String> expectation) {
		long remaining = timeout.toNanos();
		this.lock.lock();
		try {
			while (!done.test(this.messages)) {
				if (remaining <= 0) {
					throw new AssertionError(expectation.get() + ", received " + describe(this.messages));
				}
				remaining = this.arrived.awaitNanos(remaining);
			}
			return List.copyOf(this.messages);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(expectation.get() + ": interrupted", ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The messages received so far.
	 * @return a snapshot, in the order received
	 */
	public List<Message> messages() {
		this.lock.lock();
		try {
			return List.copyOf(this.messages);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Forgets the messages received so far, so that the next wait counts from now. */
	public void clear() {
		this.lock.lock();
		try {
			this.messages.clear();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The subject recorded.
	 * @return the subject as subscribed
	 */
	public String subject() {
		return this.subject;
	}

	/** Unsubscribes, and closes the connection if the recorder opened it. */
	@Override
	public void close() {
		if (this.ownsConnection) {
			closeQuietly(this.connection);
		}
		else {
			this.connection.closeDispatcher(this.dispatcher);
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String describe(List<Message> received) {
		if (received.isEmpty()) {
			return "none";
		}
		return received.size() + ": " + received.stream().map(SubjectRecorder::describe)
			.collect(Collectors.joining(", ", "[", "]"));
	}

	private static String describe(Message message) {
		byte[] data = message.getData();
		String text = (data != null) ? new String(data, StandardCharsets.UTF_8) : "";
		if (text.length() > DESCRIBED_PAYLOAD_CHARS) {
			text = text.substring(0, DESCRIBED_PAYLOAD_CHARS) + "…";
		}
		return message.getSubject() + " '" + text + "'";
	}
}
