package io.github.natsspring.broker.jetstream.consumer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

/**
 * An embedded broker with JetStream in a directory, and jnats connections to it, for the consumer wire tests.
 */
final class JetStreamBroker implements AutoCloseable {

	private final Path directory;

	private NatsBroker broker;

	private Connection connection;

	JetStreamBroker(Path directory) {
		this.directory = directory;
	}

	JetStreamBroker start() {
		this.broker = new NatsBroker(NatsBrokerOptions.loopbackRandomPort()
			.toBuilder()
			.jetStream(BrokerJetStream.inDirectory(this.directory))
			.build());
		this.broker.start();
		return this;
	}

	/** Stops and starts again with the same store directory and a new port. */
	JetStreamBroker restart() {
		close();
		return start();
	}

	Connection connection() throws IOException, InterruptedException {
		if (this.connection == null) {
			this.connection = connect();
		}
		return this.connection;
	}

	Connection connect() throws IOException, InterruptedException {
		return Nats.connect(new Options.Builder().server(this.broker.getClientUrl())
			.connectionTimeout(Duration.ofSeconds(5))
			.errorListener(new io.nats.client.ErrorListener() {
			})
			.build());
	}

	JetStreamManagement management() throws IOException, InterruptedException {
		return connection().jetStreamManagement();
	}

	void createStream(String name, String... subjects) throws IOException, InterruptedException, JetStreamApiException {
		management().addStream(StreamConfiguration.builder().name(name).subjects(subjects).storageType(StorageType.File).build());
	}

	String clientUrl() {
		return this.broker.getClientUrl();
	}

	@Override
	public void close() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.connection = null;
		}
		if (this.broker != null) {
			this.broker.close();
			this.broker = null;
		}
	}
}
