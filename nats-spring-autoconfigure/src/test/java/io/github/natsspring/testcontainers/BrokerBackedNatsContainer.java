package io.github.natsspring.testcontainers;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A container of the {@code nats} image for tests without Docker: starting it starts an embedded broker on a
 * random loopback port, which its client port 4222 maps to as Docker would map it to the container's; stopping it
 * stops the broker.
 */
class BrokerBackedNatsContainer extends GenericContainer<BrokerBackedNatsContainer> {

	private static final int CLIENT_PORT = 4222;

	private final String image;

	private final NatsBrokerOptions brokerOptions;

	private volatile @Nullable NatsBroker broker;

	BrokerBackedNatsContainer(String image, NatsBrokerOptions brokerOptions) {
		super(DockerImageName.parse(image));
		this.image = image;
		this.brokerOptions = brokerOptions;
	}

	@Override
	public synchronized void start() {
		if (this.broker == null) {
			NatsBroker started = new NatsBroker(this.brokerOptions);
			started.start();
			this.broker = started;
		}
	}

	@Override
	public synchronized void stop() {
		NatsBroker running = this.broker;
		if (running != null) {
			this.broker = null;
			running.stop();
		}
	}

	/** Whether the broker standing for the container's nats-server runs. */
	boolean isBrokerRunning() {
		NatsBroker running = this.broker;
		return running != null && running.isRunning();
	}

	@Override
	public String getDockerImageName() {
		return this.image;
	}

	@Override
	public String getHost() {
		return "127.0.0.1";
	}

	@Override
	public Integer getMappedPort(int originalPort) {
		NatsBroker running = this.broker;
		if (running == null) {
			throw new IllegalStateException("Mapped port can only be obtained after the container is started");
		}
		if (originalPort != CLIENT_PORT) {
			throw new IllegalArgumentException("Only the client port " + CLIENT_PORT + " is mapped, not " + originalPort);
		}
		return running.getPort();
	}
}
