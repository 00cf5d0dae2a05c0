package io.github.natsspring.broker.interop;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;

/** The project's broker, started in this JVM. */
final class EmbeddedBrokerTarget implements NatsTarget {

	private NatsBrokerOptions options;

	private NatsBroker broker;

	@Override
	public void start(NatsBrokerOptions options) {
		this.options = options.toBuilder().host("127.0.0.1").build();
		this.broker = new NatsBroker(this.options);
		this.broker.start();
	}

	@Override
	public int port() {
		return broker.getPort();
	}

	@Override
	public int monitoringPort() {
		return broker.getMonitoringPort();
	}

	@Override
	public void restart() {
		int port = broker.getPort();
		broker.stop();
		start(options.toBuilder().port(port).build());
	}

	@Override
	public void reload(NatsBrokerOptions options) {
		NatsBrokerOptions reloaded = options.toBuilder().host("127.0.0.1").port(broker.getPort()).build();
		broker.reload(reloaded);
		this.options = reloaded;
	}

	@Override
	public void enterLameDuckMode() {
		broker.enterLameDuckMode();
	}

	@Override
	public void stop() {
		if (broker != null) {
			broker.stop();
		}
	}

	@Override
	public String toString() {
		return "embedded broker";
	}
}
