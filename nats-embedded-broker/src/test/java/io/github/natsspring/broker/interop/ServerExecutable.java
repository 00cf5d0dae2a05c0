package io.github.natsspring.broker.interop;

import java.nio.file.Path;
import java.util.List;

import io.github.natsspring.broker.cli.NatsBrokerMain;

/** The programs a {@link ServerProcessTarget} runs: both take nats-server's flags and configuration file. */
enum ServerExecutable {

	/** The reference nats-server. */
	NATS_SERVER("nats-server") {
		@Override
		List<String> command() {
			return List.of(NatsServerBinary.require().toString());
		}
	},

	/**
	 * The broker's standalone main, the one {@code nats-broker.jar} runs, on this JVM's class path: always the
	 * classes under test, where the jar is only as fresh as the last {@code package}.
	 */
	BROKER("broker process") {
		@Override
		List<String> command() {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			return List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
					NatsBrokerMain.class.getName());
		}
	};

	private final String description;

	ServerExecutable(String description) {
		this.description = description;
	}

	/** The command that starts the program, before its flags. */
	abstract List<String> command();

	@Override
	public String toString() {
		return description;
	}
}
