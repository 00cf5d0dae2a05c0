package io.github.natsspring.bench.load;

import java.io.IOException;
import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

/**
 * Opens the jnats connections every scenario uses, with identical options against every server.
 */
public final class NatsClients {

	private static final int OUTGOING_QUEUE_MESSAGES = 65_536;

	private NatsClients() {
	}

	/**
	 * Connects to a server without reconnecting, with a large outgoing queue so publishing does not block early.
	 * @param url the server URL
	 * @param name the connection name, shown in server logs
	 * @return the connection
	 * @throws IOException when the server cannot be reached
	 * @throws InterruptedException when interrupted while connecting
	 */
	public static Connection connect(String url, String name) throws IOException, InterruptedException {
		Options options = Options.builder()
			.server(url)
			.connectionName(name)
			.noReconnect()
			.connectionTimeout(Duration.ofSeconds(10))
			.maxMessagesInOutgoingQueue(OUTGOING_QUEUE_MESSAGES)
			.build();
		return Nats.connect(options);
	}

}
