package io.github.natsspring.broker.cli;

import java.util.logging.Logger;

import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.NatsBrokerOptions;

/**
 * The lines nats-server logs when it starts and stops, worded the same where they apply to this broker,
 * so that scripts and people reading the log find what they look for ("Listening for client connections on",
 * "Server is ready", "Server Exiting..").
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
	void ready(NatsBroker broker, NatsBrokerOptions options, boolean plaintextPassword) {
		String serverId = broker.getServerId();
		logger.info("  Name:     " + ((options.serverName() != null) ? options.serverName() : serverId));
		logger.info("  ID:       " + serverId);
		if (plaintextPassword) {
			logger.warning("Plaintext passwords detected, use nkeys or bcrypt");
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

	/** The line when shutdown begins. */
	void shuttingDown() {
		logger.info("Initiating Shutdown...");
	}

	/** The last line, once the broker has stopped. */
	void exiting() {
		logger.info("Server Exiting..");
	}

	/** A fatal error, after which the process exits with status 1. */
	void fatal(String message) {
		logger.log(LogLabel.FATAL, message);
	}

	/** A fatal error binding the port, worded as nats-server's. */
	void listenFailed(String host, long port, String reason) {
		fatal("Error listening on port: " + hostPort(host, port) + ", " + GoValueSyntax.quote(reason));
	}

	// As Go's net.JoinHostPort: IPv6 literals in brackets.
	static String hostPort(String host, long port) {
		return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
	}
}
