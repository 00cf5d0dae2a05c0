package io.github.natsspring.broker.jetstream;

import java.io.IOException;
import java.nio.file.Path;

import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

/** Starts brokers with JetStream kept in a test's directory, and connects jnats to them. */
final class JetStreamBrokers {

	private JetStreamBrokers() {
	}

	static NatsBroker start(Path storeDirectory) {
		NatsBroker broker = new NatsBroker(options(storeDirectory).build());
		broker.start();
		return broker;
	}

	static NatsBrokerOptions.Builder options(Path storeDirectory) {
		return NatsBrokerOptions.loopbackRandomPort().toBuilder().jetStream(BrokerJetStream.inDirectory(storeDirectory));
	}

	static Connection connect(NatsBroker broker) throws IOException, InterruptedException {
		return Nats.connect(new Options.Builder().server(broker.getClientUrl()).maxReconnects(0).build());
	}
}
