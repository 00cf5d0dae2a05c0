package io.github.natsspring.broker.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * nats-server's signal handling: SIGINT stops the server and exits with status 0, SIGTERM stops it and exits
 * with status 1 (ignored during lame-duck mode), SIGUSR2 enters lame-duck mode, SIGUSR1 reopens the log file,
 * SIGHUP asks for a configuration reload; SIGUSR2 goes back to the JVM while Java Flight Recorder runs
 * ({@link FlightRecorderSignalGuard}). {@code sun.misc.Signal} (module {@code jdk.unsupported}) is the only
 * way in Java 17 to choose the exit status of a signal. Where a signal cannot be handled (Windows,
 * {@code -Xrs}) the JVM's default applies and the shutdown hook still stops the broker; unlike Go, the JVM also
 * leaves SIGINT and SIGHUP ignored when the process was started with them ignored ({@code nohup}, background
 * jobs of a non-interactive shell).
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
		if (FlightRecorderSignalGuard.flightRecorderHoldsUsr2()) {
			banner.lameDuckSignalGivenToFlightRecorder();
		}
		else {
			SignalHandler jvmHandler = handle("USR2", "user defined signal 2", banner, process::enterLameDuckMode);
			if (jvmHandler != null) {
				FlightRecorderSignalGuard.install(new Signal("USR2"), jvmHandler, banner);
			}
		}
		handle("USR1", "user defined signal 1", banner, process::reopenLogFile);
		handle("HUP", "hangup", banner, process::reloadConfiguration);
	}

	// The description is Go's name for the signal, which nats-server logs.
	private static SignalHandler handle(String name, String description, StartupBanner banner, Runnable action) {
		try {
			return Signal.handle(new Signal(name), (signal) -> {
				banner.trapped(description);
				action.run();
			});
		}
		catch (IllegalArgumentException ex) {
			banner.unhandledSignal(name, ex.getMessage());
			return null;
		}
	}
}
