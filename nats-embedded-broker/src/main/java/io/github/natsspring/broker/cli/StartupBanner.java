package io.github.natsspring.broker.cli;

import java.util.logging.Logger;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.protocol.GoQuote;

/**
 * The lines nats-server logs when it starts, handles a signal and stops, worded the same where they apply to
 * this broker, so that scripts and people reading the log find what they look for ("Listening for client
 * connections on", "Server is ready", "Server Exiting..").
 */
final class StartupBanner {

	private final Logger logger = Logger.getLogger(ServerLogging.BROKER_LOGGER_NAME + ".cli");

	/** The first lines, before the port is bound. */
	void starting() {
		logger.info("Starting " + BrokerCommandLine.PROGRAM_NAME);
		logger.info("  Version:  " + ProductVersion.current());
		logger.info("  Protocol: nats-server " + ProductVersion.COMPATIBLE_NATS_SERVER);
		logger.fine("  Java:     " + Runtime.version());
	}

	/** The lines once the broker listens, ending with "Server is ready". */
	void ready(NatsBroker broker, NatsBrokerOptions options, String configFile, boolean plaintextPassword) {
		String serverId = broker.getServerId();
		logger.info("  Name:     " + ((options.serverName() != null) ? options.serverName() : serverId));
		logger.info("  ID:       " + serverId);
		if (!configFile.isEmpty()) {
			logger.info("Using configuration file: " + configFile);
		}
		if (plaintextPassword) {
			logger.warning("Plaintext passwords detected, use nkeys or bcrypt");
		}
		if (options.monitoring() != null) {
			logger.info("Starting http monitor on "
					+ hostPort(options.monitoring().host(), broker.getMonitoringPort()));
		}
		logger.info("Listening for client connections on " + hostPort(options.host(), broker.getPort()));
		logger.info("Server is ready");
	}

	/** The debug line nats-server writes when a signal arrives, naming it as Go does. */
	void trapped(String signalDescription) {
		logger.fine("Trapped \"" + signalDescription + "\" signal");
	}

	/** A debug line for a signal this JVM does not let the broker handle. */
	void unhandledSignal(String name, String reason) {
		logger.fine("Cannot handle SIG" + name + ": " + reason);
	}

	/** The warning when Java Flight Recorder took SIGUSR2, so that it no longer enters lame-duck mode. */
	void lameDuckSignalGivenToFlightRecorder() {
		logger.warning("Java Flight Recorder is running and the JVM suspends threads with SIGUSR2: SIGUSR2 no longer"
				+ " enters lame duck mode; start the JVM with _JAVA_SR_SIGNUM=39 in the environment to keep both");
	}

	/** The error nats-server logs for SIGHUP when it was started without a configuration file. */
	void reloadUnsupported() {
		logger.severe("Failed to reload server configuration: can only reload config when a file is provided"
				+ " using -c or --config");
	}

	/** The error when a reload was refused; the running configuration stays. */
	void reloadFailed(String reason) {
		logger.severe("Failed to reload server configuration: " + reason);
	}

	/** A process setting a reload changed, as nats-server notes it. */
	void reloadedSetting(String name, String value) {
		logger.info("Reloaded: " + name + " = " + value);
	}

	/** The error when a reload named a pid file that cannot be written. */
	void pidFileReloadFailed(String reason) {
		logger.severe("Failed to write pidfile: " + reason);
	}

	/** The line after SIGUSR1 reopened the log file. */
	void logFileReopened() {
		logger.info("File log re-opened");
	}

	/** The line after SIGUSR1 when the log goes to standard error. */
	void logFileReopenIgnored() {
		logger.info("File log re-open ignored, not a file logger");
	}

	/** The error when SIGUSR1 could not reopen the log file. */
	void logFileReopenFailed(String reason) {
		logger.severe("File log re-open failed: " + reason);
	}

	/** The line when shutdown begins. */
	void shuttingDown() {
		logger.info("Initiating Shutdown...");
	}

	/** The last line, once the broker has stopped. */
	void exiting() {
		logger.info("Server Exiting..");
	}

	/** The fatal error when the pid file cannot be written; the process then exits with 1. */
	void pidFileFailed(String reason) {
		logger.log(LogLabel.FATAL, "Could not write pidfile: " + reason);
	}

	/** The fatal error when the port cannot be bound, worded as nats-server's; the process then exits with 1. */
	void listenFailed(String host, long port, String reason) {
		logger.log(LogLabel.FATAL,
				"Error listening on port: " + hostPort(host, port) + ", " + GoQuote.quote(reason));
	}

	// As Go's net.JoinHostPort: IPv6 literals in brackets.
	static String hostPort(String host, long port) {
		return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
	}
}
