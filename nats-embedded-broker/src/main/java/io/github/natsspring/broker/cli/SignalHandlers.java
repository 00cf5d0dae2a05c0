package io.github.natsspring.broker.cli;

import sun.misc.Signal;

/**
 * nats-server's signal handling: SIGINT stops the server and exits with status 0, SIGTERM stops it and exits
 * with status 1 (ignored during lame-duck mode), SIGUSR2 enters lame-duck mode. {@code sun.misc.Signal}
 * (module {@code jdk.unsupported}) is the only way in Java 17 to pick the exit status of a signal; where a
 * signal cannot be handled (Windows, {@code -Xrs}) the JVM's default applies and the shutdown hook still
 * stops the broker.
 */
final class SignalHandlers {

	private SignalHandlers() {
	}

	/** Installs the handlers for this process. */
	static void install(BrokerProcess process, StartupBanner banner) {
		handle("INT", "interrupt", banner, () -> process.shutdown(0));
		handle("TERM", "terminated", banner, () -> {
			if (!process.isInLameDuckMode()) {
				process.shutdown(1);
			}
		});
		handle("USR2", "user defined signal 2", banner, process::enterLameDuckMode);
	}

	// The description is Go's name for the signal, which nats-server logs.
	private static void handle(String name, String description, StartupBanner banner, Runnable action) {
		try {
			Signal.handle(new Signal(name), (signal) -> {
				banner.trapped(description);
				action.run();
			});
		}
		catch (IllegalArgumentException ex) {
			banner.unhandledSignal(name, ex.getMessage());
		}
	}
}
