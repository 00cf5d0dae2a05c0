package io.github.natsspring.jetstream;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Creates the declared streams and key-value buckets when the context starts, or updates them when the server
 * holds them with a different configuration, before any JetStream listener starts (its phase is below the
 * listener registries'). A declaration differs when a field it sets has another value on the server (see
 * {@link #differs}); fields it leaves out keep the server's values. A failure stops the start with a {@link JetStreamDeclarationException}
 * naming the stream or bucket and the server's error; a server without JetStream, with a
 * {@link JetStreamNotAvailableException}. When the connection is not connected at start (remote mode, server
 * down), the declarations wait for it: {@link #declareIfWaiting()} runs them once it connects. {@link #declare()}
 * runs them again at any time.
 */
public class JetStreamAdmin implements SmartLifecycle {

	/** Phase of the admin: before the listener registries, which run in {@link #DEFAULT_PHASE}. */
	public static final int PHASE = DEFAULT_PHASE - 1000;

	private static final Log logger = LogFactory.getLog(JetStreamAdmin.class);

	private static final int STREAM_NOT_FOUND = 10059;

	private final Connection connection;

	private final Supplier<JetStreamManagement> management;

	private final List<StreamConfiguration> streams;

	private final List<KeyValueConfiguration> buckets;

	private volatile boolean running;

	private boolean waiting;

	/**
	 * Creates an admin.
	 * @param connection the connection, to check it reached a server with JetStream
	 * @param management supplies the management context, looked up only when something is declared
	 * @param streams the streams to declare
	 * @param buckets the key-value buckets to declare
	 */
	public JetStreamAdmin(Connection connection, Supplier<JetStreamManagement> management,
			List<StreamConfiguration> streams, List<KeyValueConfiguration> buckets) {
		this.connection = Objects.requireNonNull(connection, "connection");
		this.management = Objects.requireNonNull(management, "management");
		this.streams = List.copyOf(streams);
		this.buckets = List.copyOf(buckets);
	}

	@Override
	public synchronized void start() {
		if (!this.streams.isEmpty() || !this.buckets.isEmpty()) {
			if (JetStreamContexts.isConnected(this.connection)) {
				declare();
			}
			else {
				this.waiting = true;
				logger.info("NATS connection is not connected to a server yet (status " + this.connection.getStatus()
						+ "): the JetStream streams and key-value buckets declared are created or updated once it"
						+ " connects");
			}
		}
		this.running = true;
	}

	/**
	 * Tells whether declarations skipped at start still wait for the connection.
	 * @return {@code true} until {@link #declareIfWaiting()} has run them
	 */
	public synchronized boolean isWaiting() {
		return this.waiting;
	}

	/**
	 * Runs the declarations skipped at start because the connection was not connected, if any; they are no longer
	 * waiting once they succeeded.
	 * @throws JetStreamDeclarationException if one cannot be created or updated
	 * @throws JetStreamNotAvailableException if the server has no JetStream or the connection is down again
	 */
	public synchronized void declareIfWaiting() {
		if (this.running && this.waiting) {
			declare();
			this.waiting = false;
		}
	}

	/**
	 * Creates or updates every declared stream, then every declared bucket.
	 * @throws JetStreamDeclarationException if one cannot be created or updated
	 * @throws JetStreamNotAvailableException if the server has no JetStream
	 */
	public void declare() {
		JetStreamContexts.requireJetStream(this.connection);
		JetStreamManagement management = this.management.get();
		for (StreamConfiguration stream : this.streams) {
			declareStream(management, stream);
		}
		for (KeyValueConfiguration bucket : this.buckets) {
			declareBucket(management, bucket);
		}
	}

	private void declareStream(JetStreamManagement management, StreamConfiguration stream) {
		String name = stream.getName();
		StreamInfo existing = streamInfo(management, "stream", name, name);
		if (existing == null) {
			run("stream", name, "created", () -> management.addStream(stream));
			logger.info("Created JetStream stream '" + name + "'");
		}
		else if (differs(stream, existing.getConfiguration())) {
			run("stream", name, "updated", () -> management.updateStream(stream));
			logger.info("Updated JetStream stream '" + name + "' to its declared configuration");
		}
	}

	private void declareBucket(JetStreamManagement management, KeyValueConfiguration bucket) {
		String name = bucket.getBucketName();
		StreamConfiguration backing = bucket.getBackingConfig();
		StreamInfo existing = streamInfo(management, "key-value bucket", name, backing.getName());
		if (existing == null) {
			run("key-value bucket", name, "created", () -> management.keyValueManagement().create(bucket));
			logger.info("Created JetStream key-value bucket '" + name + "'");
		}
		else if (differs(backing, existing.getConfiguration())) {
			run("key-value bucket", name, "updated", () -> management.keyValueManagement().update(bucket));
			logger.info("Updated JetStream key-value bucket '" + name + "' to its declared configuration");
		}
	}

	private static @Nullable StreamInfo streamInfo(JetStreamManagement management, String kind, String name, String stream) {
		try {
			return management.getStreamInfo(stream);
		}
		catch (JetStreamApiException ex) {
			if (ex.getApiErrorCode() == STREAM_NOT_FOUND) {
				return null;
			}
			throw new JetStreamDeclarationException(kind, name, "looked up", ex);
		}
		catch (IOException ex) {
			throw new JetStreamDeclarationException(kind, name, "looked up", ex);
		}
	}

	private static void run(String kind, String name, String action, Declaration declaration) {
		try {
			declaration.run();
		}
		catch (JetStreamApiException ex) {
			throw new JetStreamDeclarationException(kind, name, action, ex);
		}
		catch (IOException ex) {
			throw new JetStreamDeclarationException(kind, name, action, ex);
		}
	}

	/**
	 * Tells whether a declared configuration differs from the one the server holds: whether a field the
	 * declaration sets has another value there. Both sides are compared as jnats writes them, which leaves out
	 * fields at their defaults: a field the declaration leaves out keeps whatever the server chose (such as its
	 * two-minute duplicate window), while one it sets to a value other than the default must be the server's.
	 * @param declared the declared configuration
	 * @param actual the server's configuration
	 * @return {@code true} when an update is needed
	 */
	public static boolean differs(StreamConfiguration declared, StreamConfiguration actual) {
		Map<String, JsonValue> wanted = JsonParser.parseUnchecked(declared.toJson()).map;
		Map<String, JsonValue> held = JsonParser.parseUnchecked(actual.toJson()).map;
		for (Map.Entry<String, JsonValue> field : wanted.entrySet()) {
			JsonValue current = held.get(field.getKey());
			if (current == null || !current.toJson().equals(field.getValue().toJson())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.waiting = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/** One JetStream API call. */
	@FunctionalInterface
	private interface Declaration {

		void run() throws IOException, JetStreamApiException;
	}
}
