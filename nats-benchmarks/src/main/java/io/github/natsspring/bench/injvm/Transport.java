package io.github.natsspring.bench.injvm;

import java.io.IOException;
import java.time.Duration;

import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.InJvmDataPort;

/**
 * How a jnats connection of the comparison reaches the broker: its TCP port on loopback, or its in-JVM listener.
 * Apart from the data port and the URL, both connect with the same options.
 */
public enum Transport {

	/** jnats' socket data port to the broker's loopback port. */
	TCP_LOOPBACK("TCP loopback") {
		@Override
		Options.Builder target(Options.Builder options, NatsBroker broker) {
			return options.server(broker.getClientUrl());
		}
	},

	/** {@link InJvmDataPort} to the broker's in-JVM listener. */
	IN_JVM("in-JVM") {
		@Override
		Options.Builder target(Options.Builder options, NatsBroker broker) {
			return options.server(broker.getInJvmClientUrl())
				.dataPortType(InJvmDataPort.class.getName())
				.hostnameResolveMode(Options.HostnameResolveMode.Unresolved);
		}
	};

	private static final int OUTGOING_QUEUE_MESSAGES = 65_536;

	private final String label;

	Transport(String label) {
		this.label = label;
	}

	/**
	 * The column heading of this transport's side.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	abstract Options.Builder target(Options.Builder options, NatsBroker broker);

	Connection connect(NatsBroker broker, String name) throws IOException, InterruptedException {
		Options.Builder options = Options.builder()
			.connectionName(name)
			.noReconnect()
			.connectionTimeout(Duration.ofSeconds(10))
			.maxMessagesInOutgoingQueue(OUTGOING_QUEUE_MESSAGES);
		return Nats.connect(target(options, broker).build());
	}

}
